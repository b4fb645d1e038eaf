import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { features } from '../../app/features.js';
import { paths } from '../../app/paths.js';
import { AccountArea } from '../../features/identity/account-menu.js';
import { SecondFactorNotice } from '../../features/identity/second-factor-notice.js';
import { OpenWorkBadge, useOpenWorkCount, WorkLink } from '../../features/workspace/work-link.js';
import { LanguageSwitch } from '../language-switch/language-switch.js';
import { ToastProvider } from '../toast/toast.js';
import styles from './layout.module.css';

const mainId = 'main-content';

/** Page frame: skip link, header with navigation, account and language switch, main landmark, footer. */
export function Layout() {
  const { t } = useTranslation();
  const mainRef = useFocusOnNavigation();
  const menu = useFoldingMenu();
  const menuId = useId();
  const openWork = useOpenWorkCount();

  return (
    <ToastProvider>
      <a className={styles.skipLink} href={`#${mainId}`}>
        {t('a11y.skipToContent')}
      </a>
      <header className={styles.header}>
        <div className={`container ${styles.headerInner}`}>
          <Link to={paths.home} className={styles.brand}>
            <svg className={styles.brandMark} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="6" fill="currentColor" />
              <path className={styles.brandLetter} d="M9 8h6.5C21 8 24 11.4 24 16s-3 8-8.5 8H9z" fill="none" strokeWidth="3" />
              <circle className={styles.brandDot} cx="23.5" cy="8.5" r="3" />
            </svg>
            <span className={styles.brandText}>
              <span className={styles.brandName}>{t('app.name')}</span>
              <span className={styles.brandTagline}>{t('app.tagline')}</span>
            </span>
          </Link>
          <button
            ref={menu.toggleRef}
            type="button"
            className={styles.menuToggle}
            aria-expanded={menu.isOpen}
            aria-controls={menuId}
            onClick={menu.toggle}
          >
            <svg className={styles.menuIcon} viewBox="0 0 20 16" aria-hidden="true" focusable="false">
              <path d="M1 2h18M1 8h18M1 14h18" stroke="currentColor" strokeWidth="2" />
            </svg>
            <span>{t('header.menu')}</span>
            <OpenWorkBadge count={openWork} />
          </button>
          <div id={menuId} ref={menu.panelRef} className={styles.menuPanel} data-open={menu.isOpen} onKeyDown={menu.closeOnEscape}>
            <nav className={styles.nav} aria-label={t('a11y.primaryNav')}>
              <ul className={styles.navList}>
                <li>
                  <NavLink to={paths.home} end className={styles.navLink}>
                    {t('nav.home')}
                  </NavLink>
                </li>
                {features
                  .flatMap((feature) => feature.nav ?? [])
                  .map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} className={styles.navLink}>
                        {t(item.label)}
                      </NavLink>
                    </li>
                  ))}
              </ul>
            </nav>
            <div className={styles.account}>
              <WorkLink className={styles.navLink} />
              <AccountArea />
            </div>
            <div className={styles.language}>
              <LanguageSwitch />
            </div>
          </div>
        </div>
        <SecondFactorNotice />
      </header>
      <main id={mainId} ref={mainRef} tabIndex={-1} className={styles.main}>
        <Outlet />
      </main>
      <footer className={styles.footer}>
        <div className={`container ${styles.footerInner}`}>
          <p>{t('footer.about')}</p>
          <p>{t('footer.sourceNote')}</p>
          <ul className={styles.footerLinks}>
            <li>
              <a href="/api/docs">{t('footer.apiDocs')}</a>
            </li>
            <li>
              <Link to={paths.privacy}>{t('footer.privacy')}</Link>
            </li>
          </ul>
        </div>
      </footer>
      <ScrollRestoration />
    </ToastProvider>
  );
}

function moveFocusTo(element: HTMLElement, preventScroll: boolean): void {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll });
}

/**
 * After a client-side navigation (not the first load), moves focus so keyboard and screen-reader users
 * start at the new page: the linked section, else the page's heading, else <main>. A change of fragment
 * alone moves focus to its target. A message the previous page left is announced by the toast.
 */
function useFocusOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname, hash } = useLocation();
  const previous = useRef({ pathname, hash });

  useEffect(() => {
    const isNewPage = previous.current.pathname !== pathname;
    const isNewHash = previous.current.hash !== hash;
    previous.current = { pathname, hash };
    const main = mainRef.current;
    if (!main || (!isNewPage && !isNewHash)) return;

    const hashTarget = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (!isNewPage) {
      if (hashTarget) moveFocusTo(hashTarget, false);
      return;
    }
    if (hashTarget) moveFocusTo(hashTarget, false);
    else moveFocusTo(main.querySelector<HTMLElement>('h1') ?? main, true);
  }, [pathname, hash]);

  return mainRef;
}

/**
 * Below the desktop width the navigation, account and language fold behind one button: Escape closes
 * it and gives focus back to the button; following a link closes it.
 */
function useFoldingMenu() {
  const [isOpen, setIsOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();

  useEffect(() => setIsOpen(false), [pathname]);

  const toggle = useCallback(() => setIsOpen((open) => !open), []);
  const closeOnEscape = useCallback(
    (event: KeyboardEvent) => {
      // The account menu inside handles its own Escape first.
      if (event.key !== 'Escape' || !isOpen || event.defaultPrevented) return;
      setIsOpen(false);
      toggleRef.current?.focus();
    },
    [isOpen],
  );
  return { isOpen, toggle, closeOnEscape, toggleRef, panelRef };
}
