import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { LanguageSwitch } from './language-switch.js';

const mainId = 'main-content';

/** Page frame: skip link, header with navigation and language switch, main landmark, footer. */
export function Layout() {
  const { t } = useTranslation();
  const mainRef = useMainFocusOnNavigation();

  return (
    <>
      <a className="skip-link" href={`#${mainId}`}>
        {t('a11y.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to="/" className="brand">
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
                <NavLink to="/" end className="primary-nav__link">
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/tim-kiem" className="primary-nav__link">
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
          <LanguageSwitch />
        </div>
      </header>
      <main id={mainId} ref={mainRef} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>{t('footer.about')}</p>
          <p>{t('footer.sourceNote')}</p>
          <p>
            <a href="/api/docs">{t('footer.apiDocs')}</a>
          </p>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}

/**
 * After a client-side navigation (not the first load), moves focus to <main> so keyboard and
 * screen-reader users start at the new page's content instead of the link they activated.
 */
function useMainFocusOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);

  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return mainRef;
}
