import { describe, expect, it } from 'vitest';
import { describeIssue } from '../validation-messages.js';
import { dateLimits, isoDateSchema, windowStateOf } from './dates.js';

describe('isoDateSchema', () => {
  it('takes calendar dates from 1900 to 2100', () => {
    for (const date of ['1900-01-01', '1975-04-30', '2024-02-29', '2100-12-31']) expect(isoDateSchema.parse(date)).toBe(date);
  });

  it('refuses year 0, far-future dates and the days just outside the limits, saying so in both languages', () => {
    for (const date of ['0000-01-01', '9999-12-31', '1899-12-31', '2101-01-01']) {
      const result = isoDateSchema.safeParse(date);
      expect(result.success, date).toBe(false);
      expect(result.error!.issues).toHaveLength(1);
      expect(describeIssue(result.error!.issues[0]!, 'body')).toEqual({
        vi: `Trường 'body' phải là ngày từ ${dateLimits.min} đến ${dateLimits.max}`,
        en: `Field 'body' must be a date from ${dateLimits.min} to ${dateLimits.max}`,
      });
    }
  });

  it('reports a date that does not exist once, as a format error', () => {
    for (const date of ['2026-02-30', '2026-13-01', '26-01-01', 'hôm nay']) {
      const result = isoDateSchema.safeParse(date);
      expect(
        result.error!.issues.map((issue) => issue.code),
        date,
      ).toEqual(['invalid_format']);
    }
  });
});

describe('windowStateOf', () => {
  it('is upcoming before the first day, open from the first to the last day, closed after', () => {
    expect(windowStateOf('2027-03-01', '2027-03-31', '2027-02-28')).toBe('upcoming');
    expect(windowStateOf('2027-03-01', '2027-03-31', '2027-03-01')).toBe('open');
    expect(windowStateOf('2027-03-01', '2027-03-31', '2027-03-31')).toBe('open');
    expect(windowStateOf('2027-03-01', '2027-03-31', '2027-04-01')).toBe('closed');
  });
});
