import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/contracts/identity.js';
import { childrenByParent, subtreeIds, unitMatches } from './unit-tree.js';

const unit = (id: string, parentId: string | null, vi: string, code = id): Unit => ({
  id,
  code,
  name: { vi, en: vi },
  kind: parentId ? 'ward' : 'city',
  parentId,
  isActive: true,
});
const units = [
  unit('city', null, 'Thành phố'),
  unit('b', 'city', 'Phường Bến Thành'),
  unit('a', 'city', 'Phường An Khánh'),
  unit('a1', 'a', 'Tổ dân phố 1'),
];

describe('unit tree helpers', () => {
  it('groups children under their parent, sorted by Vietnamese name', () => {
    const byParent = childrenByParent(units);
    expect(byParent.get(null)!.map((u) => u.id)).toEqual(['city']);
    expect(byParent.get('city')!.map((u) => u.id)).toEqual(['a', 'b']);
  });

  it('lists a unit and all its descendants, and nothing else', () => {
    expect([...subtreeIds(childrenByParent(units), 'a')].sort()).toEqual(['a', 'a1']);
    expect(subtreeIds(childrenByParent(units), 'city').size).toBe(4);
  });

  it('matches names without diacritics and codes in any case', () => {
    expect(unitMatches(units[1]!, 'ben thanh')).toBe(true);
    expect(unitMatches(units[1]!, 'BẾN')).toBe(true);
    expect(unitMatches(units[2]!, 'ben thanh')).toBe(false);
    expect(unitMatches(unit('x', 'city', 'Sở Y tế', 'SYT'), 'syt')).toBe(true);
  });
});
