import { useTranslation } from 'react-i18next';
import { vietnameseContent } from '../../components/content-language/content-language.js';
import { Link, useSearchParams } from 'react-router';
import { gallerySorts, recognitionScopes } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { Card, CardList } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledInput, LabelledSelect } from '../../components/form/field-shell.js';
import { FilterBar } from '../../components/form/filter-bar.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { TagGroup } from '../../components/status-tag/status-tag.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useDeferredQuery } from '../../api/deferred-query.js';
import { useCampaigns, useGallery, useMostReplicated } from './api.js';
import { movementPaths } from './paths.js';
import { InitiativeStateTag, ScopeTag } from './state-tag.js';
import { useFieldNames } from './use-field-names.js';
import styles from './movement.module.css';

/** The public gallery: search without diacritics, filters in the URL so a view can be shared. */
export function GalleryPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const fieldName = useFieldNames();
  const [params] = useSearchParams();
  const campaigns = useCampaigns();
  const query = {
    q: params.get('q') ?? '',
    field: params.get('field') ?? '',
    scope: params.get('scope') ?? '',
    sort: params.get('sort') ?? 'supports',
    page: Math.max(1, Number(params.get('page') ?? 1) || 1),
  };
  const gallery = useDeferredQuery(useGallery(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''))));
  const most = useMostReplicated();
  const fields = campaigns.data?.campaigns.flatMap((c) => c.fields) ?? [];
  const pages = gallery.data ? Math.max(1, Math.ceil(gallery.data.total / gallery.data.pageSize)) : 1;
  const pageLink = (page: number) => `?${new URLSearchParams({ ...Object.fromEntries(params), page: String(page) }).toString()}`;
  const all = t('movement.common.all');

  return (
    <Page>
      <PageHeader
        title={t('movement.gallery.heading')}
        documentTitle={t('movement.gallery.pageTitle')}
        subtitle={t('movement.gallery.lead')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
        actions={
          <>
            <Link className={buttonClass()} to={movementPaths.submit}>
              {t('movement.mine.newOne')}
            </Link>
            {/* The movement has one entry in the navigation: the campaigns are one click from here. */}
            <Link className={buttonClass('secondary')} to={movementPaths.campaigns}>
              {t('movement.campaign.listTitle')}
            </Link>
          </>
        }
      />
      <FilterBar
        key={params.toString()}
        label={t('movement.gallery.search')}
        action={movementPaths.gallery}
        applyLabel={t('movement.gallery.apply')}
      >
        <LabelledInput
          label={t('movement.gallery.search')}
          hint={t('movement.gallery.searchHint')}
          type="search"
          name="q"
          defaultValue={query.q}
          maxLength={200}
        />
        <LabelledSelect
          label={t('movement.common.field')}
          name="field"
          defaultValue={query.field}
          emptyOption={all}
          options={fields.map((f) => ({ value: f.code, label: localized(f.name) }))}
        />
        <LabelledSelect
          label={t('movement.common.scope')}
          name="scope"
          defaultValue={query.scope}
          emptyOption={all}
          options={recognitionScopes.map((s) => ({ value: s, label: t(`movement.scopes.${s}`) }))}
        />
        <LabelledSelect
          label={t('movement.gallery.sort')}
          name="sort"
          defaultValue={query.sort}
          options={gallerySorts.map((s) => ({ value: s, label: t(`movement.gallery.sorts.${s}`) }))}
        />
      </FilterBar>
      <p role="status">
        {gallery.data
          ? t('movement.gallery.count', {
              count: gallery.data.total,
              total: `${formatNumber(gallery.data.total, locale)}${gallery.data.isTotalCapped ? '+' : ''}`,
            })
          : ''}
      </p>
      {gallery.isPending ? <Loading quiet /> : null}
      {gallery.isError ? <QueryError error={gallery.error} onRetry={() => void gallery.refetch()} /> : null}
      {gallery.data?.items.length === 0 ? (
        <EmptyState title={t('movement.gallery.empty')}>{t('movement.gallery.emptyNext')}</EmptyState>
      ) : null}
      <div data-list="gallery">
        <CardList items={gallery.data?.items ?? []} itemKey={(item) => item.id}>
          {(item) => (
            <Card
              headingLevel={2}
              title={
                <Link to={movementPaths.publicInitiative(item.id)} {...vietnameseContent}>
                  {item.title}
                </Link>
              }
            >
              <p className={styles.meta}>
                {fieldName(item.fieldCode)}
                {item.unitName ? ` · ${localized(item.unitName)}` : ''}
              </p>
              <p {...vietnameseContent}>{item.excerpt}</p>
              <TagGroup>
                <InitiativeStateTag state={item.state} />
                {item.scope ? <ScopeTag scope={item.scope} /> : null}
              </TagGroup>
              <p className={styles.meta}>
                {t('movement.public.supportCount', { count: item.supportCount })} ·{' '}
                {t('movement.gallery.units', { count: item.replicationCount })}
              </p>
            </Card>
          )}
        </CardList>
      </div>
      {pages > 1 ? (
        <nav aria-label={t('movement.gallery.pagination')} className="cluster">
          {query.page > 1 ? <Link to={pageLink(query.page - 1)}>{t('movement.gallery.previous')}</Link> : null}
          <span aria-current="page">{t('movement.gallery.page', { page: query.page, pages })}</span>
          {query.page < pages ? <Link to={pageLink(query.page + 1)}>{t('movement.gallery.next')}</Link> : null}
        </nav>
      ) : null}
      <Section title={t('movement.gallery.mostReplicated')}>
        <ol>
          {most.data?.items.map((item) => (
            <li key={item.id}>
              <Link to={movementPaths.publicInitiative(item.id)} {...vietnameseContent}>
                {item.title}
              </Link>{' '}
              — {t('movement.gallery.units', { count: item.replicationCount })}
            </li>
          ))}
        </ol>
      </Section>
    </Page>
  );
}
