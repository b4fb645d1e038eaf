import { describe, expect, it } from 'vitest';
import { parsePeriod, periodEndAt } from '../../../shared/contracts/indicators.js';
import { assessIndicator, type StatusInput } from './status.js';

// The worked examples of docs/indicator-status-method.md, one per status, with their arithmetic.
const at = (period: string, frequency: 'year' | 'quarter' = 'year') => periodEndAt(parsePeriod(period, frequency)!);

describe('a target range, higher is better: digital economy 30–40 % of GRDP by 2030, 22 % in 2024', () => {
  const base: Omit<StatusInput, 'observations'> = {
    direction: 'higher',
    baseline: { year: 2024, value: 22 },
    targets: [{ year: 2030, min: 30, max: 40 }],
  };
  // Path from 22 at the end of 2024 (2025.0) to 30 at the end of 2030 (2031.0); the end of 2026 is a third of the way: 24.67.

  it('is achieved once the value reaches the lower edge of the range (31 % in 2026)', () => {
    const result = assessIndicator({ ...base, observations: [{ at: at('2026'), value: 31 }] });
    expect(result.status).toBe('achieved');
    expect(result.threshold).toBe(30);
  });

  it('is on track at or above the path (25 % in 2026 against 24.67 %), projected to 31 % in 2030', () => {
    const result = assessIndicator({ ...base, observations: [{ at: at('2026'), value: 25 }] });
    expect(result.status).toBe('on_track');
    expect(result.expected).toBeCloseTo(24.667, 3);
    expect(result.projected).toBeCloseTo(31, 6);
    expect(result.isProjectedToMeet).toBe(true);
  });

  it('is at risk below the path within 10 % of the required change (24 % against 24.67 − 0.8 = 23.87)', () => {
    const result = assessIndicator({ ...base, observations: [{ at: at('2026'), value: 24 }] });
    expect(result.status).toBe('at_risk');
    expect(result.projected).toBeCloseTo(28, 6);
    expect(result.isProjectedToMeet).toBe(false);
  });

  it('is off track further below (23 % against 23.87)', () => {
    expect(assessIndicator({ ...base, observations: [{ at: at('2026'), value: 23 }] }).status).toBe('off_track');
  });

  it('judges the latest value only, whatever order the values come in', () => {
    const result = assessIndicator({
      ...base,
      observations: [
        { at: at('2026'), value: 25 },
        { at: at('2025'), value: 40 },
      ],
    });
    expect(result.latest).toEqual({ at: 2027, value: 25 });
    expect(result.status).toBe('on_track');
  });
});

describe('lower is better: days to settle a procedure, 20 in 2024, at most 10 by 2030', () => {
  const base: Omit<StatusInput, 'observations'> = {
    direction: 'lower',
    baseline: { year: 2024, value: 20 },
    targets: [{ year: 2030, min: null, max: 10 }],
  };
  // Half way (end of 2027) the path stands at 15; 10 % of the required change is 1 day.

  it('is achieved at or below the ceiling (9 days in 2027)', () => {
    expect(assessIndicator({ ...base, observations: [{ at: at('2027'), value: 9 }] }).status).toBe('achieved');
  });

  it('is on track at or below the path (14 days against 15)', () => {
    const result = assessIndicator({ ...base, observations: [{ at: at('2027'), value: 14 }] });
    expect(result.status).toBe('on_track');
    expect(result.expected).toBe(15);
    expect(result.projected).toBe(8);
    expect(result.isProjectedToMeet).toBe(true);
  });

  it('is at risk above the path within the allowance (15.5 days against 15 + 1)', () => {
    expect(assessIndicator({ ...base, observations: [{ at: at('2027'), value: 15.5 }] }).status).toBe('at_risk');
  });

  it('is off track beyond it (17 days against 16), projected to 14 days', () => {
    const result = assessIndicator({ ...base, observations: [{ at: at('2027'), value: 17 }] });
    expect(result.status).toBe('off_track');
    expect(result.projected).toBe(14);
    expect(result.isProjectedToMeet).toBe(false);
  });
});

