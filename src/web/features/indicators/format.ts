import type { Locale } from '../../../shared/contracts/common.js';
import { formatNumber } from '../../i18n/format.js';

// A no-break space keeps "40" and "%" on one line.
const nbsp = '\u00a0';

/** "21.000 người" (vi) / "21,000 people" (en). */
export function formatValue(value: number, unit: string, locale: Locale): string {
  const number = formatNumber(value, locale);
  return unit.trim() === '' ? number : `${number}${nbsp}${unit}`;
}

/** "30–40 %" for a range, "≥ 60 %" for a floor, "≤ 10 ngày" for a ceiling, "40 %" for one value. */
export function formatTarget(target: { min: number | null; max: number | null }, unit: string, locale: Locale): string {
  const { min, max } = target;
  if (min !== null && max !== null) {
    if (min === max) return formatValue(min, unit, locale);
    const range = `${formatNumber(min, locale)}–${formatNumber(max, locale)}`;
    return unit.trim() === '' ? range : `${range}${nbsp}${unit}`;
  }
  if (min !== null) return `≥${nbsp}${formatValue(min, unit, locale)}`;
  if (max !== null) return `≤${nbsp}${formatValue(max, unit, locale)}`;
  return '—';
}
