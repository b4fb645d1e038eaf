import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/identity.js';
import { accountSectionPath, paths } from '../../app/paths.js';
import { vietnameseContent } from '../../components/content-language/content-language.js';
import { describeError } from '../../components/query-status/describe-error.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { adminPaths } from '../admin/admin-paths.js';
import { useUnreadNotificationCount } from '../notifications/api.js';
import { isAdministrator } from './roles.js';
import { useSignOut } from './session.js';
import styles from './account-menu.module.css';

/**
 * A disclosure button with the person's name and unread count; it opens links to the account page and
 * notifications and the sign-out button. Escape or a click elsewhere closes it.
 */
export function AccountMenu({ user }: { user: Me }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [isOpen, setIsOpen] = useState(false);
  const unread = useUnreadNotificationCount(true);
  const signOut = useSignOut();
  const containerRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const unreadCount = unread.data ?? 0;

  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !containerRef.current?.contains(event.target)) setIsOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [isOpen]);

  const close = () => setIsOpen(false);

  return (
    <div
      className={styles.menu}
      ref={containerRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen) {
          // Only this menu closes; the folding header menu around it stays open.
          event.preventDefault();
          setIsOpen(false);
          toggleRef.current?.focus();
        }
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className={styles.toggle}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
      >
        <svg className={styles.avatar} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="8" r="4.5" fill="currentColor" />
          <path d="M3 21c.8-4.6 4.4-7 9-7s8.2 2.4 9 7z" fill="currentColor" />
        </svg>
        <span className={styles.name} {...vietnameseContent}>
          {user.displayName}
        </span>
        {unreadCount > 0 ? (
          <span className={styles.count}>
            <span aria-hidden="true">{formatNumber(unreadCount, locale)}</span>
            <span className="visually-hidden">{t('header.unreadCount', { total: formatNumber(unreadCount, locale) })}</span>
          </span>
        ) : null}
        <svg className={styles.chevron} viewBox="0 0 12 8" aria-hidden="true" focusable="false">
          <path d="M1 1.5 6 6.5l5-5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <div id={panelId} className={styles.panel} hidden={!isOpen}>
        <p className={styles.email}>{user.email}</p>
        <ul className="plain-list">
          <li>
            <Link to={paths.account} className={styles.item} onClick={close}>
              {t('header.account')}
            </Link>
          </li>
          <li>
            <Link to={accountSectionPath('notifications')} className={styles.item} onClick={close}>
              {unreadCount > 0
                ? t('header.notificationsWithCount', { total: formatNumber(unreadCount, locale) })
                : t('header.notifications')}
            </Link>
          </li>
          {isAdministrator(user) ? (
            <li>
              <Link to={adminPaths.home} className={styles.item} onClick={close}>
                {t('header.admin')}
              </Link>
            </li>
          ) : null}
          <li>
            <button
              type="button"
              className={styles.item}
              aria-disabled={signOut.isPending || undefined}
              onClick={() => {
                if (!signOut.isPending) signOut.mutate();
              }}
            >
              {signOut.isPending ? t('header.signingOut') : t('header.signOut')}
            </button>
          </li>
        </ul>
        {signOut.isError ? (
          <p className={styles.error} role="alert">
            {describeError(signOut.error, locale, t)}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export default AccountMenu;
