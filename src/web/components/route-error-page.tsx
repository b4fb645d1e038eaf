import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from './not-found-page.js';
import { Page } from './page/page.js';
import { PageHeader } from './page-header/page-header.js';
import { QueryError } from './query-status/query-status.js';

/** Catches errors thrown while rendering a page, so the layout and navigation stay usable. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;

  return (
    <Page width="narrow">
      <PageHeader title={t('errors.pageHeading')} />
      <QueryError error={error} onRetry={() => window.location.reload()} />
    </Page>
  );
}