describe('the edges of the method', () => {
  it('has no data without an approved value, and still names the target', () => {
    const result = assessIndicator({
      direction: 'higher',
      baseline: null,
      targets: [{ year: 2030, min: 60, max: null }],
      observations: [],
    });
    expect(result.status).toBe('no_data');
    expect(result.target).toEqual({ year: 2030, min: 60, max: null });
    expect(result.threshold).toBe(60);
  });

  it('is off track when the target year is over and the value falls short (4 organisations for ≥ 5 by 2025)', () => {
    const result = assessIndicator({
      direction: 'higher',
      baseline: { year: 2020, value: 1 },
      targets: [{ year: 2025, min: 5, max: null }],
      observations: [{ at: at('2025'), value: 4 }],
    });
    expect(result.status).toBe('off_track');
  });

  it('starts the path at the first approved value when there is no baseline, and needs two values for it', () => {
    const targets = [{ year: 2030, min: 60, max: null }];
    const one = assessIndicator({ direction: 'higher', baseline: null, targets, observations: [{ at: at('2025'), value: 50 }] });
    expect(one.status).toBe('no_data');
    // From 50 (end 2025) to 60 (end 2030): one fifth of the way at the end of 2026 is 52.
    const two = assessIndicator({
      direction: 'higher',
      baseline: null,
      targets,
      observations: [
        { at: at('2025'), value: 50 },
        { at: at('2026'), value: 52 },
      ],
    });
    expect(two.status).toBe('on_track');
    expect(two.expected).toBe(52);
    expect(two.pathStart).toEqual({ at: 2026, value: 50 });
  });

  it('places quarterly values inside the year (end of 2026-Q2 is 2026.5)', () => {
    // 2 % at the end of 2024 to 3 % at the end of 2030; at 2026.5 the path stands at 2 + 1 × 1.5 / 6 = 2.25.
    const result = assessIndicator({
      direction: 'higher',
      baseline: { year: 2024, value: 2 },
      targets: [{ year: 2030, min: 3, max: null }],
      observations: [{ at: at('2026-Q2', 'quarter'), value: 2.25 }],
    });
    expect(result.expected).toBeCloseTo(2.25, 9);
    expect(result.status).toBe('on_track');
  });

  it('judges against the nearest target not yet past: an interim 2027 target before the 2030 one', () => {
    const result = assessIndicator({
      direction: 'higher',
      baseline: { year: 2024, value: 20 },
      targets: [
        { year: 2030, min: 40, max: null },
        { year: 2027, min: 30, max: null },
      ],
      observations: [{ at: at('2026'), value: 25 }],
    });
    expect(result.target?.year).toBe(2027);
    // Path 20 → 30 over 3 years; after 2 years it stands at 26.67, allowance 1: 25 is off track.
    expect(result.expected).toBeCloseTo(26.667, 3);
    expect(result.status).toBe('off_track');
  });
});

describe('qualifiers: the word before the figure changes when a target is reached', () => {
  const base = { direction: 'higher' as const, baseline: { year: 2024, value: 30 } };
  const judge = (qualifier: 'more_than' | 'about' | 'at_least' | null, value: number) =>
    assessIndicator({ ...base, targets: [{ year: 2030, min: 40, max: null, qualifier }], observations: [{ at: at('2029'), value }] })
      .status;

  it('"trên 40 %" (more than) is not reached at exactly 40', () => {
    expect(judge('more_than', 40)).not.toBe('achieved');
    expect(judge('more_than', 40.1)).toBe('achieved');
  });

  it('"khoảng 40 %" (about) is reached within 5 % of the figure: 38 yes, 37.9 no', () => {
    expect(judge('about', 38)).toBe('achieved');
    expect(judge('about', 37.9)).not.toBe('achieved');
  });

  it('"ít nhất 40 %" (at least) and a bare figure are reached at exactly 40', () => {
    expect(judge('at_least', 40)).toBe('achieved');
    expect(judge(null, 40)).toBe('achieved');
  });
});

