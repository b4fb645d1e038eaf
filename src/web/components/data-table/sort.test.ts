import { describe, expect, it } from 'vitest';
import { sortRows } from './sort.js';

const rows = [
  { name: 'Phường Đa Kao', count: 3 },
  { name: 'Phường Bến Thành', count: null },
  { name: 'Phường Dĩ An', count: 12 },
  { name: 'Phường An Khánh', count: 3 },
];

describe('sortRows', () => {
  it('sorts Vietnamese names in the Vietnamese order, Đ after D', () => {
    expect(sortRows(rows, (r) => r.name, 'ascending', 'vi').map((r) => r.name)).toEqual([
      'Phường An Khánh',
      'Phường Bến Thành',
      'Phường Dĩ An',
      'Phường Đa Kao',
    ]);
  });

  it('sorts numbers by size, keeps ties in their order and puts empty values last either way', () => {
    expect(sortRows(rows, (r) => r.count, 'ascending', 'vi').map((r) => r.name)).toEqual([
      'Phường Đa Kao',
      'Phường An Khánh',
      'Phường Dĩ An',
      'Phường Bến Thành',
    ]);
    expect(sortRows(rows, (r) => r.count, 'descending', 'vi').map((r) => r.name)).toEqual([
      'Phường Dĩ An',
      'Phường Đa Kao',
      'Phường An Khánh',
      'Phường Bến Thành',
    ]);
  });

  it('leaves the rows it was given as they were', () => {
    const before = rows.map((r) => r.name);
    sortRows(rows, (r) => r.name, 'descending', 'en');
    expect(rows.map((r) => r.name)).toEqual(before);
  });
});
