import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EcosystemField, StartupStage } from '../../../shared/contracts/ecosystem.js';
import { rankMatches, type MatchCandidate } from './matching.js';

type LabelledSet = {
  candidates: Array<{
    id: string;
    kind: MatchCandidate['kind'];
    name: string;
    text: string;
    fields: EcosystemField[];
    stages: StartupStage[];
  }>;
  seekers: Array<{ id: string; text: string; fields: EcosystemField[]; stage: StartupStage; relevant: string[] }>;
};
const labelled = JSON.parse(
  readFileSync(new URL('../../../../tests/fixtures/ecosystem/matching.json', import.meta.url), 'utf8'),
) as LabelledSet;
const candidates: MatchCandidate[] = labelled.candidates.map((c) => ({
  ...c,
  name: { vi: c.name, en: c.name },
  url: `/x/${c.id}`,
  isVerified: false,
}));

describe('matching a startup with funds, incubators, programmes and experts', () => {
  it('puts relevant candidates first: precision at 5 on the labelled set', () => {
    const precisions = labelled.seekers.map((seeker) => {
      const top = rankMatches(seeker, candidates, 5);
      return top.filter((m) => seeker.relevant.includes(m.candidate.id)).length / 5;
    });
    const precisionAt5 = precisions.reduce((a, b) => a + b, 0) / precisions.length;
    const textOnly = labelled.seekers.filter((s) => s.fields.length === 0);
    const textOnlyPrecision =
      textOnly
        .map((s) => rankMatches(s, candidates, 5).filter((m) => s.relevant.includes(m.candidate.id)).length / 5)
        .reduce((a, b) => a + b, 0) / textOnly.length;
    console.info(
      `ecosystem matching: precision@5 = ${precisionAt5.toFixed(3)} over ${labelled.seekers.length} startups (${textOnly.length} with no field tags: ${textOnlyPrecision.toFixed(3)}), ${candidates.length} candidates`,
    );
    expect(precisionAt5).toBeGreaterThanOrEqual(0.8);
    expect(textOnlyPrecision).toBeGreaterThanOrEqual(0.6);
  });

  it('never suggests a fund or programme that names other stages than the startup’s', () => {
    for (const seeker of labelled.seekers) {
      for (const match of rankMatches(seeker, candidates, 50)) {
        const { stages } = match.candidate;
        expect(stages.length === 0 || stages.includes(seeker.stage), `${seeker.id} → ${match.candidate.id}`).toBe(true);
      }
    }
  });

  it('says why: shared fields, the stage served, close descriptions', () => {
    const [seeker] = labelled.seekers;
    const [best] = rankMatches(seeker!, candidates, 1);
    expect(best!.reasons.map((r) => r.en)).toEqual(expect.arrayContaining(['Same fields: Agritech']));
    const programme = rankMatches(seeker!, candidates, 10).find((m) => m.candidate.kind === 'programme');
    expect(programme!.reasons.map((r) => r.vi)).toContain('Hỗ trợ giai đoạn Hạt giống');
  });

  it('suggests nothing for a startup whose fields and description share nothing with anyone', () => {
    expect(rankMatches({ text: 'quy trình cấp phép xây dựng nhà ở riêng lẻ', fields: [], stage: 'seed' }, candidates, 5)).toEqual([]);
  });
});
