import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeadlineTarget } from '../../../shared/contracts/portal.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { formatQuantity, formatTargetRange } from './format-target.js';

type HeadlineTargetsProps = { targets: HeadlineTarget[] };

/** The city's headline targets as cards: the target, today's figure, and a badge on made-up figures. */
export function HeadlineTargets({ targets }: HeadlineTargetsProps) {
  const { t } = useTranslation();

  return (
    <section className="section" aria-labelledby="targets-heading">
      <h2 id="targets-heading">{t('home.targets.heading')}</h2>
      <p className="section__intro">{t('home.targets.intro')}</p>
      {targets.length === 0 ? (
        <p>{t('home.targets.empty')}</p>
      ) : (
        <ul className="plain-list card-grid">
          {targets.map((target) => (
            <li key={target.code}>
              <TargetCard target={target} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TargetCard({ target }: { target: HeadlineTarget }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const unit = localized(target.unit);
  const range = formatTargetRange(target, unit, locale);
  const headingId = useId();

  return (
    <article className="card target" aria-labelledby={headingId}>
      <h3 id={headingId} className="target__name">
        {localized(target.name)}
      </h3>
      {target.isIllustrative ? (
        <p className="badge badge--illustrative" title={t('home.targets.illustrativeHint')}>
          {t('home.targets.illustrative')}
        </p>
      ) : null}
      <dl className="target__figures">
        <div className="target__figure target__figure--target">
          <dt>{t('home.targets.target', { year: String(target.targetYear) })}</dt>
          <dd className="target__value">{range ?? t('home.targets.noTarget')}</dd>
        </div>
        {target.baselineValue !== null ? (
          <div className="target__figure">
            <dt>
              {target.baselineYear !== null
                ? t('home.targets.baselineWithYear', { year: String(target.baselineYear) })
                : t('home.targets.baseline')}
            </dt>
            <dd>{formatQuantity(target.baselineValue, unit, locale)}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
