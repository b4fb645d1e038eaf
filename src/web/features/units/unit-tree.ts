import type { Unit } from '../../../shared/contracts/identity.js';
import { foldDiacritics } from '../../../shared/text.js';

/** Units by parent id (roots under `null`), each list sorted by Vietnamese name. */
export function childrenByParent(units: readonly Unit[]): Map<string | null, Unit[]> {
  const byParent = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const siblings = byParent.get(unit.parentId) ?? [];
    siblings.push(unit);
    byParent.set(unit.parentId, siblings);
  }
  for (const siblings of byParent.values()) siblings.sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi'));
  return byParent;
}

/** The unit and everything below it: a unit cannot move under one of these. */
export function subtreeIds(byParent: Map<string | null, Unit[]>, rootId: string): Set<string> {
  const ids = new Set<string>([rootId]);
  const pending = [rootId];
  while (pending.length > 0) {
    for (const child of byParent.get(pending.pop()!) ?? []) {
      if (!ids.has(child.id)) {
        ids.add(child.id);
        pending.push(child.id);
      }
    }
  }
  return ids;
}

/** Whether the unit's code or either name contains the filter, diacritics and case ignored. */
export function unitMatches(unit: Unit, filter: string): boolean {
  const needle = foldDiacritics(filter.trim().toLowerCase());
  if (needle === '') return true;
  return [unit.code, unit.name.vi, unit.name.en].some((text) => foldDiacritics(text.toLowerCase()).includes(needle));
}
