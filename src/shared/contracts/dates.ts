import { z } from 'zod';
import { bilingual } from '../validation-messages.js';

/**
 * The dates the platform accepts: 1900 covers the birth dates of authors, 2100 the longest plan.
 * PostgreSQL refuses year 0 and date arithmetic near year 9999 overflows, so nothing outside reaches it.
 */
export const dateLimits = { min: '1900-01-01', max: '2100-12-31' } as const;

/** A calendar date written YYYY-MM-DD, between `dateLimits.min` and `dateLimits.max`; every date field uses it. */
export const isoDateSchema = z.iso.date({ abort: true }).refine(
  (date) => date >= dateLimits.min && date <= dateLimits.max,
  bilingual({
    vi: `phải là ngày từ ${dateLimits.min} đến ${dateLimits.max}`,
    en: `must be a date from ${dateLimits.min} to ${dateLimits.max}`,
  }),
);

/** Where a period that opens and closes on given days (both included) stands: a call or a programme. */
export const windowStates = ['upcoming', 'open', 'closed'] as const;
export type WindowState = (typeof windowStates)[number];

/** The state of the period `opensOn`–`closesOn` on `today` (all YYYY-MM-DD, the city's calendar). */
export function windowStateOf(opensOn: string, closesOn: string, today: string): WindowState {
  if (today < opensOn) return 'upcoming';
  return today <= closesOn ? 'open' : 'closed';
}
