// The on-track method, as written in docs/indicator-status-method.md. Pure: no database, no clock.
import type { FigureQualifier, IndicatorStatus, ProjectionMethod } from '../../../shared/contracts/indicators.js';

export type Direction = 'higher' | 'lower';
/** A target for a year: a single value (min = max), a floor (max null), a ceiling (min null) or a range; with the source's qualifier. */
export type Target = { year: number; min: number | null; max: number | null; qualifier?: FigureQualifier | null };
/** A point in time as a decimal year: the end of 2025 is 2026.0, the end of Q1 2026 is 2026.25. */
export type Point = { at: number; value: number };

export type StatusInput = {
  direction: Direction;
  /** Value at the end of the baseline year; null when not known. */
  baseline: { year: number; value: number } | null;
  targets: readonly Target[];
  /** Approved values, any order. */
  observations: readonly Point[];
  /** Share of the required change (baseline → target) by which a value may trail the path and still be "at risk". */
  tolerance?: number;
  /** How the indicator is projected and judged; a straight line when not given. */
  method?: ProjectionMethod;
};

export type StatusResult = {
  status: IndicatorStatus;
  /** The target the latest value is judged against (the first one not yet past), or null. */
  target: Target | null;
  /** The edge of the target that counts: the floor when higher is better, the ceiling when lower is better. */
  threshold: number | null;
  latest: Point | null;
  /** Where the straight path from the start to the threshold stands at the latest value's time. */
  expected: number | null;
  /** Straight-line extrapolation from the start through the latest value to the end of the target year. */
  projected: number | null;
  /** Whether the projection reaches the threshold. */
  isProjectedToMeet: boolean | null;
  /** Which point the path starts from: the baseline, or the first approved value when there is no baseline. */
  pathStart: Point | null;
};

export const defaultTolerance = 0.1;
/** "khoảng 40" / "gần 300": a value within this share of the figure counts as reaching it. */
export const aboutTolerance = 0.05;
/** A share is a percentage of a whole: no projection goes below 0 or past 100. */
export const shareBounds = { min: 0, max: 100 } as const;

/** The end of a year as a decimal year (values and targets are stated "for" a year, i.e. at its end). */
export const endOfYear = (year: number): number => year + 1;

/** The edge of a target that must be reached: min when higher is better, max when lower is better. */
export function thresholdOf(target: Target, direction: Direction): number | null {
  return direction === 'higher' ? (target.min ?? target.max) : (target.max ?? target.min);
}

/** Whether `value` is as good as `reference` or better, in the indicator's direction. */
export function meets(value: number, reference: number, direction: Direction): boolean {
  return direction === 'higher' ? value >= reference : value <= reference;
}

/** Whether `value` reaches a target's threshold as the source words it: "hơn 40" needs more than 40, "khoảng 40" 38 will do. */
export function reaches(value: number, threshold: number, direction: Direction, qualifier: FigureQualifier | null | undefined): boolean {
  if (qualifier === 'more_than') return direction === 'higher' ? value > threshold : value < threshold;
  if (qualifier === 'about' || qualifier === 'nearly') {
    const slack = Math.abs(threshold) * aboutTolerance;
    return direction === 'higher' ? value >= threshold - slack : value <= threshold + slack;
  }
  return meets(value, threshold, direction);
}

/** The target a value at `at` is judged against: the earliest whose year has not ended before it, else the last. */
export function targetFor(targets: readonly Target[], at: number): Target | null {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  return sorted.find((target) => endOfYear(target.year) >= at) ?? sorted.at(-1) ?? null;
}

