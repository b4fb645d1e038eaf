import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchResponseSchema } from '../../../shared/contracts/search.js';
import { apiGet } from '../../api/client.js';

/** The server's bound on `q` (searchQuerySchema); longer input is cut before sending. */
export const maxQueryLength = 200;

export const searchKeys = {
  results: (query: string) => ['search', query] as const,
};

/** GET /api/search?q= — runs only for a non-blank query. */
export function useSearch(query: string) {
  const q = query.trim().slice(0, maxQueryLength);
  return useQuery({
    queryKey: searchKeys.results(q),
    queryFn: ({ signal }) => apiGet('/api/search', searchResponseSchema, { query: { q }, signal }),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
}
