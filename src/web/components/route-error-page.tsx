import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from './not-found-page.js';
import { QueryError } from './query-status.js';

/** Catches errors thrown while rendering a page, so the layout and navigation stay usable. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;

  return (
    <div className="container page page--narrow">
      <h1>{t('errors.pageHeading')}</h1>
      <QueryError error={error} onRetry={() => window.location.reload()} />
    </div>
  );
}
