import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../app/paths.js';
import { Page } from './page/page.js';
import { PageHeader } from './page-header/page-header.js';

/** Shown for any client route that does not exist. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page width="narrow">
      {/* Search engines should not index a missing page (React hoists this into <head> in the browser; the server answers 404 as well). */}
      <meta name="robots" content="noindex" />
      <PageHeader title={t('notFound.heading')} documentTitle={t('notFound.pageTitle')} />
      <p>{t('notFound.body')}</p>
      <ul className="link-list">
        <li>
          <Link to={paths.home}>{t('notFound.home')}</Link>
        </li>
        <li>
          <Link to={paths.search}>{t('notFound.search')}</Link>
        </li>
      </ul>
    </Page>
  );
}
