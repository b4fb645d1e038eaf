import type { Locale } from '../../../shared/contracts/common.js';
import type { HeadlineTarget } from '../../../shared/contracts/portal.js';
import { formatNumber } from '../../i18n/format.js';

// A no-break space keeps "40" and "%" on one line.
const nbsp = '\u00a0';

function withUnit(numberText: string, unit: string): string {
  return unit.trim() === '' ? numberText : `${numberText}${nbsp}${unit}`;
}

/** "21.000 người" (vi) / "21,000 people" (en), or the bare number when the unit is empty. */
export function formatQuantity(value: number, unit: string, locale: Locale): string {
  return withUnit(formatNumber(value, locale), unit);
}

/**
 * The target as people write it: "30–40 %" for a range, "≥ 7 %" for a floor, "≤ 10 ngày" for a ceiling,
 * "60 %" for a single value; null when no target is set.
 */
export function formatTargetRange(
  target: Pick<HeadlineTarget, 'targetMin' | 'targetMax'>,
  unit: string,
  locale: Locale,
): string | null {
  const { targetMin: min, targetMax: max } = target;
  if (min !== null && max !== null) {
    if (min === max) return formatQuantity(min, unit, locale);
    return withUnit(`${formatNumber(min, locale)}–${formatNumber(max, locale)}`, unit);
  }
  if (min !== null) return `≥${nbsp}${formatQuantity(min, unit, locale)}`;
  if (max !== null) return `≤${nbsp}${formatQuantity(max, unit, locale)}`;
  return null;
}
