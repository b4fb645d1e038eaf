import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ecosystemFieldNames, organisationKindNames, startupStageNames, type EcosystemStats } from '../../../shared/contracts/ecosystem.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { Card, CardList } from '../../components/card/card.js';
import { Chart } from '../../components/chart/chart.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledInput, LabelledSelect } from '../../components/form/field-shell.js';
import { FilterBar } from '../../components/form/filter-bar.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatCard, StatGrid } from '../../components/stat-card/stat-card.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useSession } from '../identity/session.js';
import { useDirectory, useStats, useWards } from './api.js';
import { ecosystemPaths } from './paths.js';
import { ProfileTags } from './tags.js';
import { useEcosystemOptions } from './options.js';

const filterNames = ['q', 'kind', 'field', 'ward', 'stage', 'verified', 'sort', 'page'] as const;

/** The download of what the directory shows: the same filters and order, every page. */
const exportLink = (query: Record<string, string>, format: 'csv' | 'xlsx' | 'json') => {
  const { page: _page, ...filters } = query;
  return `/api/ecosystem/organisations/export?${new URLSearchParams({ ...filters, format }).toString()}`;
};

/** The public directory: facets and diacritic-insensitive search in the URL, so a view can be shared; counts below. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const options = useEcosystemOptions();
  const [params] = useSearchParams();
  const wards = useWards();
  const session = useSession();
  const isStaff = session.data?.user?.grants.some((g) => g.role === 'programme_manager' || g.role === 'administrator') ?? false;
  const query = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? '']).filter(([, v]) => v !== ''));
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const directory = useDirectory(query);
  const pages = directory.data ? Math.max(1, Math.ceil(directory.data.total / directory.data.pageSize)) : 1;
  const pageLink = (n: number) => `?${new URLSearchParams({ ...Object.fromEntries(params), page: String(n) }).toString()}`;
  const all = t('ecosystem.common.all');
  return (
    <Page width="wide">
      <PageHeader
        title={t('ecosystem.directory.heading')}
        documentTitle={t('ecosystem.directory.pageTitle')}
        subtitle={t('ecosystem.directory.lead')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
        actions={
          <Link className={buttonClass()} to={ecosystemPaths.register}>
            {t('ecosystem.directory.register')}
          </Link>
        }
      />
      <nav aria-label={t('ecosystem.directory.links')}>
        <ul className="plain-list cluster">
          <li>
            <Link to={ecosystemPaths.programmes}>{t('ecosystem.programmes.heading')}</Link>
          </li>
          <li>
            <Link to={ecosystemPaths.experts}>{t('ecosystem.experts.heading')}</Link>
          </li>
          <li>
            <Link to={ecosystemPaths.mine}>{t('ecosystem.mine.heading')}</Link>
          </li>
          {isStaff ? (
            <li>
              <Link to={ecosystemPaths.verification}>{t('ecosystem.verification.heading')}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <FilterBar
        key={params.toString()}
        label={t('ecosystem.directory.search')}
        action={ecosystemPaths.directory}
        applyLabel={t('ecosystem.directory.apply')}
      >
        <LabelledInput
          label={t('ecosystem.directory.search')}
          hint={t('ecosystem.directory.searchHint')}
          type="search"
          name="q"
          defaultValue={query.q ?? ''}
          maxLength={200}
        />
        {[
          { name: 'kind', label: t('ecosystem.common.kind'), options: options.kinds },
          { name: 'field', label: t('ecosystem.common.field'), options: options.fields },
          {
            name: 'ward',
            label: t('ecosystem.common.ward'),
            options: (wards.data ?? []).map((w) => ({ value: w.id, label: localized(w.name) })),
          },
          { name: 'stage', label: t('ecosystem.common.stage'), options: options.stages },
          {
            name: 'verified',
            label: t('ecosystem.directory.verifiedFilter'),
            options: [
              { value: 'true', label: t('ecosystem.directory.onlyVerified') },
              { value: 'false', label: t('ecosystem.directory.onlyUnverified') },
            ],
          },
        ].map((filter) => (
          <LabelledSelect
            key={filter.name}
            label={filter.label}
            name={filter.name}
            defaultValue={query[filter.name] ?? ''}
            emptyOption={all}
            options={filter.options}
          />
        ))}
        <LabelledSelect
          label={t('ecosystem.directory.sort')}
          name="sort"
          defaultValue={query.sort ?? 'name'}
          options={(['name', 'founded', 'recent'] as const).map((s) => ({ value: s, label: t(`ecosystem.directory.sorts.${s}`) }))}
        />
      </FilterBar>
      <p role="status">{directory.data ? t('ecosystem.directory.count', { total: formatNumber(directory.data.total, locale) }) : ''}</p>
      {directory.isPending ? <Loading quiet /> : null}
      {directory.isError ? <QueryError error={directory.error} onRetry={() => void directory.refetch()} /> : null}
      {directory.data?.items.length === 0 ? (
        <EmptyState title={t('ecosystem.directory.empty')}>{t('ecosystem.directory.emptyNext')}</EmptyState>
      ) : null}
      <div data-list="directory">
        <CardList items={directory.data?.items ?? []} itemKey={(o) => o.id}>
          {(o) => (
            <Card headingLevel={2} title={<Link to={ecosystemPaths.organisation(o.slug)}>{locale === 'en' ? o.nameEn : o.nameVi}</Link>}>
              <p className="muted">
                {localized(organisationKindNames[o.kind])}
                {o.ward ? ` · ${locale === 'en' ? o.ward.nameEn : o.ward.nameVi}` : ''}
                {o.stage ? ` · ${localized(startupStageNames[o.stage])}` : ''}
              </p>
              <p>{o.fields.map((f) => localized(ecosystemFieldNames[f])).join(', ')}</p>
              <ProfileTags verifiedAt={o.verifiedAt} isUnconfirmed={o.isUnconfirmed} isIllustrative={o.isIllustrative} />
            </Card>
          )}
        </CardList>
      </div>
      {pages > 1 ? (
        <nav aria-label={t('ecosystem.directory.pagination')} className="cluster">
          {page > 1 ? <Link to={pageLink(page - 1)}>{t('ecosystem.directory.previous')}</Link> : null}
          <span aria-current="page">{t('ecosystem.directory.page', { page, pages })}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t('ecosystem.directory.next')}</Link> : null}
        </nav>
      ) : null}
      <Section title={t('ecosystem.directory.download')}>
        <p className="muted">{t('ecosystem.directory.downloadIntro')}</p>
        <ul className="link-list">
          {(['csv', 'xlsx', 'json'] as const).map((format) => (
            <li key={format}>
              <a href={exportLink(query, format)} download>
                {t(`ecosystem.directory.downloadAs.${format}`)}
              </a>
            </li>
          ))}
        </ul>
      </Section>
      <Counts />
    </Page>
  );
}

type CountRow = EcosystemStats['byKind'][number];

/** Counts by kind, field and ward, all profiles and verified ones side by side, each chart with its table. */
function Counts() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const stats = useStats();
  if (stats.isPending) return <Loading quiet />;
  if (stats.isError) return <QueryError error={stats.error} onRetry={() => void stats.refetch()} />;
  const chart = (rows: readonly CountRow[], caption: string, header: string, name: string) => (
    <Chart
      name={name}
      caption={caption}
      categoryHeader={header}
      spec={{
        kind: 'bar',
        categories: rows.map((r) => ({ key: r.key, label: localized(r.label) })),
        series: [
          { key: 'all', name: t('ecosystem.directory.allProfiles'), values: rows.map((r) => r.all) },
          { key: 'verified', name: t('ecosystem.directory.verifiedProfiles'), values: rows.map((r) => r.verified) },
        ],
      }}
    />
  );
  return (
    <Section title={t('ecosystem.directory.countsHeading')} intro={t('ecosystem.directory.countsIntro')}>
      <StatGrid>
        <StatCard label={t('ecosystem.directory.total')} value={formatNumber(stats.data.total, locale)} name="total" />
        <StatCard label={t('ecosystem.directory.totalVerified')} value={formatNumber(stats.data.verified, locale)} name="verified" />
      </StatGrid>
      {chart(stats.data.byKind, t('ecosystem.directory.byKind'), t('ecosystem.common.kind'), 'by-kind')}
      {chart(stats.data.byField, t('ecosystem.directory.byField'), t('ecosystem.common.field'), 'by-field')}
      <DataTable
        caption={t('ecosystem.directory.byWard')}
        name="by-ward"
        rows={stats.data.byWard}
        rowKey={(r) => r.key}
        columns={[
          {
            key: 'ward',
            header: t('ecosystem.common.ward'),
            cell: (r) => localized(r.label),
            sortValue: (r) => localized(r.label),
            isRowHeader: true,
          },
          {
            key: 'all',
            header: t('ecosystem.directory.allProfiles'),
            cell: (r) => formatNumber(r.all, locale),
            sortValue: (r) => r.all,
            align: 'end',
          },
          {
            key: 'verified',
            header: t('ecosystem.directory.verifiedProfiles'),
            cell: (r) => formatNumber(r.verified, locale),
            sortValue: (r) => r.verified,
            align: 'end',
          },
        ]}
      />
    </Section>
  );
}
