import { useTranslation } from 'react-i18next';
import type { IndicatorStatus } from '../../../shared/contracts/indicators.js';

/** The status in words (never colour alone), with a colour per status. */
export function StatusTag({ status }: { status: IndicatorStatus }) {
  const { t } = useTranslation();
  return <span className={`tag indicator-status indicator-status--${status}`}>{t(`indicators.status.${status}`)}</span>;
}

/** Whether any figure of the indicator was made up for the demo. */
export function isIllustrative(indicator: { baseline: { isIllustrative: boolean } | null; series: Array<{ isIllustrative: boolean }>; targets: Array<{ isIllustrative: boolean }> }): boolean {
  return (indicator.baseline?.isIllustrative ?? false) || indicator.series.some((p) => p.isIllustrative) || indicator.targets.some((t) => t.isIllustrative);
}
