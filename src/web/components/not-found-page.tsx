import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from './use-document-title.js';

/** Shown for any client route that does not exist. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('notFound.pageTitle') }));

  return (
    <div className="container page page--narrow">
      {/* React hoists this into <head>: search engines should not index a missing page. */}
      <meta name="robots" content="noindex" />
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <ul className="link-list">
        <li>
          <Link to="/">{t('notFound.home')}</Link>
        </li>
        <li>
          <Link to="/tim-kiem">{t('notFound.search')}</Link>
        </li>
      </ul>
    </div>
  );
}
