import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isStaleVersion } from '../api/client.js';
import { identityKeys, installCsrfRefresher } from '../features/identity/session.js';

const maxRetries = 2;

function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED';
}

/** One client for the app: public data changes slowly, and a 4xx answer will not change on retry. */
export function createQueryClient(): QueryClient {
  // A 401 on the person's own data means the session ended elsewhere: read the session again so the
  // pages that need one send the person to sign in.
  const onError = (error: unknown) => {
    if (isUnauthenticated(error)) void queryClient.invalidateQueries({ queryKey: identityKeys.session });
  };
  // An edit refused because someone changed the item: what the pages show is reloaded, with its new version.
  const onMutationError = (error: unknown) => {
    onError(error);
    if (isStaleVersion(error)) void queryClient.invalidateQueries();
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => (query.queryKey[0] === identityKeys.private[0] ? onError(error) : undefined) }),
    mutationCache: new MutationCache({ onError: onMutationError }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && (error.isClientError || error.kind === 'invalid_response')) && failureCount < maxRetries,
      },
    },
  });
  installCsrfRefresher(queryClient);
  return queryClient;
}
