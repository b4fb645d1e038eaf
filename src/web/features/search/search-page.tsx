import { useTranslation } from 'react-i18next';
import { Form, useSearchParams } from 'react-router';
import { paths } from '../../app/paths.js';
import { SearchBox } from '../../components/form/search-box.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { maxQueryLength, useSearch } from './api.js';
import { SearchResultItem } from './search-result-item.js';
import styles from './search.module.css';

/**
 * Full-text search. The query lives in the URL (?q=) so a search can be shared and the back button works;
 * the form is a plain GET form that the router turns into a client-side navigation.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const query = (searchParams.get('q') ?? '').trim();
  const search = useSearch(query);

  let statusText = '';
  if (query !== '' && search.isPending) statusText = t('search.searching');
  else if (query !== '' && search.data) {
    statusText =
      search.data.results.length === 0
        ? t('search.noResults', { query: search.data.query })
        : t('search.resultCount', { query: search.data.query, total: formatNumber(search.data.results.length, locale) });
  }

  return (
    <Page width="narrow">
      <PageHeader
        title={t('search.heading')}
        documentTitle={query === '' ? t('search.pageTitle') : t('search.pageTitleWithQuery', { query })}
      />
      <Form method="get" action={paths.search} role="search">
        {/* Keyed on the query so back/forward navigation refills the box. */}
        <SearchBox
          key={query}
          label={t('search.label')}
          hint={t('search.hint')}
          submitLabel={t('search.submit')}
          name="q"
          defaultValue={query}
          maxLength={maxQueryLength}
          autoComplete="off"
          enterKeyHint="search"
          spellCheck={false}
        />
      </Form>

      {/* Always mounted so screen readers announce each change of the result summary. */}
      <p role="status" className={styles.status}>
        {statusText}
      </p>

      {query === '' ? (
        <p className="muted">{t('search.prompt')}</p>
      ) : (
        <Section title={t('search.resultsHeading')} isTitleHidden>
          {search.isPending ? <Loading label={t('search.searching')} quiet /> : null}
          {search.isError ? <QueryError error={search.error} onRetry={() => void search.refetch()} /> : null}
          {search.data && search.data.results.length > 0 ? (
            <ol className={`plain-list ${styles.list}`} aria-busy={search.isPlaceholderData}>
              {search.data.results.map((result) => (
                <li key={`${result.entityType}:${result.entityId}`}>
                  <SearchResultItem result={result} />
                </li>
              ))}
            </ol>
          ) : null}
        </Section>
      )}
    </Page>
  );
}
