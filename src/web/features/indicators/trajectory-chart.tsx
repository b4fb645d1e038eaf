import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicIndicator } from '../../../shared/contracts/indicators.js';
import { vietnameseContent } from '../../components/content-language/content-language.js';
import { Chart } from '../../components/chart/chart.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { trajectorySpec } from './chart-spec.js';

/** The indicator's path, target and approved values, and the same figures as a table. */
export function TrajectoryChart({ indicator, isCompact = false }: { indicator: PublicIndicator; isCompact?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const unit = localized(indicator.unit);
  const illustrative = t('indicators.illustrative');
  const { spec, targetText, notes } = useMemo(
    () =>
      trajectorySpec(
        indicator,
        {
          actual: t('indicators.chart.actual'),
          path: t('indicators.chart.path'),
          target: t('indicators.chart.target'),
          illustrative,
        },
        unit,
        locale,
      ),
    [indicator, t, illustrative, unit, locale],
  );
  return (
    <Chart
      spec={spec}
      name={indicator.code}
      caption={t('indicators.chart.tableCaption', { name: localized(indicator.name), unit })}
      categoryHeader={t('indicators.chart.period')}
      extraColumns={[
        { key: 'target', header: t('indicators.chart.target'), values: targetText },
        // A note is the "illustrative" label or a value's source note, which is written in Vietnamese.
        {
          key: 'note',
          header: t('indicators.chart.note'),
          values: notes.map((note) => (note === '' || note === illustrative ? note : <span {...vietnameseContent}>{note}</span>)),
        },
      ]}
      isCompact={isCompact}
      isTableOpen={!isCompact}
    />
  );
}
