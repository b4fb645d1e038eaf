import { z } from 'zod';
import { localizedTextSchema } from './common.js';

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  type: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const snippetPartSchema = z.object({ text: z.string(), isMatch: z.boolean() });

export const searchResultSchema = z.object({
  entityType: z.string(),
  entityId: z.string(),
  /** `en` is '' for things that have no English title (initiatives, people's content). */
  title: localizedTextSchema,
  url: z.string(),
  /** The body around the first match, split so the client can mark matches without HTML. */
  snippet: z.array(snippetPartSchema),
  rank: z.number(),
});

/** GET /api/search */
export const searchResponseSchema = z.object({ query: z.string(), results: z.array(searchResultSchema) });
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
