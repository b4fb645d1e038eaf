import { useDeferredValue } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';

/**
 * The query with its data handed over in a background render: a page of forty cards then renders in
 * slices that let the browser answer a tap between them (TanStack Query's own updates render in one
 * blocking piece). Until the slice-rendered data is ready the query reads as still loading.
 */
export function useDeferredQuery<Data>(query: UseQueryResult<Data>): UseQueryResult<Data> {
  const data = useDeferredValue(query.data);
  if (data === query.data) return query;
  if (data === undefined)
    return { ...query, data: undefined, isPending: true, isSuccess: false, status: 'pending' } as UseQueryResult<Data>;
  return { ...query, data } as UseQueryResult<Data>;
}
