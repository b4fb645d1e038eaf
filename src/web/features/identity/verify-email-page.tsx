import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { tokenBodySchema } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { Notice } from '../../components/notice/notice.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useVerifyEmail } from './api.js';
import { useCurrentUser } from './session.js';

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

  useEffect(() => {
    // A token works once: never send it twice (React runs effects twice in development).
    if (!isTokenWellFormed || verifiedToken.current === token) return;
    verifiedToken.current = token;
    mutate(token);
  }, [isTokenWellFormed, token, mutate]);

  const next = user ? (
    <Link to={paths.account} className={buttonClass()}>
      {t('auth.verifyEmail.goToAccount')}
    </Link>
  ) : (
    <Link to={paths.signIn} className={buttonClass()}>
      {t('auth.verifyEmail.goToSignIn')}
    </Link>
  );

  return (
    <Page width="form">
      <PageHeader title={t('auth.verifyEmail.heading')} documentTitle={t('auth.verifyEmail.pageTitle')} />
      {!isTokenWellFormed ? (
        <Notice tone="error">{t('auth.verifyEmail.missingToken')}</Notice>
      ) : (
        <>
          {/* One live region from the start, so the change from "verifying" to "verified" is announced. */}
          <div role="status">
            {verify.isSuccess ? (
              <Notice tone="success">{t('auth.verifyEmail.verified')}</Notice>
            ) : verify.isError ? null : (
              <Loading label={t('auth.verifyEmail.verifying')} quiet />
            )}
          </div>
          {verify.isError ? <QueryError error={verify.error} title={t('auth.verifyEmail.failed')} /> : null}
          {verify.isSuccess || verify.isError ? <p>{next}</p> : null}
        </>
      )}
    </Page>
  );
}
