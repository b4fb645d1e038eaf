import { describe, expect, it } from 'vitest';
import { formatQuantity, formatTargetRange } from './format-target.js';

const nbsp = '\u00a0';

describe('formatTargetRange', () => {
  it('writes a range with an en dash and the unit after a no-break space', () => {
    expect(formatTargetRange({ targetMin: 30, targetMax: 40 }, '%', 'vi')).toBe(`30–40${nbsp}%`);
  });

  it('writes a floor as "≥ value"', () => {
    expect(formatTargetRange({ targetMin: 7, targetMax: null }, '%', 'en')).toBe(`≥${nbsp}7${nbsp}%`);
  });

  it('writes a ceiling as "≤ value"', () => {
    expect(formatTargetRange({ targetMin: null, targetMax: 10 }, 'ngày', 'vi')).toBe(`≤${nbsp}10${nbsp}ngày`);
  });

  it('writes equal bounds as one value', () => {
    expect(formatTargetRange({ targetMin: 60, targetMax: 60 }, '%', 'vi')).toBe(`60${nbsp}%`);
  });

  it('uses each language’s decimal separator', () => {
    expect(formatTargetRange({ targetMin: 2.5, targetMax: 3 }, '%', 'vi')).toBe(`2,5–3${nbsp}%`);
    expect(formatTargetRange({ targetMin: 2.5, targetMax: 3 }, '%', 'en')).toBe(`2.5–3${nbsp}%`);
  });

  it('returns null when no bound is set', () => {
    expect(formatTargetRange({ targetMin: null, targetMax: null }, '%', 'vi')).toBeNull();
  });
});

describe('formatQuantity', () => {
  it('groups thousands the Vietnamese or the English way', () => {
    expect(formatQuantity(21000, 'người', 'vi')).toBe(`21.000${nbsp}người`);
    expect(formatQuantity(21000, 'people', 'en')).toBe(`21,000${nbsp}people`);
  });

  it('omits the space when there is no unit', () => {
    expect(formatQuantity(135, '', 'en')).toBe('135');
  });
});
