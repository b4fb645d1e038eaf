import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { sessionStateSchema, type Me, type SessionState } from '../../../shared/contracts/identity.js';
import { ApiError, apiGet, apiSend, forgetCsrfToken, setCsrfRefresher, setCsrfToken } from '../../api/client.js';
import { paths } from '../../app/paths.js';
import { toastState } from '../../components/toast/toast.js';

/*
 * Who is signed in, for every page (the header reads it): the session query and signing out. The
 * rest of the account's requests are in api.ts, loaded with the pages that make them.
 */

export const identityKeys = {
  session: ['session'] as const,
  /** Everything that belongs to the signed-in person lives under this prefix and is dropped at sign-out. */
  private: ['me'] as const,
  apiTokens: ['me', 'api-tokens'] as const,
  account: ['me', 'account'] as const,
};

/** GET /api/auth/session — the one source of who is signed in and of the CSRF token for writes. */
export const sessionQueryOptions = queryOptions({
  queryKey: identityKeys.session,
  queryFn: async ({ signal }) => {
    const session = await apiGet('/api/auth/session', sessionStateSchema, { signal });
    setCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 5 * 60_000,
  // Signing out in another tab shows here as soon as this tab is looked at again.
  refetchOnWindowFocus: true,
});

export function useSession() {
  return useQuery(sessionQueryOptions);
}

/** The signed-in person, or null (signed out, still loading, or the session could not be read). */
export function useCurrentUser(): Me | null {
  return useSession().data?.user ?? null;
}

/** Reads the session again and waits for it, so the next page sees the new state. */
export function refreshSession(queryClient: QueryClient): Promise<SessionState> {
  return queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
}

/** Lets the API client fetch a fresh CSRF token through the session query (and so keep its cache right). */
export function installCsrfRefresher(queryClient: QueryClient): void {
  setCsrfRefresher(async () => (await refreshSession(queryClient)).csrfToken);
}

/** After sign-out or erasure: nothing of the previous person stays in memory. */
export async function forgetSignedInUser(queryClient: QueryClient): Promise<void> {
  forgetCsrfToken();
  queryClient.removeQueries({ queryKey: identityKeys.private });
  await refreshSession(queryClient).catch(() => undefined);
}

/**
 * POST /api/auth/sign-out, then to the home page, then the session is forgotten (in that order, so a
 * page that needs a session does not first send the person to sign in). An expired session counts as
 * signed out.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await apiSend('POST', '/api/auth/sign-out', null);
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
      await navigate(paths.home, { state: toastState('flash.signedOut') });
      await forgetSignedInUser(queryClient);
    },
  });
}
