import { foldDiacritics } from '../../shared/text.js';

/**
 * Vietnamese-aware lexical similarity, no external service: text is folded (no diacritics, lower
 * case), split into syllables, common function words dropped, and described by syllable unigrams
 * and bigrams (Vietnamese words are mostly two syllables: "chuyển đổi", "hành chính"). Documents
 * are TF-IDF vectors compared by cosine.
 */
const stopwords = new Set(
  (
    'va cua cho cac la co duoc trong voi de mot nhung nguoi tai theo tu khi den ra ve nay do thi da se bang nhu tren duoi hay hoac ' +
    'viec nen cung con rat nhieu it moi cu nao gi sau truoc giua qua vao lai chi cach phai khong neu vi tung ' +
    'the and of for to in on with a an is are be by or as at from that this it its into'
  ).split(' '),
);

export function syllables(text: string): string[] {
  return foldDiacritics(text.normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((s) => s.length > 1 && !stopwords.has(s));
}

/** Term counts: unigrams and adjacent bigrams. */
export function terms(text: string): Map<string, number> {
  const parts = syllables(text);
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  for (let i = 0; i < parts.length; i++) {
    add(parts[i]!);
    if (i + 1 < parts.length) add(`${parts[i]}_${parts[i + 1]}`);
  }
  return counts;
}

export type SimilarityDoc = { id: string; text: string };

/** Ranks `docs` by cosine similarity of TF-IDF vectors to `query`; IDF over the documents given. */
export function rankSimilar(query: string, docs: readonly SimilarityDoc[], limit: number, minScore = 0.05): Array<{ id: string; score: number }> {
  const docTerms = docs.map((d) => terms(d.text));
  const df = new Map<string, number>();
  for (const t of docTerms) for (const term of t.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length + 1;
  const idf = (term: string) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1;
  const vector = (counts: Map<string, number>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of counts) {
      // Bigrams carry more meaning than single syllables.
      const weight = (1 + Math.log(count)) * idf(term) * (term.includes('_') ? 1.5 : 1);
      v.set(term, weight);
      norm += weight * weight;
    }
    return { v, norm: Math.sqrt(norm) };
  };
  const q = vector(terms(query));
  if (q.norm === 0) return [];
  const scored = docTerms.map((t, i) => {
    const d = vector(t);
    let dot = 0;
    for (const [term, w] of q.v) dot += w * (d.v.get(term) ?? 0);
    return { id: docs[i]!.id, score: d.norm === 0 ? 0 : dot / (q.norm * d.norm) };
  });
  return scored
    .filter((s) => s.score >= minScore)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map((s) => ({ id: s.id, score: Math.round(s.score * 1000) / 1000 }));
}
