import type { Locale } from '../../../shared/contracts/common.js';
import type { PublicIndicator } from '../../../shared/contracts/indicators.js';
import type { ChartCategory, ChartSpec } from '../../components/chart/chart-model.js';
import { formatBounds, formatPeriod } from '../../i18n/format.js';

export type TrajectoryLabels = { actual: string; path: string; target: string; illustrative: string };

type Point = { key: string; end: string; value: number | null; note: string };

const endOfYear = (year: number) => `${year}-12-31`;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The target the indicator is assessed against: the assessment's year, else the last one. */
export function assessedTarget(indicator: PublicIndicator) {
  return indicator.targets.find((target) => target.year === indicator.assessment.targetYear) ?? indicator.targets.at(-1) ?? null;
}

/**
 * The indicator's trajectory as a chart model, one category per period in time order: the baseline year,
 * each approved value's period and each target year. The path is the straight line from the first value
 * to the target's threshold, read at each period's end; the assessed target is a band (a range) or a
 * dotted line (a floor or a ceiling). The extra columns give each target as written and each value's note.
 */
export function trajectorySpec(indicator: PublicIndicator, labels: TrajectoryLabels, unit: string, locale: Locale) {
  const points = new Map<string, Point>();
  const add = (point: Point) => points.set(point.key, { ...points.get(point.key), ...point });
  if (indicator.baseline) {
    add({
      key: String(indicator.baseline.year),
      end: endOfYear(indicator.baseline.year),
      value: indicator.baseline.value,
      note: indicator.baseline.isIllustrative ? labels.illustrative : '',
    });
  }
  for (const point of indicator.series) {
    add({
      key: point.period,
      end: point.periodEnd,
      value: point.value,
      note: point.isIllustrative ? labels.illustrative : (point.sourceNote ?? ''),
    });
  }
  for (const target of indicator.targets) {
    const key = String(target.year);
    if (!points.has(key)) add({ key, end: endOfYear(target.year), value: null, note: target.isIllustrative ? labels.illustrative : '' });
  }
  const ordered = [...points.values()].sort((a, b) => a.end.localeCompare(b.end));
  const categories: ChartCategory[] = ordered.map((point) => ({ key: point.key, label: formatPeriod(point.key, locale) }));

  const target = assessedTarget(indicator);
  const threshold = indicator.assessment.threshold;
  const start = ordered.find((point) => point.value !== null);
  const pathTo =
    target && threshold !== null && start
      ? { fromDay: dayOf(start.end), from: start.value!, toDay: dayOf(endOfYear(target.year)), to: threshold }
      : null;
  const pathAt = (end: string): number | null => {
    if (!pathTo) return null;
    const day = dayOf(end);
    if (day < pathTo.fromDay || day > pathTo.toDay) return null;
    const share = pathTo.toDay === pathTo.fromDay ? 1 : (day - pathTo.fromDay) / (pathTo.toDay - pathTo.fromDay);
    return Math.round((pathTo.from + share * (pathTo.to - pathTo.from)) * 100) / 100;
  };
  const isRange = target !== null && target.min !== null && target.max !== null && target.min !== target.max;

  const spec: ChartSpec = {
    kind: 'line',
    categories,
    series: [
      { key: 'actual', name: labels.actual, values: ordered.map((point) => point.value) },
      ...(pathTo ? [{ key: 'path', name: labels.path, values: ordered.map((point) => pathAt(point.end)), isDashed: true }] : []),
    ],
    ...(target && isRange ? { band: { categoryKey: String(target.year), min: target.min!, max: target.max!, name: labels.target } } : {}),
    ...(target && !isRange && threshold !== null ? { threshold: { value: threshold, name: labels.target } } : {}),
  };
  const targetText = ordered.map((point) => {
    const inYear = indicator.targets.find((t) => String(t.year) === point.key);
    return inYear ? (formatBounds(inYear, unit, locale) ?? '') : '';
  });
  return { spec, targetText, notes: ordered.map((point) => point.note) };
}
