// Reporting periods and their dates: pure functions of the calendar, no database, no clock.
import type { PeriodKind, Timeliness } from '../../../shared/contracts/reports.js';

export type CalendarKind = Exclude<PeriodKind, 'phase'>;
export type PeriodDates = { cutoffFrom: string; cutoffTo: string; dueOn: string };
export type CalendarPeriod = {
  kind: CalendarKind;
  label: string;
  year: number;
  firstMonth: number;
  lastMonth: number;
  name: { vi: string; en: string };
};

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const roman = ['I', 'II', 'III', 'IV'];
const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The calendar period a label names (2026-03, 2026-Q1, 2026-H1, 2026), or null when the label is not of `kind`. */
export function calendarPeriod(kind: CalendarKind, label: string): CalendarPeriod | null {
  const match = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$/.exec(label);
  if (!match) return null;
  const year = Number(match[1]);
  const [, , month, quarter, half] = match;
  if (kind === 'month' && month) {
    const m = Number(month);
    if (m < 1 || m > 12) return null;
    return { kind, label, year, firstMonth: m, lastMonth: m, name: { vi: `Tháng ${m} năm ${year}`, en: `${monthsEn[m - 1]} ${year}` } };
  }
  if (kind === 'quarter' && quarter) {
    const q = Number(quarter);
    return {
      kind,
      label,
      year,
      firstMonth: q * 3 - 2,
      lastMonth: q * 3,
      name: { vi: `Quý ${roman[q - 1]} năm ${year}`, en: `Q${q} ${year}` },
    };
  }
  if (kind === 'half_year' && half) {
    const isFirst = half === '1';
    return {
      kind,
      label,
      year,
      firstMonth: isFirst ? 1 : 7,
      lastMonth: isFirst ? 6 : 12,
      name: isFirst
        ? { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` }
        : { vi: `6 tháng cuối năm ${year}`, en: `Second half of ${year}` },
    };
  }
  if (kind === 'year' && !month && !quarter && !half)
    return { kind, label, year, firstMonth: 1, lastMonth: 12, name: { vi: `Năm ${year}`, en: `${year}` } };
  return null;
}

/** The label of the period of `kind` containing the day `today`. */
export function periodLabelOn(kind: CalendarKind, today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'month') return `${year}-${pad(month)}`;
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  if (kind === 'half_year') return `${year}-H${month <= 6 ? 1 : 2}`;
  return String(year);
}

/** The month before (year, month), as [year, month]. */
const previousMonth = (year: number, month: number): [number, number] => (month === 1 ? [year - 1, 12] : [year, month - 1]);

/**
 * The data cut-off of Decree 09/2019/NĐ-CP, Article 12: from the 15th of the month before the
 * period to the 14th of its last month (monthly 15/02–14/03; quarterly 15/12–14/03; half-yearly
 * 15/12–14/6 and 15/6–14/12; yearly 15/12–14/12). The report is due on `dueDay` of the last month.
 */
export function calendarDates(period: CalendarPeriod, dueDay: number): PeriodDates {
  const [fromYear, fromMonth] = previousMonth(period.year, period.firstMonth);
  return {
    cutoffFrom: ymd(fromYear, fromMonth, 15),
    cutoffTo: ymd(period.year, period.lastMonth, 14),
    dueOn: ymd(period.year, period.lastMonth, dueDay),
  };
}

/**
 * A movement phase's review (sơ kết, tổng kết) is a thematic report, whose dates the regime sets
 * (Article 8(5)(c)); by default the data run from the phase's start to the 14th of the month
 * before its review (or its end), and the report is due on `dueDay` of that month.
 */
export function phaseDates(phase: { startsOn: string; endsOn: string; reviewOn: string | null }, dueDay: number): PeriodDates {
  const reviewDay = phase.reviewOn ?? phase.endsOn;
  const [year, month] = previousMonth(Number(reviewDay.slice(0, 4)), Number(reviewDay.slice(5, 7)));
  return { cutoffFrom: phase.startsOn, cutoffTo: ymd(year, month, 14), dueOn: ymd(year, month, dueDay) };
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The earliest due date the decree allows: at least one working day after the cut-off
 * (Article 8(5)(b)), weekends not counted; public holidays are left to the manager's judgement.
 */
export function earliestDueOn(cutoffTo: string): string {
  let day = addDays(cutoffTo, 1);
  while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
}

/** Whether a unit's report came in by its due date (judged by its first submission: a return for corrections does not make it late). */
export function timelinessOf(firstSubmittedOn: string | null, dueOn: string, today: string): Timeliness {
  if (firstSubmittedOn !== null) return firstSubmittedOn <= dueOn ? 'on_time' : 'late';
  return today > dueOn ? 'missing' : 'pending';
}

/** Days past the due date: of the submission when there is one, of today otherwise; null when not late. */
export function daysLateOf(firstSubmittedOn: string | null, dueOn: string, today: string): number | null {
  const days = daysBetween(dueOn, firstSubmittedOn ?? today);
  return days > 0 ? days : null;
}
