import { describe, expect, it } from 'vitest';
import { calendarDates, calendarPeriod, earliestDueOn, periodLabelOn, phaseDates, timelinessOf } from './periods.js';

// The data cut-off of Decree 09/2019/NĐ-CP, Article 12, written out by hand for each kind of period.
const cases = [
  { kind: 'month', label: '2026-03', name: 'Tháng 3 năm 2026', from: '2026-02-15', to: '2026-03-14', due: '2026-03-20' },
  { kind: 'month', label: '2026-01', name: 'Tháng 1 năm 2026', from: '2025-12-15', to: '2026-01-14', due: '2026-01-20' },
  { kind: 'quarter', label: '2026-Q1', name: 'Quý I năm 2026', from: '2025-12-15', to: '2026-03-14', due: '2026-03-20' },
  { kind: 'quarter', label: '2026-Q4', name: 'Quý IV năm 2026', from: '2026-09-15', to: '2026-12-14', due: '2026-12-20' },
  { kind: 'half_year', label: '2026-H1', name: '6 tháng đầu năm 2026', from: '2025-12-15', to: '2026-06-14', due: '2026-06-20' },
  { kind: 'half_year', label: '2026-H2', name: '6 tháng cuối năm 2026', from: '2026-06-15', to: '2026-12-14', due: '2026-12-20' },
  { kind: 'year', label: '2026', name: 'Năm 2026', from: '2025-12-15', to: '2026-12-14', due: '2026-12-20' },
] as const;

describe('reporting periods (Decree 09/2019/NĐ-CP)', () => {
  it.each(cases)('$label: cut-off $from – $to, due $due', ({ kind, label, name, from, to, due }) => {
    const period = calendarPeriod(kind, label)!;
    expect(period.name.vi).toBe(name);
    expect(calendarDates(period, 20)).toEqual({ cutoffFrom: from, cutoffTo: to, dueOn: due });
  });

  it('refuses a label of another kind of period', () => {
    expect(calendarPeriod('quarter', '2026-03')).toBeNull();
    expect(calendarPeriod('month', '2026-13')).toBeNull();
    expect(calendarPeriod('year', '2026-Q1')).toBeNull();
  });

  it('names the period containing a day', () => {
    expect(periodLabelOn('quarter', '2026-05-31')).toBe('2026-Q2');
    expect(periodLabelOn('half_year', '2026-07-01')).toBe('2026-H2');
    expect(periodLabelOn('month', '2026-11-02')).toBe('2026-11');
  });

  it("dates a phase's review a month before it is held", () => {
    expect(phaseDates({ startsOn: '2026-01-01', endsOn: '2028-06-30', reviewOn: '2028-06-11' }, 20)).toEqual({
      cutoffFrom: '2026-01-01',
      cutoffTo: '2028-05-14',
      dueOn: '2028-05-20',
    });
  });

  it('leaves at least one working day after the cut-off (Article 8): a Friday cut-off is due on Monday at the earliest', () => {
    expect(earliestDueOn('2026-03-12')).toBe('2026-03-13');
    expect(earliestDueOn('2026-03-13')).toBe('2026-03-16');
  });

  it('judges timeliness by the first submission against the due date, and an unsent report as missing only after it', () => {
    expect(timelinessOf('2026-03-20', '2026-03-20', '2026-04-01')).toBe('on_time');
    expect(timelinessOf('2026-03-21', '2026-03-20', '2026-04-01')).toBe('late');
    expect(timelinessOf(null, '2026-03-20', '2026-03-20')).toBe('pending');
    expect(timelinessOf(null, '2026-03-20', '2026-03-21')).toBe('missing');
  });
});
