/**
 * The written aggregation method (docs/initiative-scoring-method.md), as pure functions so the
 * document and the code can be checked against each other.
 */
export type Criterion = { id: string; weight: number; scaleMin: number; scaleMax: number };
export type ScoreSheet = Array<{ criterionId: string; score: number }>;

/** Two reviewers' totals further apart than this (points out of 100) put the initiative up for discussion. */
export const disagreementThreshold = 20;

/** One reviewer's total out of 100: each score rescaled to 0–1 on its criterion's scale, weighted. */
export function reviewerTotal(criteria: readonly Criterion[], sheet: ScoreSheet): number {
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  let total = 0;
  for (const criterion of criteria) {
    const entry = sheet.find((s) => s.criterionId === criterion.id);
    if (!entry) continue;
    total += ((entry.score - criterion.scaleMin) / (criterion.scaleMax - criterion.scaleMin)) * criterion.weight;
  }
  return round2((total / weights) * 100);
}

/** Weighted mean over reviewers (each reviewer counts once), the spread (max − min), and the dispute flag. */
export function aggregate(totals: readonly number[]): { mean: number; spread: number; reviewers: number; isDisputed: boolean } | null {
  if (totals.length === 0) return null;
  const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
  const spread = Math.max(...totals) - Math.min(...totals);
  return { mean: round2(mean), spread: round2(spread), reviewers: totals.length, isDisputed: spread > disagreementThreshold };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
