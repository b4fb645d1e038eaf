import { sql } from 'drizzle-orm';
import type { SearchResult } from '../../shared/contracts/search.js';
import { foldDiacritics } from '../../shared/text.js';
import { searchDocuments } from '../db/platform-schema.js';
import type { DbOrTx } from '../db/client.js';

export type SearchDocumentInput = {
  entityType: string;
  entityId: string;
  /** The title in Vietnamese, the language every document is searched in. */
  title: string;
  /** The English title, shown on English pages; left out when the thing has none (its Vietnamese title is shown). */
  titleEn?: string;
  body: string;
  url: string;
  isPublic: boolean;
};

/** Adds or refreshes one entity in the search index; modules call it in the transaction that changes the entity. */
export async function indexDocument(db: DbOrTx, doc: SearchDocumentInput): Promise<void> {
  const values = {
    ...doc,
    title: doc.title.normalize('NFC'),
    titleEn: (doc.titleEn ?? '').normalize('NFC'),
    body: doc.body.normalize('NFC'),
  };
  await db
    .insert(searchDocuments)
    .values(values)
    .onConflictDoUpdate({
      target: [searchDocuments.entityType, searchDocuments.entityId],
      set: {
        title: values.title,
        titleEn: values.titleEn,
        body: values.body,
        url: values.url,
        isPublic: values.isPublic,
        updatedAt: sql`now()`,
      },
    });
}

export async function removeDocument(db: DbOrTx, entityType: string, entityId: string): Promise<void> {
  await db.delete(searchDocuments).where(sql`${searchDocuments.entityType} = ${entityType} and ${searchDocuments.entityId} = ${entityId}`);
}

export type SearchOptions = { query: string; entityType?: string | undefined; limit: number; includePrivate: boolean };

type Row = { entity_type: string; entity_id: string; title: string; title_en: string; body: string; url: string; rank: number };

/**
 * Full-text search without diacritics ("chuyen doi so" finds "chuyển đổi số") plus trigram
 * similarity on titles for typos; ranked, ties broken by id so both engines order alike.
 */
export async function searchDocumentsFor(db: DbOrTx, options: SearchOptions): Promise<SearchResult[]> {
  const query = options.query.normalize('NFC');
  const document = sql`to_tsvector('simple'::regconfig, f_unaccent(lower(d.title || ' ' || d.body)))`;
  const result = await db.execute<Row>(sql`
    with q as (
      select to_tsquery('simple'::regconfig, ${prefixQuery(query)}) as tsq,
             f_unaccent(lower(${query})) as folded
    )
    select d.entity_type, d.entity_id, d.title, d.title_en, d.body, d.url,
           round((ts_rank_cd(${document}, q.tsq) + word_similarity(q.folded, f_unaccent(lower(d.title))))::numeric, 6)::float8 as rank
    from search_documents d, q
    where (d.is_public or ${options.includePrivate})
      and (${options.entityType ?? null}::text is null or d.entity_type = ${options.entityType ?? null})
      and (${document} @@ q.tsq or q.folded <% f_unaccent(lower(d.title)))
    order by rank desc, d.id
    limit ${options.limit}
  `);
  const terms = queryTerms(query);
  return result.rows.map((row) => ({
    entityType: row.entity_type,
    entityId: row.entity_id,
    title: { vi: row.title, en: row.title_en },
    url: row.url,
    rank: row.rank,
    snippet: snippetOf(row.body || row.title, terms, { isLastAPrefix: true }),
  }));
}

/**
 * Every word of the query, folded, with the last one as a prefix: someone still typing "chuyen do"
 * already finds "chuyển đổi". Words hold only letters and digits, so the tsquery syntax is never broken.
 */
export function prefixQuery(query: string): string {
  const words = queryTerms(query.toLowerCase());
  return words.map((word, index) => `'${word}'${index === words.length - 1 ? ':*' : ''}`).join(' & ');
}

function queryTerms(query: string): string[] {
  return [
    ...new Set(
      foldDiacritics(query)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((term) => term.length > 0),
    ),
  ];
}

const snippetRadius = 90;

/**
 * Cuts the text around the first matching word and marks every whole-word match, ignoring diacritics;
 * with `isLastAPrefix`, the last term also marks the words it begins, as the search matched them.
 */
export function snippetOf(text: string, terms: string[], { isLastAPrefix = false } = {}): Array<{ text: string; isMatch: boolean }> {
  const folded = foldDiacritics(text);
  const matches: Array<[number, number]> = [];
  if (terms.length > 0) {
    const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const last = terms.length - 1;
    const alternatives = terms
      .map((term, index) => (isLastAPrefix && index === last ? `${escape(term)}[\\p{L}\\p{N}]*` : escape(term)))
      .sort((a, b) => b.length - a.length);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of folded.matchAll(pattern)) matches.push([m.index, m.index + m[0].length]);
  }
  const first = matches[0]?.[0] ?? 0;
  let start = Math.max(0, first - snippetRadius);
  let end = Math.min(text.length, first + snippetRadius * 2);
  // Do not cut words in half.
  while (start > 0 && /\S/.test(text[start - 1]!)) start--;
  while (end < text.length && /\S/.test(text[end]!)) end++;
  const parts: Array<{ text: string; isMatch: boolean }> = [];
  let cursor = start;
  for (const [from, to] of matches) {
    if (from < start || to > end) continue;
    if (from > cursor) parts.push({ text: text.slice(cursor, from), isMatch: false });
    parts.push({ text: text.slice(from, to), isMatch: true });
    cursor = to;
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), isMatch: false });
  if (start > 0) parts.unshift({ text: '… ', isMatch: false });
  if (end < text.length) parts.push({ text: ' …', isMatch: false });
  return parts;
}
