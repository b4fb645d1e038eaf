/**
 * Conflict-free, load-balanced assignment: each initiative gets `perInitiative` reviewers chosen
 * among the eligible members with the fewest assignments so far (ties by id, so the result is
 * repeatable). A member is never eligible when conflicted: same unit as the initiative, an author
 * or the submitter, or a declared conflict.
 */
export type Candidate = { userId: string; unitId: string | null; load: number };
export type Target = { initiativeId: string; unitId: string | null; authorUserIds: ReadonlySet<string>; declaredConflicts: ReadonlySet<string>; alreadyAssigned: ReadonlySet<string> };

export function conflictOf(candidate: Candidate, target: Target): 'same_unit' | 'author' | 'declared' | null {
  if (target.authorUserIds.has(candidate.userId)) return 'author';
  if (target.declaredConflicts.has(candidate.userId)) return 'declared';
  if (candidate.unitId !== null && candidate.unitId === target.unitId) return 'same_unit';
  return null;
}

export function planAssignments(candidates: readonly Candidate[], targets: readonly Target[], perInitiative: number) {
  const load = new Map(candidates.map((c) => [c.userId, c.load]));
  const plan: Array<{ initiativeId: string; reviewerIds: string[]; shortBy: number }> = [];
  for (const target of targets) {
    const needed = Math.max(0, perInitiative - target.alreadyAssigned.size);
    const eligible = candidates
      .filter((c) => conflictOf(c, target) === null && !target.alreadyAssigned.has(c.userId))
      .sort((a, b) => load.get(a.userId)! - load.get(b.userId)! || (a.userId < b.userId ? -1 : 1));
    const chosen = eligible.slice(0, needed).map((c) => c.userId);
    for (const id of chosen) load.set(id, load.get(id)! + 1);
    plan.push({ initiativeId: target.initiativeId, reviewerIds: chosen, shortBy: needed - chosen.length });
  }
  return plan;
}
