import type { LocalizedText } from '../../../shared/contracts/common.js';
import { ecosystemFieldNames, startupStageNames, type EcosystemField, type StartupStage } from '../../../shared/contracts/ecosystem.js';
import { rankSimilar } from '../../lib/text-similarity.js';

export type MatchSeeker = { text: string; fields: readonly EcosystemField[]; stage: StartupStage | null };
export type MatchCandidate = {
  kind: 'investor' | 'incubator' | 'programme' | 'expert';
  id: string;
  name: LocalizedText;
  url: string;
  text: string;
  fields: readonly EcosystemField[];
  /** Stages served; empty means any stage. */
  stages: readonly StartupStage[];
  isVerified: boolean;
};
export type RankedMatch = { candidate: MatchCandidate; score: number; reasons: LocalizedText[] };

/** How much each signal weighs in the score (they sum to 1, plus a small bonus for verified profiles). */
export const matchWeights = { fields: 0.5, text: 0.35, stage: 0.15, verifiedBonus: 0.03 } as const;

const list = (fields: readonly EcosystemField[], locale: 'vi' | 'en') => fields.map((f) => ecosystemFieldNames[f][locale]).join(', ');

/**
 * Ranks funds, incubators, programmes and experts for a startup. Rules first: a candidate that
 * names the stages it serves and not the startup's is left out. Then a score from the share of the
 * startup's fields the candidate covers, the lexical similarity of their descriptions
 * (Vietnamese-aware TF-IDF), and whether the stage was named; every part that counts is a reason shown.
 */
export function rankMatches(seeker: MatchSeeker, candidates: readonly MatchCandidate[], limit: number): RankedMatch[] {
  const eligible = candidates.filter((c) => seeker.stage === null || c.stages.length === 0 || c.stages.includes(seeker.stage));
  const lexical = new Map(
    rankSimilar(
      seeker.text,
      eligible.map((c) => ({ id: c.id, text: c.text })),
      eligible.length,
      0,
    ).map((s) => [s.id, s.score]),
  );
  const ranked: RankedMatch[] = [];
  for (const candidate of eligible) {
    const shared = seeker.fields.filter((f) => candidate.fields.includes(f));
    const fieldShare = seeker.fields.length === 0 ? 0 : shared.length / seeker.fields.length;
    const text = lexical.get(candidate.id) ?? 0;
    const stageNamed = seeker.stage !== null && candidate.stages.includes(seeker.stage);
    if (shared.length === 0 && text < 0.08) continue;
    const score =
      matchWeights.fields * fieldShare +
      matchWeights.text * Math.min(1, text * 2) +
      matchWeights.stage * (stageNamed ? 1 : 0.4) +
      (candidate.isVerified ? matchWeights.verifiedBonus : 0);
    const reasons: LocalizedText[] = [];
    if (shared.length > 0) reasons.push({ vi: `Cùng lĩnh vực: ${list(shared, 'vi')}`, en: `Same fields: ${list(shared, 'en')}` });
    if (stageNamed && seeker.stage)
      reasons.push({
        vi: `Hỗ trợ giai đoạn ${startupStageNames[seeker.stage].vi}`,
        en: `Serves the ${startupStageNames[seeker.stage].en} stage`,
      });
    if (text >= 0.08)
      reasons.push({
        vi: `Mô tả gần với hồ sơ (độ tương đồng ${text.toFixed(2)})`,
        en: `Description close to the profile (similarity ${text.toFixed(2)})`,
      });
    if (candidate.isVerified) reasons.push({ vi: 'Hồ sơ đã xác minh', en: 'Verified profile' });
    ranked.push({ candidate, score: Math.round(score * 1000) / 1000, reasons });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.candidate.id < b.candidate.id ? -1 : 1)).slice(0, limit);
}
