import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CampaignSummary } from '../../../shared/contracts/portal.js';
import { Card, CardList } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { Section } from '../../components/page/page.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { movementPaths } from '../movement/paths.js';
import styles from './portal.module.css';

type CampaignsProps = { campaigns: CampaignSummary[] };

/** The emulation movements, each with its phases laid out as a timeline ending in a review. */
export function Campaigns({ campaigns }: CampaignsProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('home.campaigns.heading')}>
      <CardList items={campaigns} itemKey={(c) => c.code} layout="column" empty={<EmptyState title={t('home.campaigns.empty')} />}>
        {(campaign) => <CampaignCard campaign={campaign} />}
      </CardList>
    </Section>
  );
}

function CampaignCard({ campaign }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const phases = [...campaign.phases].sort((a, b) => a.order - b.order);

  return (
    <Card title={<Link to={movementPaths.campaign(campaign.code)}>{localized(campaign.title)}</Link>}>
      <p className="muted">
        {t('home.campaigns.period', { start: formatDate(campaign.periodStart, locale), end: formatDate(campaign.periodEnd, locale) })}
      </p>
      <h4 className="visually-hidden">{t('home.campaigns.phasesHeading')}</h4>
      <ol className={styles.timeline}>
        {phases.map((phase) => (
          <li key={phase.order} className={styles.phase}>
            <span className={styles.marker} aria-hidden="true">
              {phase.order}
            </span>
            <p className={styles.phaseName}>{localized(phase.name)}</p>
            <p className={styles.phaseDates}>
              {t('home.campaigns.phaseDates', { start: formatDate(phase.startsOn, locale), end: formatDate(phase.endsOn, locale) })}
            </p>
            {phase.review && phase.reviewOn ? (
              <StatusTag tone={phase.review === 'interim' ? 'info' : 'success'}>
                <time dateTime={phase.reviewOn}>
                  {t('home.campaigns.reviewOn', {
                    review: phase.review === 'interim' ? t('home.campaigns.interimReview') : t('home.campaigns.finalReview'),
                    date: formatDate(phase.reviewOn, locale),
                  })}
                </time>
              </StatusTag>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
