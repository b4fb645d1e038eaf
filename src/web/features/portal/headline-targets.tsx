import { useTranslation } from 'react-i18next';
import type { HeadlineTarget } from '../../../shared/contracts/portal.js';
import { Card, CardList } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { Section } from '../../components/page/page.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { formatBounds, formatQuantity } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import styles from './portal.module.css';

type HeadlineTargetsProps = { targets: HeadlineTarget[] };

/** The city's headline targets as cards: the target, today's figure, and a tag on made-up figures. */
export function HeadlineTargets({ targets }: HeadlineTargetsProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('home.targets.heading')} intro={t('home.targets.intro')}>
      <CardList items={targets} itemKey={(target) => target.code} empty={<EmptyState title={t('home.targets.empty')} />}>
        {(target) => <TargetCard target={target} />}
      </CardList>
    </Section>
  );
}

function TargetCard({ target }: { target: HeadlineTarget }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const unit = localized(target.unit);
  const range = formatBounds({ min: target.targetMin, max: target.targetMax }, unit, locale);

  return (
    <Card title={localized(target.name)}>
      {target.isIllustrative ? (
        <p>
          <StatusTag tone="warning" title={t('home.targets.illustrativeHint')}>
            {t('home.targets.illustrative')}
          </StatusTag>
        </p>
      ) : null}
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt>{t('home.targets.target', { year: String(target.targetYear) })}</dt>
          <dd className={styles.target}>{range ?? t('home.targets.noTarget')}</dd>
        </div>
        {target.baselineValue !== null ? (
          <div className={styles.figure}>
            <dt>
              {target.baselineYear !== null
                ? t('home.targets.baselineWithYear', { year: String(target.baselineYear) })
                : t('home.targets.baseline')}
            </dt>
            <dd>{formatQuantity(target.baselineValue, unit, locale)}</dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
