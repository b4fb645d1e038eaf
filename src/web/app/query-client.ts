import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.js';

const maxRetries = 2;

/** One client for the app: public data changes slowly, and a 4xx answer will not change on retry. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && (error.isClientError || error.kind === 'invalid_response')) &&
          failureCount < maxRetries,
      },
    },
  });
}
