import { useTranslation } from 'react-i18next';
import type { PublicIndicator } from '../../../shared/contracts/indicators.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { formatNumber } from '../../i18n/format.js';
import { formatTarget } from './format.js';

/** The chart's figures as a table: baseline, approved values and targets, with illustrative ones marked. */
export function IndicatorDataTable({ indicator }: { indicator: PublicIndicator }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const unit = localized(indicator.unit);
  const illustrative = t('indicators.illustrative');

  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{t('indicators.chart.tableCaption', { name: localized(indicator.name) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.chart.period')}</th>
            <th scope="col">{t('indicators.chart.kind')}</th>
            <th scope="col" className="data-table__number">
              {t('indicators.chart.value', { unit })}
            </th>
            <th scope="col">{t('indicators.chart.note')}</th>
          </tr>
        </thead>
        <tbody>
          {indicator.baseline ? (
            <tr>
              <th scope="row">{indicator.baseline.year}</th>
              <td>{t('indicators.chart.kindBaseline')}</td>
              <td className="data-table__number">{formatNumber(indicator.baseline.value, locale)}</td>
              <td>{indicator.baseline.isIllustrative ? illustrative : ''}</td>
            </tr>
          ) : null}
          {indicator.series.map((point) => (
            <tr key={point.period}>
              <th scope="row">{point.period}</th>
              <td>{t('indicators.chart.kindActual')}</td>
              <td className="data-table__number">{formatNumber(point.value, locale)}</td>
              <td>{point.isIllustrative ? illustrative : (point.sourceNote ?? '')}</td>
            </tr>
          ))}
          {indicator.targets.map((target) => (
            <tr key={`target-${target.year}`}>
              <th scope="row">{target.year}</th>
              <td>{t('indicators.chart.kindTarget')}</td>
              <td className="data-table__number">{formatTarget(target, '', locale)}</td>
              <td>{target.isIllustrative ? illustrative : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
