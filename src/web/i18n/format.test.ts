import { describe, expect, it } from 'vitest';
import {
  formatBounds,
  formatFigure,
  formatDate,
  formatDateTime,
  formatDecimalInput,
  formatFileSize,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatQuantity,
  parseDecimal,
  todayInCity,
} from './format.js';

const nbsp = '\u00a0';

describe('numbers', () => {
  it('groups thousands and writes decimals the Vietnamese or the English way', () => {
    expect(formatNumber(21000, 'vi')).toBe('21.000');
    expect(formatNumber(21000, 'en')).toBe('21,000');
    expect(formatNumber(12.5, 'vi')).toBe('12,5');
    expect(formatNumber(12.5, 'en')).toBe('12.5');
    expect(formatNumber(1234567.891, 'vi')).toBe('1.234.567,89');
  });

  it('writes percentages, quantities and file sizes with a no-break space before the unit', () => {
    expect(formatPercent(87.54, 'vi')).toBe(`87,5${nbsp}%`);
    expect(formatQuantity(21000, 'người', 'vi')).toBe(`21.000${nbsp}người`);
    expect(formatQuantity(135, '', 'en')).toBe('135');
    expect(formatFileSize(3.5 * 1024 * 1024, 'vi')).toBe(`3,5${nbsp}MB`);
    expect(formatFileSize(10, 'en')).toBe(`1${nbsp}KB`);
  });
});

describe('formatBounds', () => {
  it('writes a range with an en dash, a floor and a ceiling with ≥ and ≤, equal bounds as one value', () => {
    expect(formatBounds({ min: 30, max: 40 }, '%', 'vi')).toBe(`30–40${nbsp}%`);
    expect(formatBounds({ min: 2.5, max: 3 }, '%', 'vi')).toBe(`2,5–3${nbsp}%`);
    expect(formatBounds({ min: 2.5, max: 3 }, '%', 'en')).toBe(`2.5–3${nbsp}%`);
    expect(formatBounds({ min: 21000, max: null }, 'người', 'vi')).toBe(`≥${nbsp}21.000${nbsp}người`);
    expect(formatBounds({ min: null, max: 10 }, 'ngày', 'vi')).toBe(`≤${nbsp}10${nbsp}ngày`);
    expect(formatBounds({ min: 60, max: 60 }, '%', 'en')).toBe(`60${nbsp}%`);
    expect(formatBounds({ min: 30, max: 40 }, '', 'vi')).toBe('30–40');
    expect(formatBounds({ min: null, max: null }, '%', 'vi')).toBeNull();
  });

  it("keeps the source's word before the figure, in each language", () => {
    expect(formatBounds({ min: 5, max: null, qualifier: 'at_least' }, 'tổ chức', 'vi')).toBe(`ít nhất 5${nbsp}tổ chức`);
    expect(formatBounds({ min: 5, max: null, qualifier: 'at_least' }, 'organisations', 'en')).toBe(`at least 5${nbsp}organisations`);
    expect(formatBounds({ min: 3, max: 4, qualifier: 'at_least' }, '%', 'vi')).toBe(`ít nhất 3–4${nbsp}%`);
    expect(formatBounds({ min: 40, max: 40, qualifier: 'about' }, '%', 'en')).toBe(`about 40${nbsp}%`);
    expect(formatFigure(21000, 'người', 'vi', 'more_than')).toBe(`hơn 21.000${nbsp}người`);
    expect(formatFigure(300, 'procedures', 'en', 'nearly')).toBe(`nearly 300${nbsp}procedures`);
  });
});

describe('parseDecimal', () => {
  it('reads the Vietnamese decimal comma and thousands dots', () => {
    expect(parseDecimal('12,5', 'vi')).toBe(12.5);
    expect(parseDecimal('1.234,5', 'vi')).toBe(1234.5);
    expect(parseDecimal('21.000', 'vi')).toBe(21000);
    expect(parseDecimal(' −3,25 ', 'vi')).toBe(-3.25);
  });

  it('reads English decimals and thousands commas', () => {
    expect(parseDecimal('12.5', 'en')).toBe(12.5);
    expect(parseDecimal('1,234.5', 'en')).toBe(1234.5);
    expect(parseDecimal('21,000', 'en')).toBe(21000);
  });

  it('takes a lone separator that cannot group thousands as the decimal point', () => {
    expect(parseDecimal('12.5', 'vi')).toBe(12.5);
    expect(parseDecimal('0,75', 'en')).toBe(0.75);
  });

  it('tells a blank field from text that is not a number', () => {
    expect(parseDecimal('', 'vi')).toBeUndefined();
    expect(parseDecimal('   ', 'en')).toBeUndefined();
    expect(parseDecimal('abc', 'vi')).toBeNaN();
    expect(parseDecimal('1.2.3', 'vi')).toBeNaN();
    expect(parseDecimal('12,34,5', 'vi')).toBeNaN();
    expect(parseDecimal(',', 'vi')).toBeNaN();
  });

  it('reads back what the input box shows', () => {
    for (const value of [0, 12.5, 1234.5, -0.25, 21000]) {
      expect(parseDecimal(formatDecimalInput(value, 'vi'), 'vi')).toBe(value);
      expect(parseDecimal(formatDecimalInput(value, 'en'), 'en')).toBe(value);
    }
    expect(formatDecimalInput(1234.5, 'vi')).toBe('1.234,5');
  });
});

describe('dates', () => {
  it('writes a calendar date as dd/mm/yyyy in Vietnamese, whatever the time zone', () => {
    expect(formatDate('2028-06-11', 'vi')).toBe('11/06/2028');
    expect(formatDate('2026-01-01', 'vi')).toBe('01/01/2026');
    expect(formatDate('2028-06-11', 'en')).toBe('11 Jun 2028');
  });

  it('shows an instant in the city’s time zone, with its time when asked', () => {
    // 17:30 UTC on 31 December is already 1 January in Ho Chi Minh City (UTC+7).
    expect(formatDate('2025-12-31T17:30:00Z', 'vi')).toBe('01/01/2026');
    expect(formatDateTime('2025-12-31T17:30:00Z', 'vi')).toBe('01/01/2026 00:30');
    expect(formatDateTime('2026-03-05T07:05:00Z', 'en')).toBe('5 Mar 2026, 14:05');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatDate('soon', 'vi')).toBe('soon');
  });

  it('gives today in the city', () => {
    expect(todayInCity(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
  });
});

describe('formatPeriod', () => {
  it('writes quarters, halves and months as people say them', () => {
    expect(formatPeriod('2026-Q1', 'vi')).toBe('Quý 1/2026');
    expect(formatPeriod('2026-Q1', 'en')).toBe('Q1 2026');
    expect(formatPeriod('2026-H2', 'vi')).toBe('6 tháng cuối năm 2026');
    expect(formatPeriod('2026-H1', 'en')).toBe('H1 2026');
    expect(formatPeriod('2026-03', 'vi')).toBe('Tháng 3/2026');
    expect(formatPeriod('2026-03', 'en')).toBe('Mar 2026');
    expect(formatPeriod('2026', 'vi')).toBe('2026');
  });
});
