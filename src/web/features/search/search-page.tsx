import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, useSearchParams } from 'react-router';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { maxQueryLength, useSearch } from './api.js';
import { SearchResultItem } from './search-result-item.js';

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
  const inputId = useId();
  const hintId = useId();
  useDocumentTitle(
    t('app.pageTitle', { page: query === '' ? t('search.pageTitle') : t('search.pageTitleWithQuery', { query }) }),
  );

  let statusText = '';
  if (query !== '' && search.isPending) statusText = t('search.searching');
  else if (query !== '' && search.data) {
    statusText =
      search.data.results.length === 0
        ? t('search.noResults', { query: search.data.query })
        : t('search.resultCount', { query: search.data.query, total: formatNumber(search.data.results.length, locale) });
  }

  return (
    <div className="container page page--narrow">
      <h1>{t('search.heading')}</h1>
      <Form method="get" action="/tim-kiem" role="search" className="search-form">
        <label htmlFor={inputId} className="search-form__label">
          {t('search.label')}
        </label>
        <p id={hintId} className="search-form__hint">
          {t('search.hint')}
        </p>
        <div className="search-form__row">
          {/* Keyed on the query so back/forward navigation refills the box. */}
          <input
            key={query}
            id={inputId}
            className="search-form__input"
            type="search"
            name="q"
            defaultValue={query}
            maxLength={maxQueryLength}
            aria-describedby={hintId}
            autoComplete="off"
            enterKeyHint="search"
            spellCheck={false}
          />
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </div>
      </Form>

      {/* Always mounted so screen readers announce each change of the result summary. */}
      <p role="status" className="search-status">
        {statusText}
      </p>

      {query === '' ? (
        <p className="search-prompt">{t('search.prompt')}</p>
      ) : (
        <section className="section search-results" aria-labelledby="search-results-heading">
          <h2 id="search-results-heading" className="visually-hidden">
            {t('search.resultsHeading')}
          </h2>
          {search.isPending ? <Loading label={t('search.searching')} quiet /> : null}
          {search.isError ? <QueryError error={search.error} onRetry={() => void search.refetch()} /> : null}
          {search.data && search.data.results.length > 0 ? (
            <ol className="plain-list search-results__list" aria-busy={search.isPlaceholderData}>
              {search.data.results.map((result) => (
                <li key={`${result.entityType}:${result.entityId}`}>
                  <SearchResultItem result={result} />
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      )}
    </div>
  );
}