/** The projection to `targetAt` by the indicator's method (docs/indicator-status-method.md §4); null when it has none. */
export function projectTo(
  method: ProjectionMethod,
  sorted: readonly Point[],
  pathStart: Point | null,
  targetAt: number,
  direction: Direction,
): number | null {
  const latest = sorted.at(-1);
  if (!latest || method === 'annual_floor') return null;
  if (method === 'cumulative') {
    // A running total only grows; it goes on at the pace of its latest period.
    const previous = sorted.length > 1 ? sorted.at(-2)! : pathStart;
    if (!previous || latest.at <= previous.at) return null;
    const pace = Math.max(0, (latest.value - previous.value) / (latest.at - previous.at));
    return latest.value + pace * (targetAt - latest.at);
  }
  if (!pathStart || latest.at <= pathStart.at) return null;
  const line = pathStart.value + ((latest.value - pathStart.value) * (targetAt - pathStart.at)) / (latest.at - pathStart.at);
  if (method === 'share') return Math.min(shareBounds.max, Math.max(shareBounds.min, line));
  // Whole things: a fraction of an organisation does not exist, so round against the indicator.
  if (method === 'count') return Math.max(0, direction === 'higher' ? Math.floor(line) : Math.ceil(line));
  return line;
}

/**
 * Achieved / on track / at risk / off track / no data for one indicator, from its latest approved
 * value against the straight path from the baseline to the target (or, for a yearly floor, against
 * the floor itself), with a projection to the target year by the indicator's method.
 */
export function assessIndicator(input: StatusInput): StatusResult {
  const tolerance = input.tolerance ?? defaultTolerance;
  const method = input.method ?? 'linear';
  const sorted = [...input.observations].sort((a, b) => a.at - b.at);
  const latest = sorted.at(-1) ?? null;
  const empty: StatusResult = {
    status: 'no_data',
    target: null,
    threshold: null,
    latest,
    expected: null,
    projected: null,
    isProjectedToMeet: null,
    pathStart: null,
  };
  if (!latest) {
    // Nothing to judge yet, but the target and its threshold still draw the path on charts.
    const first = input.targets.length ? targetFor(input.targets, Number.NEGATIVE_INFINITY) : null;
    return { ...empty, target: first, threshold: first ? thresholdOf(first, input.direction) : null };
  }
  const target = targetFor(input.targets, latest.at);
  if (!target) return empty;
  const threshold = thresholdOf(target, input.direction);
  if (threshold === null) return { ...empty, target };
  const targetAt = endOfYear(target.year);
  const result = { ...empty, target, threshold };
  const isReached = (value: number) => reaches(value, threshold, input.direction, target.qualifier);

  if (method === 'annual_floor') {
    // Every year must reach the floor: the latest year is judged on its own, nothing is extrapolated.
    const allowance = Math.abs(threshold) * tolerance;
    const slackReference = input.direction === 'higher' ? threshold - allowance : threshold + allowance;
    const status: IndicatorStatus = isReached(latest.value)
      ? latest.at >= targetAt
        ? 'achieved'
        : 'on_track'
      : meets(latest.value, slackReference, input.direction)
        ? 'at_risk'
        : 'off_track';
    return { ...result, expected: threshold, status };
  }

  const pathStart: Point | null = input.baseline
    ? { at: endOfYear(input.baseline.year), value: input.baseline.value }
    : sorted.length > 1
      ? sorted[0]!
      : null;
  const projected = projectTo(method, sorted, pathStart, targetAt, input.direction);
  const withProjection = {
    ...result,
    pathStart,
    projected,
    isProjectedToMeet: projected === null ? null : isReached(projected),
  };

  if (isReached(latest.value)) return { ...withProjection, status: 'achieved' };
  // The target year is over and the value falls short: nothing left to be on track for.
  if (latest.at >= targetAt) return { ...withProjection, status: 'off_track', expected: threshold };
  if (!pathStart || pathStart.at >= targetAt) return withProjection;

  const share = Math.min(1, Math.max(0, (latest.at - pathStart.at) / (targetAt - pathStart.at)));
  const expected = pathStart.value + (threshold - pathStart.value) * share;
  const allowance = Math.abs(threshold - pathStart.value) * tolerance;
  const slackReference = input.direction === 'higher' ? expected - allowance : expected + allowance;
  const status: IndicatorStatus = meets(latest.value, expected, input.direction)
    ? 'on_track'
    : meets(latest.value, slackReference, input.direction)
      ? 'at_risk'
      : 'off_track';
  return { ...withProjection, expected, status };
}
