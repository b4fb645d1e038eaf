import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Me } from '../../../../shared/contracts/identity.js';
import { accountSections, type AccountSection } from '../../../app/paths.js';
import { Page } from '../../../components/page/page.js';
import { PageHeader } from '../../../components/page-header/page-header.js';
import { RequireSignedIn } from '../require-signed-in.js';
import { ApiTokensSection } from './api-tokens-section.js';
import { EraseSection } from './erase-section.js';
import { MyDataSection } from './my-data-section.js';
import { NotificationsSection } from './notifications-section.js';
import { PasswordSection } from './password-section.js';
import { ProfileSection } from './profile-section.js';
import { TwoFactorSection } from './two-factor-section.js';
import styles from './account.module.css';

/** The signed-in person's own page: profile, password, two-step verification, notifications, tokens, data. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Page width="narrow">
      <PageHeader title={t('account.heading')} documentTitle={t('account.pageTitle')} />
      <RequireSignedIn>{(user) => <AccountContent user={user} />}</RequireSignedIn>
    </Page>
  );
}

function AccountContent({ user }: { user: Me }) {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const titles: Record<AccountSection, string> = {
    profile: t('account.profile.heading'),
    password: t('account.password.heading'),
    twoFactor: t('account.twoFactor.heading'),
    notifications: t('account.notifications.heading'),
    tokens: t('account.tokens.heading'),
    data: t('account.data.heading'),
    erase: t('account.erase.heading'),
  };

  // Opened with a section in the URL (from the menu, a notice or an e-mail): go there once the page is drawn.
  useEffect(() => {
    const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    target?.focus();
    // Only on first display (the dependency list is empty on purpose); later changes are the layout's.
  }, []);

  return (
    <>
      <p className="muted">{t('account.signedInAs', { email: user.email })}</p>
      <nav className={styles.toc} aria-labelledby="account-contents">
        <h2 id="account-contents" className={styles.tocHeading}>
          {t('account.contents')}
        </h2>
        <ul className={styles.tocList}>
          {(Object.keys(titles) as AccountSection[]).map((section) => (
            <li key={section}>
              <a href={`#${accountSections[section]}`}>{titles[section]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <ProfileSection user={user} title={titles.profile} />
      <PasswordSection user={user} title={titles.password} />
      <TwoFactorSection user={user} title={titles.twoFactor} />
      <NotificationsSection title={titles.notifications} />
      <ApiTokensSection title={titles.tokens} />
      <MyDataSection title={titles.data} />
      <EraseSection user={user} title={titles.erase} />
    </>
  );
}
