import type { Clock } from '../../lib/clock.js';

/** The city's time zone is UTC+7 all year (no daylight saving). */
const cityOffsetMs = 7 * 3_600_000;

/** Today's date in Ho Chi Minh City, as an ISO date. */
export function cityToday(clock: Clock): string {
  return new Date(clock.now().getTime() + cityOffsetMs).toISOString().slice(0, 10);
}
