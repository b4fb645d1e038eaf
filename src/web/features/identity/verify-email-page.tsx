import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { tokenBodySchema } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useCurrentUser, useVerifyEmail } from './api.js';

/** Opened from the verification e-mail (`?token=`): verifies once, by itself, and says how it went. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const isTokenWellFormed = tokenBodySchema.safeParse({ token }).success;
  const verify = useVerifyEmail();
  const { mutate } = verify;
  const user = useCurrentUser();
  const verifiedToken = useRef<string | null>(null);
  useDocumentTitle(t('app.pageTitle', { page: t('auth.verifyEmail.pageTitle') }));

  useEffect(() => {
    // A token works once: never send it twice (React runs effects twice in development).
    if (!isTokenWellFormed || verifiedToken.current === token) return;
    verifiedToken.current = token;
    mutate(token);
  }, [isTokenWellFormed, token, mutate]);

  const next = user ? (
    <Link to={paths.account} className="button">
      {t('auth.verifyEmail.goToAccount')}
    </Link>
  ) : (
    <Link to={paths.signIn} className="button">
      {t('auth.verifyEmail.goToSignIn')}
    </Link>
  );

  return (
    <div className="container page page--form">
      <h1>{t('auth.verifyEmail.heading')}</h1>
      {!isTokenWellFormed ? (
        <div className="status-message status-message--error">
          <p>{t('auth.verifyEmail.missingToken')}</p>
        </div>
      ) : (
        <>
          {/* One live region from the start, so the change from "verifying" to "verified" is announced. */}
          <div role="status">
            {verify.isSuccess ? (
              <p className="status-message status-message--success">{t('auth.verifyEmail.verified')}</p>
            ) : verify.isError ? null : (
              <Loading label={t('auth.verifyEmail.verifying')} quiet />
            )}
          </div>
          {verify.isError ? <QueryError error={verify.error} title={t('auth.verifyEmail.failed')} /> : null}
          {verify.isSuccess || verify.isError ? <p>{next}</p> : null}
        </>
      )}
    </div>
  );
}
