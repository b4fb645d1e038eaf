import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureKeyOf } from '../../../shared/contracts/indicators.js';
import { indicatorsSeed } from './seed.js';

// One indicator per measure: the demo once held the digital-economy share and the five S&T organisations
// twice, with different values. Derived from the seed file itself, so an indicator added later is checked too.
const seed = indicatorsSeed.parse(JSON.parse(readFileSync(new URL('../../../../seeds/demo/indicators.json', import.meta.url), 'utf8')));
const periodsOf = (item: (typeof seed.indicators)[number]) =>
  item.targets.length ? item.targets.map((t) => String(t.year)) : [`baseline ${item.baseline?.year ?? '-'}`];

function sharedPairs(keyOf: (item: (typeof seed.indicators)[number]) => string): string[] {
  const seen = new Map<string, string>();
  const shared: string[] = [];
  for (const item of seed.indicators) {
    for (const period of periodsOf(item)) {
      const key = `${keyOf(item)} @ ${period}`;
      const first = seen.get(key);
      if (first) shared.push(`${first} and ${item.code} share ${key}`);
      else seen.set(key, item.code);
    }
  }
  return shared;
}

describe('the demo indicators (seeds/demo/indicators.json)', () => {
  it('has no two indicators with the same measure key and period', () => {
    expect(sharedPairs((item) => item.measureKey)).toEqual([]);
  });

  it('has no two indicators whose English name and unit normalise to the same measure for the same period', () => {
    expect(sharedPairs((item) => measureKeyOf(item.nameEn, item.unitEn))).toEqual([]);
  });

  it('marks every value it invents: each observation and baseline without a published source is illustrative', () => {
    const unsourced = seed.indicators.flatMap((item) =>
      item.observations.filter((o) => !o.isIllustrative && !o.sourceNote).map((o) => `${item.code} ${o.period}`),
    );
    expect(unsourced).toEqual([]);
  });

  it('projects every share (a % of a whole) by the share method, so none passes 100 %', () => {
    const shares = seed.indicators
      .filter((item) => item.unitEn === '%' && !['share', 'annual_floor'].includes(item.projectionMethod))
      .map((item) => item.code);
    expect(shares).toEqual([]);
  });
});

describe('measureKeyOf', () => {
  it('normalises case, diacritics, punctuation and the per-cent sign', () => {
    expect(measureKeyOf('Digital economy share of GRDP', '%')).toBe('digital_economy_share_of_grdp_percent');
    expect(measureKeyOf('  Digital-economy   share of GRDP ', ' % ')).toBe('digital_economy_share_of_grdp_percent');
    expect(measureKeyOf('Tỷ trọng kinh tế số', '%')).toBe('ty_trong_kinh_te_so_percent');
  });
});
