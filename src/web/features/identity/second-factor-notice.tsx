import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { accountSectionPath } from '../../app/paths.js';
import { useCurrentUser } from './session.js';
import styles from './account-menu.module.css';

/** On every page, for an administrator or programme manager who has not set up two-step verification yet. */
export function SecondFactorNotice() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!user?.mustEnrolSecondFactor) return null;

  return (
    <div className={styles.noticeBar}>
      <div className={`container ${styles.noticeInner}`}>
        <svg className={styles.noticeIcon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 2 1 21h22z" fill="currentColor" />
          <path className={styles.noticeIconMark} d="M12 9v6M12 17.5v.5" strokeWidth="2.4" strokeLinecap="round" />
        </svg>
        <p className={styles.noticeText}>
          <strong>{t('header.mustEnrolTitle')}</strong> {t('header.mustEnrolBody')}{' '}
          <Link to={accountSectionPath('twoFactor')}>{t('header.mustEnrolLink')}</Link>
        </p>
      </div>
    </div>
  );
}
