import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../app/paths.js';
import { buttonClass, ButtonRow } from '../../components/button/button.js';
import { Card } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { FilterBar } from '../../components/form/filter-bar.js';
import { SearchBox } from '../../components/form/search-box.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { catalogueFacets, cataloguePageSize, useCatalogueSearch } from './api.js';
import styles from './opendata.module.css';
import { opendataPaths } from './paths.js';
import { translated } from './translated.js';

type Facet = (typeof catalogueFacets)[number];

/** The catalogue: search without diacritics, facets as links that add or remove a filter, pages of datasets. */
export function CataloguePage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('trang') ?? '1') || 1);
  const filters = catalogueFacets.flatMap((field) => params.getAll(field).map((value) => ({ field, value })));
  const search = useCatalogueSearch({ q, filters, page });
  const pages = Math.max(1, Math.ceil((search.data?.count ?? 0) / cataloguePageSize));

  const linkWith = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    next.delete('trang');
    change(next);
    const query = next.toString();
    return query ? `${opendataPaths.catalogue}?${query}` : opendataPaths.catalogue;
  };
  const toggle = (field: Facet, value: string) =>
    linkWith((next) => {
      const values = next.getAll(field);
      next.delete(field);
      for (const v of values.includes(value) ? values.filter((x) => x !== value) : [...values, value]) next.append(field, v);
    });
  const pageLink = (target: number) => linkWith((next) => target > 1 && next.set('trang', String(target)));
  const facetLabel = (field: Facet, name: string, display: string) =>
    field === 'access_level' ? t(`opendata.access.${name as 'open'}`) : display;

  return (
    <Page width="wide">
      <PageHeader
        title={t('opendata.catalogue.heading')}
        documentTitle={t('opendata.catalogue.pageTitle')}
        subtitle={t('opendata.catalogue.intro')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
      />
      <FilterBar
        label={t('opendata.catalogue.filters')}
        action={opendataPaths.catalogue}
        applyLabel={t('opendata.catalogue.submit')}
        clear={q || filters.length ? { to: opendataPaths.catalogue, label: t('opendata.catalogue.clear') } : undefined}
      >
        <SearchBox
          name="q"
          defaultValue={q}
          maxLength={200}
          label={t('opendata.catalogue.search')}
          hint={t('opendata.catalogue.searchHint')}
          submitLabel={t('opendata.catalogue.submit')}
        />
        {filters.map((f) => (
          <input key={`${f.field}:${f.value}`} type="hidden" name={f.field} value={f.value} />
        ))}
      </FilterBar>
      {search.isPending ? <Loading /> : null}
      {search.isError ? <QueryError error={search.error} onRetry={() => void search.refetch()} /> : null}
      {search.data ? (
        <div className={styles.catalogue}>
          <nav aria-label={t('opendata.catalogue.filters')} className={styles.facets}>
            {catalogueFacets.map((field) => {
              const items = search.data.search_facets[field]?.items ?? [];
              if (items.length === 0) return null;
              return (
                <section key={field} aria-labelledby={`facet-${field}`}>
                  <h2 id={`facet-${field}`} className={styles.facetTitle}>
                    {t(`opendata.catalogue.facets.${field}`)}
                  </h2>
                  <ul className={styles.facetList}>
                    {items.map((item) => {
                      const isOn = filters.some((f) => f.field === field && f.value === item.name);
                      return (
                        <li key={item.name}>
                          <Link
                            to={toggle(field, item.name)}
                            aria-current={isOn ? 'true' : undefined}
                            className={isOn ? styles.facetOn : undefined}
                          >
                            {facetLabel(field, item.name, item.display_name)} ({item.count})
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })}
          </nav>
          <Section title={t('opendata.catalogue.results')} isTitleHidden>
            <p role="status" className="muted">
              {t('opendata.catalogue.count', { count: search.data.count })}
            </p>
            {search.data.count === 0 ? (
              <EmptyState title={t('opendata.catalogue.empty')}>{t('opendata.catalogue.emptyNext')}</EmptyState>
            ) : null}
            <ul className={styles.results}>
              {search.data.results.map((d) => (
                <li key={d.id}>
                  <Card
                    name="dataset"
                    title={<Link to={opendataPaths.dataset(d.name)}>{localized(translated(d.title_translated, d.title))}</Link>}
                  >
                    <p className="muted">
                      {d.organization ? localized(translated(d.organization.title_translated, d.organization.title)) : null}
                      {' · '}
                      {[...new Set(d.resources.map((r) => r.format).filter(Boolean))].join(', ')}
                      {' · '}
                      {d.license_title}
                    </p>
                    <p>{localized(translated(d.notes_translated, d.notes)).slice(0, 240)}</p>
                  </Card>
                </li>
              ))}
            </ul>
            {pages > 1 ? (
              <ButtonRow label={t('opendata.catalogue.pageOf', { page, pages })}>
                {page > 1 ? (
                  <Link className={buttonClass('secondary')} to={pageLink(page - 1)}>
                    {t('opendata.catalogue.previous')}
                  </Link>
                ) : null}
                <span>{t('opendata.catalogue.pageOf', { page, pages })}</span>
                {page < pages ? (
                  <Link className={buttonClass('secondary')} to={pageLink(page + 1)}>
                    {t('opendata.catalogue.next')}
                  </Link>
                ) : null}
              </ButtonRow>
            ) : null}
          </Section>
        </div>
      ) : null}
    </Page>
  );
}
