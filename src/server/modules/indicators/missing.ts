import { periodsBetween, type Period, type ReportingFrequency } from '../../../shared/contracts/indicators.js';

/** Reports are due by this day of the period's last month (Decree 09/2019/NĐ-CP). */
export const reportDueDay = 25;

/** The last day to send a period's report, as an ISO date. */
export function reportDueDate(period: Period): string {
  return `${period.year}-${String(period.lastMonth).padStart(2, '0')}-${reportDueDay}`;
}

/**
 * The periods from `reportingFromYear` whose report is overdue on `today` (an ISO date) and that have
 * no value sent (submitted or approved). Pure, so the rule is tested without a database.
 */
export function missingPeriods(
  indicator: { frequency: ReportingFrequency; reportingFromYear: number | null },
  sentPeriods: ReadonlySet<string>,
  today: string,
): string[] {
  if (indicator.reportingFromYear === null) return [];
  const currentYear = Number(today.slice(0, 4));
  return periodsBetween(indicator.frequency, indicator.reportingFromYear, currentYear)
    .filter((period) => reportDueDate(period) < today && !sentPeriods.has(period.key))
    .map((period) => period.key);
}
