import { describe, expect, it } from 'vitest';
import { missingPeriods, reportDueDate } from './missing.js';
import { parsePeriod } from '../../../shared/contracts/indicators.js';

describe('missing reports', () => {
  it('are due by the 25th of the period’s last month', () => {
    expect(reportDueDate(parsePeriod('2026-Q1', 'quarter')!)).toBe('2026-03-25');
    expect(reportDueDate(parsePeriod('2026-H2', 'half_year')!)).toBe('2026-12-25');
    expect(reportDueDate(parsePeriod('2026-02', 'month')!)).toBe('2026-02-25');
    expect(reportDueDate(parsePeriod('2025', 'year')!)).toBe('2025-12-25');
  });

  it('flags each quarter past its due date without a value, from the first reporting year', () => {
    const quarterly = { frequency: 'quarter' as const, reportingFromYear: 2025 };
    expect(missingPeriods(quarterly, new Set(['2025-Q1', '2025-Q2', '2025-Q4']), '2026-03-25')).toEqual(['2025-Q3']);
    expect(missingPeriods(quarterly, new Set(['2025-Q1', '2025-Q2', '2025-Q4']), '2026-03-26')).toEqual(['2025-Q3', '2026-Q1']);
  });

  it('expects nothing before the first reporting year, or without one', () => {
    expect(missingPeriods({ frequency: 'month', reportingFromYear: 2026 }, new Set(), '2026-03-02')).toEqual(['2026-01', '2026-02']);
    expect(missingPeriods({ frequency: 'year', reportingFromYear: null }, new Set(), '2030-01-01')).toEqual([]);
  });
});
