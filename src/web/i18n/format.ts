import type { Locale } from '../../shared/contracts/common.js';
import type { FigureQualifier } from '../../shared/contracts/indicators.js';

/**
 * Every number, date, time and period the web app shows goes through this module, so Vietnamese pages
 * read "12,5", "21.000", "11/06/2028" and "Quý 1/2026" everywhere, and English ones "12.5", "21,000",
 * "11 Jun 2028" and "Q1 2026".
 */

const intlLocales: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** The programme's own time zone: instants are shown as the city's officers see them. */
export const cityTimeZone = 'Asia/Ho_Chi_Minh';

const nbsp = '\u00a0';
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale, maximumFractionDigits: number, minimumFractionDigits = 0): Intl.NumberFormat {
  const key = `n|${locale}|${maximumFractionDigits}|${minimumFractionDigits}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(intlLocales[locale], { maximumFractionDigits, minimumFractionDigits });
    cache.set(key, format);
  }
  return format;
}

function dateFormat(locale: Locale, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `d|${locale}|${timeZone}|${withTime}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    const time = withTime ? ({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const) : {};
    const date =
      locale === 'vi'
        ? ({ day: '2-digit', month: '2-digit', year: 'numeric' } as const)
        : ({ day: 'numeric', month: 'short', year: 'numeric' } as const);
    format = new Intl.DateTimeFormat(intlLocales[locale], { ...date, ...time, timeZone });
    cache.set(key, format);
  }
  return format;
}

/** vi-VN groups thousands with "." and writes decimals with "," (21.000; 2,5); English the reverse. */
export function formatNumber(value: number, locale: Locale, options: { fractionDigits?: number; minFractionDigits?: number } = {}): string {
  return numberFormat(locale, options.fractionDigits ?? 2, options.minFractionDigits ?? 0).format(value);
}

/** "12,5 %" (vi) / "12.5 %" (en); the value is already a percentage. */
export function formatPercent(value: number, locale: Locale, fractionDigits = 1): string {
  return `${formatNumber(value, locale, { fractionDigits })}${nbsp}%`;
}

/** "21.000 người" (vi) / "21,000 people" (en), or the bare number when the unit is empty. */
export function formatQuantity(value: number, unit: string, locale: Locale): string {
  const number = formatNumber(value, locale);
  return unit.trim() === '' ? number : `${number}${nbsp}${unit}`;
}

const qualifierWords: Record<Locale, Record<FigureQualifier, string>> = {
  vi: { more_than: 'hơn', at_least: 'ít nhất', about: 'khoảng', nearly: 'gần', at_most: 'không quá' },
  en: { more_than: 'more than', at_least: 'at least', about: 'about', nearly: 'nearly', at_most: 'at most' },
};

/** The word a source puts before a figure ("hơn", "more than"), for choosing a qualifier in a form. */
export const qualifierWord = (qualifier: FigureQualifier, locale: Locale): string => qualifierWords[locale][qualifier];

/** "hơn 21.000 người" / "more than 21,000 people": a figure with the word its source puts before it. */
export function formatFigure(value: number, unit: string, locale: Locale, qualifier: FigureQualifier | null = null): string {
  const quantity = formatQuantity(value, unit, locale);
  return qualifier ? `${qualifierWords[locale][qualifier]} ${quantity}` : quantity;
}

/**
 * A target as people write it: "30–40 %" for a range, "≥ 7 %" for a floor, "≤ 10 ngày" for a ceiling,
 * "60 %" for a single value, or with the source's word — "ít nhất 5 tổ chức", "khoảng 40 %"; null when
 * no bound is set.
 */
export function formatBounds(
  bounds: { min: number | null; max: number | null; qualifier?: FigureQualifier | null },
  unit: string,
  locale: Locale,
): string | null {
  const { min, max } = bounds;
  const word = bounds.qualifier ? `${qualifierWords[locale][bounds.qualifier]} ` : '';
  if (min !== null && max !== null) {
    if (min === max) return `${word}${formatQuantity(min, unit, locale)}`;
    const range = `${formatNumber(min, locale)}–${formatNumber(max, locale)}`;
    return `${word}${unit.trim() === '' ? range : `${range}${nbsp}${unit}`}`;
  }
  if (min !== null) return word ? `${word}${formatQuantity(min, unit, locale)}` : `≥${nbsp}${formatQuantity(min, unit, locale)}`;
  if (max !== null) return word ? `${word}${formatQuantity(max, unit, locale)}` : `≤${nbsp}${formatQuantity(max, unit, locale)}`;
  return null;
}

