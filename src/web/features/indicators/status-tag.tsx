import { useTranslation } from 'react-i18next';
import type { IndicatorStatus } from '../../../shared/contracts/indicators.js';
import { StatusTag, type Tone } from '../../components/status-tag/status-tag.js';

const tones: Record<IndicatorStatus, Tone> = {
  achieved: 'success',
  on_track: 'info',
  at_risk: 'warning',
  off_track: 'danger',
  no_data: 'neutral',
};

/** An indicator's status in words, with the tone of its status. */
export function IndicatorStatusTag({ status }: { status: IndicatorStatus }) {
  const { t } = useTranslation();
  return (
    <StatusTag tone={tones[status]} status={status}>
      {t(`indicators.status.${status}`)}
    </StatusTag>
  );
}

/** Whether any figure of the indicator was made up for the demo. */
export function isIllustrative(indicator: {
  baseline: { isIllustrative: boolean } | null;
  series: Array<{ isIllustrative: boolean }>;
  targets: Array<{ isIllustrative: boolean }>;
}): boolean {
  return (
    (indicator.baseline?.isIllustrative ?? false) ||
    indicator.series.some((p) => p.isIllustrative) ||
    indicator.targets.some((t) => t.isIllustrative)
  );
}
