import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rankSimilar, terms } from './text-similarity.js';

type LabelledSet = { documents: Array<{ id: string; topic: string; text: string }>; queries: Array<{ text: string; relevantTopic: string }> };
const labelled = JSON.parse(readFileSync(new URL('../../../tests/fixtures/movement/similar-initiatives.json', import.meta.url), 'utf8')) as LabelledSet;

describe('similar initiatives', () => {
  it('folds diacritics and builds syllable bigrams, without function words', () => {
    expect([...terms('Chuyển đổi số của phường').keys()]).toEqual(['chuyen', 'chuyen_doi', 'doi', 'doi_so', 'so', 'so_phuong', 'phuong']);
  });

  it('finds the initiatives of the same topic: precision at 3 on the labelled set', () => {
    const precisions = labelled.queries.map((query) => {
      const top = rankSimilar(query.text, labelled.documents, 3);
      const relevant = top.filter((hit) => labelled.documents.find((d) => d.id === hit.id)!.topic === query.relevantTopic).length;
      return relevant / 3;
    });
    const precisionAt3 = precisions.reduce((a, b) => a + b, 0) / precisions.length;
    console.info(
      `similar initiatives: precision@3 = ${precisionAt3.toFixed(3)} over ${labelled.queries.length} queries, ${labelled.documents.length} documents`,
    );
    expect(precisionAt3).toBeGreaterThanOrEqual(0.8);
    // The best hit is on topic for every query.
    for (const query of labelled.queries) {
      const [best] = rankSimilar(query.text, labelled.documents, 1);
      expect(labelled.documents.find((d) => d.id === best!.id)!.topic, query.text).toBe(query.relevantTopic);
    }
  });

  it('finds nothing for an unrelated text', () => {
    expect(rankSimilar('quy trình cấp phép xây dựng nhà ở riêng lẻ', labelled.documents, 3, 0.2)).toEqual([]);
  });
});