/** "3,4 MB" / "120 KB": a file's size. */
export function formatFileSize(bytes: number, locale: Locale): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, locale, { fractionDigits: 1 })}${nbsp}MB`;
  return `${formatNumber(Math.max(1, Math.ceil(bytes / 1024)), locale)}${nbsp}KB`;
}

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

function toDate(iso: string): { date: Date; isCalendarDate: boolean } | null {
  const isCalendarDate = calendarDate.test(iso);
  const date = new Date(isCalendarDate ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? null : { date, isCalendarDate };
}

/**
 * An ISO date (`2028-06-11`) or timestamp as a date: "11/06/2028" in Vietnamese, "11 Jun 2028" in
 * English. A calendar date is read in UTC so the day never shifts; a timestamp is shown in the city's zone.
 */
export function formatDate(iso: string, locale: Locale): string {
  const parsed = toDate(iso);
  if (!parsed) return iso;
  return dateFormat(locale, parsed.isCalendarDate ? 'UTC' : cityTimeZone, false).format(parsed.date);
}

/** A timestamp with its time in the city's zone: "11/06/2028 14:05" / "11 Jun 2028, 14:05". */
export function formatDateTime(iso: string, locale: Locale): string {
  const parsed = toDate(iso);
  if (!parsed) return iso;
  if (parsed.isCalendarDate) return formatDate(iso, locale);
  const parts = dateFormat(locale, cityTimeZone, true).formatToParts(parsed.date);
  const pick = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  const time = `${pick('hour')}:${pick('minute')}`;
  return `${formatDate(iso, locale)}${locale === 'vi' ? ' ' : ', '}${time}`;
}

/** A range of dates: "01/03/2026 – 31/12/2026". */
export function formatDateRange(fromIso: string, toIso: string, locale: Locale): string {
  return `${formatDate(fromIso, locale)} – ${formatDate(toIso, locale)}`;
}

/** Today's date (ISO) in the city's time zone, for the default value of a date field. */
export function todayInCity(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: cityTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return parts;
}

const monthNamesEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A reporting period as people write it: "Quý 1/2026" / "Q1 2026", "Tháng 3/2026" / "Mar 2026",
 * "6 tháng đầu năm 2026" / "H1 2026", "2026". Anything else is shown as it is.
 */
export function formatPeriod(period: string, locale: Locale): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return locale === 'vi' ? `Quý ${quarter[2]}/${quarter[1]}` : `Q${quarter[2]} ${quarter[1]}`;
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half) return locale === 'vi' ? `6 tháng ${half[2] === '1' ? 'đầu' : 'cuối'} năm ${half[1]}` : `H${half[2]} ${half[1]}`;
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return locale === 'vi' ? `Tháng ${Number(month[2])}/${month[1]}` : `${monthNamesEn[Number(month[2]) - 1]} ${month[1]}`;
  return period;
}

const separators: Record<Locale, { decimal: string; group: string }> = {
  vi: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

/**
 * Reads a number as a person types it in the page's language: "12,5" and "1.234,5" in Vietnamese,
 * "12.5" and "1,234.5" in English. A lone separator that cannot be a thousands separator ("12.5" in
 * Vietnamese) is read as the decimal point, since that is what the person meant. Blank gives
 * `undefined` (the field is empty), anything else that is not a number gives `NaN`.
 */
export function parseDecimal(text: string, locale: Locale): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[−–]/, '-');
  if (compact === '') return undefined;
  const { decimal, group } = separators[locale];
  const sign = compact.startsWith('-') ? -1 : 1;
  const body = compact.replace(/^[-+]/, '');
  const grouped = (digits: string, sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(digits);
  let integer: string;
  let fraction = '';
  if (body.includes(decimal)) {
    const at = body.lastIndexOf(decimal);
    integer = body.slice(0, at);
    fraction = body.slice(at + 1);
    if (integer.includes(group) && !grouped(integer, group)) return Number.NaN;
    integer = integer.replaceAll(group, '');
  } else if (body.includes(group)) {
    if (grouped(body, group)) integer = body.replaceAll(group, '');
    else if (body.split(group).length === 2) [integer, fraction] = body.split(group) as [string, string];
    else return Number.NaN;
  } else {
    integer = body;
  }
  if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction) || (integer === '' && fraction === '')) return Number.NaN;
  return sign * Number(`${integer || '0'}.${fraction || '0'}`);
}

/** A number for an input box, grouped and with the locale's decimal separator; `parseDecimal` reads it back. */
export function formatDecimalInput(value: number, locale: Locale): string {
  return formatNumber(value, locale, { fractionDigits: 10 });
}
