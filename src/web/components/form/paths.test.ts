import { describe, expect, it } from 'vitest';
import {
  compareByFormOrder,
  fieldDomId,
  isKnownPath,
  labelForPath,
  nearestKnownPath,
  valueAt,
  withValueAt,
  type AnyLabels,
} from './paths.js';

const labels: AnyLabels = {
  code: 'Mã phong trào',
  phases: {
    label: 'Giai đoạn',
    row: (n) => `Giai đoạn ${n}`,
    fields: { nameVi: 'Tên (tiếng Việt)', startsOn: 'Bắt đầu', endsOn: 'Kết thúc' },
  },
  criteria: { label: 'Tiêu chí', row: (n) => `Tiêu chí ${n}`, fields: { weight: 'Trọng số' } },
};

describe('form paths', () => {
  it('reads and writes a value deep in the rows without touching the others', () => {
    const values = {
      code: 'x',
      phases: [
        { nameVi: 'a', startsOn: '' },
        { nameVi: 'b', startsOn: '' },
      ],
    };
    const next = withValueAt(values, 'phases.1.startsOn', '2026-03-01');
    expect(valueAt(next, 'phases.1.startsOn')).toBe('2026-03-01');
    expect(Array.isArray(next.phases)).toBe(true);
    expect(next.phases[0]).toBe(values.phases[0]);
    expect(values.phases[1]!.startsOn).toBe('');
    expect(valueAt(values, 'phases.7.nameVi')).toBeUndefined();
  });

  it('names a field, a row and a row’s field by what the person sees', () => {
    expect(labelForPath(labels, 'code')).toBe('Mã phong trào');
    expect(labelForPath(labels, 'phases')).toBe('Giai đoạn');
    expect(labelForPath(labels, 'phases.0')).toBe('Giai đoạn 1');
    expect(labelForPath(labels, 'phases.1.endsOn')).toBe('Giai đoạn 2 – Kết thúc');
    expect(labelForPath(labels, 'phases.1.review')).toBe('Giai đoạn 2');
    expect(labelForPath(labels, 'body')).toBeNull();
  });

  it('finds the nearest part of the form a path belongs to', () => {
    expect(isKnownPath(labels, 'phases.0.endsOn')).toBe(true);
    expect(isKnownPath(labels, 'phases.0.review')).toBe(false);
    expect(nearestKnownPath(labels, 'phases.0.review')).toBe('phases.0');
    expect(nearestKnownPath(labels, 'calls.0.titleVi')).toBeNull();
  });

  it('orders errors as the form shows its fields', () => {
    const paths = ['criteria', 'phases.1.startsOn', 'phases.0.endsOn', 'code', 'phases.0.nameVi'];
    expect([...paths].sort((a, b) => compareByFormOrder(labels, a, b))).toEqual([
      'code',
      'phases.0.nameVi',
      'phases.0.endsOn',
      'phases.1.startsOn',
      'criteria',
    ]);
  });

  it('gives each control an id derived from its path', () => {
    expect(fieldDomId('launch', 'phases.0.endsOn')).toBe('launch-phases-0-endsOn');
  });
});
