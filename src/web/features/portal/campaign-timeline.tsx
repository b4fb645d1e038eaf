import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../shared/contracts/portal.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';

type CampaignsProps = { campaigns: CampaignSummary[] };

/** The emulation movements, each with its phases laid out as a timeline ending in a review. */
export function Campaigns({ campaigns }: CampaignsProps) {
  const { t } = useTranslation();

  return (
    <section className="section" aria-labelledby="campaigns-heading">
      <h2 id="campaigns-heading">{t('home.campaigns.heading')}</h2>
      {campaigns.length === 0 ? (
        <p>{t('home.campaigns.empty')}</p>
      ) : (
        <ul className="plain-list campaign-list">
          {campaigns.map((campaign) => (
            <li key={campaign.code}>
              <CampaignCard campaign={campaign} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CampaignCard({ campaign }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const headingId = useId();
  const phases = [...campaign.phases].sort((a, b) => a.order - b.order);

  return (
    <article className="card campaign" aria-labelledby={headingId}>
      <h3 id={headingId}>{localized(campaign.title)}</h3>
      <p className="campaign__period">
        {t('home.campaigns.period', {
          start: formatDate(campaign.periodStart, locale),
          end: formatDate(campaign.periodEnd, locale),
        })}
      </p>
      <h4 className="visually-hidden">{t('home.campaigns.phasesHeading')}</h4>
      <ol className="timeline">
        {phases.map((phase) => (
          <li key={phase.order} className="timeline__phase">
            <span className="timeline__marker" aria-hidden="true">
              {phase.order}
            </span>
            <div className="timeline__body">
              <p className="timeline__name">{localized(phase.name)}</p>
              <p className="timeline__dates">
                {t('home.campaigns.phaseDates', {
                  start: formatDate(phase.startsOn, locale),
                  end: formatDate(phase.endsOn, locale),
                })}
              </p>
              {phase.review && phase.reviewOn ? (
                <p className={`timeline__review timeline__review--${phase.review}`}>
                  <time dateTime={phase.reviewOn}>
                    {t('home.campaigns.reviewOn', {
                      review:
                        phase.review === 'interim'
                          ? t('home.campaigns.interimReview')
                          : t('home.campaigns.finalReview'),
                      date: formatDate(phase.reviewOn, locale),
                    })}
                  </time>
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </article>
  );
}
