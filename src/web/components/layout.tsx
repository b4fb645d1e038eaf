import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { features } from '../app/features.js';
import { paths } from '../app/paths.js';
import { AccountArea } from '../features/identity/account-menu.js';
import { SecondFactorNotice } from '../features/identity/second-factor-notice.js';
import { FlashMessage, flashMessageId } from './flash-message.js';
import { LanguageSwitch } from './language-switch.js';

const mainId = 'main-content';

/** Page frame: skip link, header with navigation, account and language switch, main landmark, footer. */
export function Layout() {
  const { t } = useTranslation();
  const mainRef = useFocusOnNavigation();

  return (
    <>
      <a className="skip-link" href={`#${mainId}`}>
        {t('a11y.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to={paths.home} className="brand">
            <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="6" fill="currentColor" />
              <path d="M9 8h6.5C21 8 24 11.4 24 16s-3 8-8.5 8H9z" fill="none" stroke="#fff" strokeWidth="3" />
              <circle cx="23.5" cy="8.5" r="3" fill="#f2b632" />
            </svg>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <nav className="primary-nav" aria-label={t('a11y.primaryNav')}>
            <ul className="primary-nav__list">
              <li>
                <NavLink to={paths.home} end className="primary-nav__link">
                  {t('nav.home')}
                </NavLink>
              </li>
              {features.flatMap((feature) => feature.nav ?? []).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="primary-nav__link">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
              <li>
                <NavLink to={paths.search} className="primary-nav__link">
                  {t('nav.search')}
                </NavLink>
              </li>
              <li>
                {/* The API reference is served by the server, outside the client router. */}
                <a href="/api/docs" className="primary-nav__link">
                  {t('nav.api')}
                </a>
              </li>
            </ul>
          </nav>
          <AccountArea />
          <LanguageSwitch />
        </div>
        <SecondFactorNotice />
      </header>
      <main id={mainId} ref={mainRef} tabIndex={-1} className="site-main">
        <FlashMessage />
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>{t('footer.about')}</p>
          <p>{t('footer.sourceNote')}</p>
          <ul className="site-footer__links">
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
    </>
  );
}

function moveFocusTo(element: HTMLElement, preventScroll: boolean): void {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll });
}

/**
 * After a client-side navigation (not the first load), moves focus so keyboard and screen-reader users
 * start at the new page: the message the previous page left, else the linked section, else the page's
 * heading, else <main>. A change of fragment alone moves focus to its target.
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
    const flash = document.getElementById(flashMessageId);
    if (flash) moveFocusTo(flash, true);
    else if (hashTarget) moveFocusTo(hashTarget, false);
    else moveFocusTo(main.querySelector<HTMLElement>('h1') ?? main, true);
  }, [pathname, hash]);

  return mainRef;
}
