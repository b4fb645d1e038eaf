import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/identity.js';
import { accountSectionPath, paths } from '../../app/paths.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { isAdministrator } from '../identity/roles.js';

/**
 * Administration pages (each with its own page header) for administrators who passed a second factor. The server refuses everyone
 * else anyway; this says why in words instead of showing a failed request.
 */
export function RequireAdministrator({ children }: { children: (user: Me) => ReactNode }) {
  return (
    <RequireSignedIn>
      {(user) => (isAdministrator(user) && user.hasSecondFactor ? children(user) : <Refusal user={user} />)}
    </RequireSignedIn>
  );
}

function Refusal({ user }: { user: Me }) {
  const { t } = useTranslation();
  const needsSecondFactor = isAdministrator(user);
  return (
    <>
      <PageHeader title={needsSecondFactor ? t('admin.guard.secondFactorHeading') : t('admin.guard.forbiddenHeading')} />
      <p>{needsSecondFactor ? t('admin.guard.secondFactorBody') : t('admin.guard.forbiddenBody')}</p>
      {needsSecondFactor ? (
        <p>
          {user.hasTotp ? (
            <Link to={paths.signIn}>{t('admin.guard.signInAgain')}</Link>
          ) : (
            <Link to={accountSectionPath('twoFactor')}>{t('admin.guard.enrolLink')}</Link>
          )}
        </p>
      ) : null}
    </>
  );
}