describe('projection methods (docs/indicator-status-method.md §4)', () => {
  it('a share is never projected past 100 %: 60 % (2024) → 90 % (2025) would be 270 % by 2030 on a line', () => {
    const input = {
      direction: 'higher' as const,
      baseline: { year: 2024, value: 60 },
      targets: [{ year: 2030, min: 100, max: null }],
      observations: [{ at: at('2025'), value: 90 }],
    };
    expect(assessIndicator({ ...input, method: 'linear' }).projected).toBeCloseTo(240, 6);
    const share = assessIndicator({ ...input, method: 'share' });
    expect(share.projected).toBe(100);
    expect(share.isProjectedToMeet).toBe(true);
  });

  it('a share falling fast is never projected below 0 %', () => {
    const result = assessIndicator({
      direction: 'higher',
      method: 'share',
      baseline: { year: 2024, value: 10 },
      targets: [{ year: 2030, min: 30, max: null }],
      observations: [{ at: at('2025'), value: 2 }],
    });
    expect(result.projected).toBe(0);
  });

  describe('a yearly floor ("ít nhất 3 % ngân sách hằng năm") is judged year by year, not extrapolated', () => {
    const floor = {
      direction: 'higher' as const,
      method: 'annual_floor' as const,
      baseline: { year: 2024, value: 1 },
      targets: [{ year: 2030, min: 3, max: 4, qualifier: 'at_least' as const }],
    };

    it('3.1 % in 2025 reaches the floor for that year: on track, though a line from 1 % would say nothing of it', () => {
      const result = assessIndicator({ ...floor, observations: [{ at: at('2025'), value: 3.1 }] });
      expect(result).toMatchObject({ status: 'on_track', expected: 3, projected: null, isProjectedToMeet: null });
    });

    it('a year below the floor is off track even when the trend rises (2.5 % in 2026 after 2 % in 2025)', () => {
      // On the straight path from 1 % (2024) to 3 % (2030) the 2026 value would be ahead (expected 1.67).
      const observations = [
        { at: at('2025'), value: 2 },
        { at: at('2026'), value: 2.5 },
      ];
      expect(assessIndicator({ ...floor, method: 'linear', observations }).status).toBe('on_track');
      expect(assessIndicator({ ...floor, observations }).status).toBe('off_track');
    });

    it('within 10 % below the floor is at risk (2.8 % against 3 %), and 2030 at the floor is achieved', () => {
      expect(assessIndicator({ ...floor, observations: [{ at: at('2027'), value: 2.8 }] }).status).toBe('at_risk');
      expect(assessIndicator({ ...floor, observations: [{ at: at('2030'), value: 3 }] }).status).toBe('achieved');
    });
  });

  it('a count is projected in whole units, rounded down: 1 → 2 organisations in a year is 7.0, 1 → 1.9 is 6', () => {
    const count = {
      direction: 'higher' as const,
      method: 'count' as const,
      baseline: { year: 2024, value: 1 },
      targets: [{ year: 2030, min: 5, max: null, qualifier: 'at_least' as const }],
    };
    expect(assessIndicator({ ...count, observations: [{ at: at('2025'), value: 2 }] }).projected).toBe(7);
    // 1 + 0.9 × 6 = 6.4 on a line: a fraction of an organisation does not exist.
    expect(assessIndicator({ ...count, observations: [{ at: at('2025'), value: 1.9 }] }).projected).toBe(6);
  });

  it('a count is never projected below zero', () => {
    const result = assessIndicator({
      direction: 'higher',
      method: 'count',
      baseline: { year: 2024, value: 10 },
      targets: [{ year: 2030, min: 12, max: null }],
      observations: [{ at: at('2025'), value: 4 }],
    });
    expect(result.projected).toBe(0);
  });

  it('a running total goes on at the pace of its latest year, not the average since the baseline, and never falls', () => {
    // Procedures cut: 100 (2024), 200 (2025), 220 (2026). The line from the baseline says 100 + 120 × 6/2 = 460; the latest pace (20 a year) says 220 + 20 × 4 = 300.
    const total = { direction: 'higher' as const, baseline: { year: 2024, value: 100 }, targets: [{ year: 2030, min: 400, max: null }] };
    const observations = [
      { at: at('2025'), value: 200 },
      { at: at('2026'), value: 220 },
    ];
    expect(assessIndicator({ ...total, method: 'linear', observations }).projected).toBeCloseTo(460, 6);
    const cumulative = assessIndicator({ ...total, method: 'cumulative', observations });
    expect(cumulative.projected).toBeCloseTo(300, 6);
    expect(cumulative.isProjectedToMeet).toBe(false);
    // A revised-down total does not project a fall: the pace is taken as zero.
    expect(
      assessIndicator({ ...total, method: 'cumulative', observations: [...observations, { at: at('2027'), value: 210 }] }).projected,
    ).toBe(210);
  });
});
