import type { Locale } from '../../shared/contracts/common.js';

const intlLocales: Record<Locale, string> = { vi: 'vi-VN', en: 'en-US' };

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The programme's own time zone: instants are shown as the city's officers see them. */
const cityTimeZone = 'Asia/Ho_Chi_Minh';

/** vi-VN groups with "." and uses "," for decimals (21.000; 2,5); en-US the reverse. */
export function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocales[locale], { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * Formats an ISO date (`2028-06-11`) or timestamp as a long date. A calendar date is read and shown
 * in UTC so the day never shifts with the visitor's time zone; a timestamp is shown in the city's zone.
 */
export function formatDate(isoDate: string, locale: Locale): string {
  const isCalendarDate = /^\d{4}-\d{2}-\d{2}$/.test(isoDate);
  const date = new Date(isCalendarDate ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  const timeZone = isCalendarDate ? 'UTC' : cityTimeZone;
  const cacheKey = `${locale}|${timeZone}`;
  let format = dateFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: 'long', timeZone });
    dateFormats.set(cacheKey, format);
  }
  return format.format(date);
}
