import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Loading, QueryError } from './query-status.js';

type WhenLoadedProps<Data> = {
  query: UseQueryResult<Data>;
  children: (data: Data) => ReactNode;
};

/** Draws a query's data once it has come: the loading status until then, or the failure with a retry. */
export function WhenLoaded<Data>({ query, children }: WhenLoadedProps<Data>) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
