import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { paths } from '../../app/paths.js';
import { useSession } from './session.js';
import { signInPath } from './return-to.js';
import styles from './account-menu.module.css';

// The menu comes with the first signed-in page; a visitor's pages only need the link.
const AccountMenu = lazy(() => import('./account-menu-panel.js'));

/** Pages from which "Sign in" should not come back to themselves. */
const authPaths: readonly string[] = [
  paths.signIn,
  paths.secondFactor,
  paths.signUp,
  paths.forgotPassword,
  paths.resetPassword,
  paths.verifyEmail,
];

/** The header's account corner: a sign-in link, or the signed-in person's menu. */
export function AccountArea() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const user = session.data?.user ?? null;

  // Nothing while the session loads, so a signed-in person does not see "Sign in" flash by.
  if (session.isPending) return null;
  if (user) {
    return (
      <Suspense fallback={null}>
        <AccountMenu user={user} />
      </Suspense>
    );
  }
  const returnTo = authPaths.includes(location.pathname) ? undefined : `${location.pathname}${location.search}`;
  return (
    <Link to={signInPath(returnTo)} className={styles.signIn}>
      {t('header.signIn')}
    </Link>
  );
}
