import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../../../shared/contracts/identity.js';
import { toastState } from '../../components/toast/toast.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useSession } from './session.js';
import { secondFactorPath, signInPath } from './return-to.js';

/** Renders its content for a signed-in person; sends anyone else to sign in and back here afterwards. */
export function RequireSignedIn({ children }: { children: (user: Me) => ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <Loading label={t('status.checkingSession')} />;
  if (session.isError && !session.data) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  const user = session.data?.user ?? null;
  if (!user) {
    // A refetch in flight may be the one that follows a sign-in: wait for it before sending anyone away.
    if (session.isFetching) return <Loading label={t('status.checkingSession')} />;
    const returnTo = `${location.pathname}${location.search}${location.hash}`;
    const target = session.data?.isSecondFactorPending ? secondFactorPath(returnTo) : signInPath(returnTo);
    return <Navigate to={target} replace state={toastState('flash.signInRequired')} />;
  }
  return <>{children(user)}</>;
}
