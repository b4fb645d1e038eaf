import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useDataset, useDatasetHistory } from './api.js';
import styles from './opendata.module.css';
import { opendataPaths } from './paths.js';
import { translated } from './translated.js';
import { useSiteOrigin } from '../../app/site-origin.js';

const ckanInstant = (value: string) => `${value.slice(0, 19)}Z`;

/** One dataset: its metadata, resources (download, preview), how to reach it through the API, how to cite it, its history. */
export function DatasetPage() {
  const { name = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const dataset = useDataset(name);
  const history = useDatasetHistory(name);
  const origin = useSiteOrigin();
  if (dataset.isPending) return <Loading />;
  if (dataset.isError) return <QueryError error={dataset.error} onRetry={() => void dataset.refetch()} />;
  const d = dataset.data;
  const extra = (key: string) => d.extras.find((e) => e.key === key)?.value ?? '';
  const title = localized(translated(d.title_translated, d.title));
  const publisher = d.organization ? localized(translated(d.organization.title_translated, d.organization.title)) : '';
  const access = (extra('access_level') || 'open') as 'open' | 'shared' | 'private';
  const year = d.metadata_modified.slice(0, 4);
  return (
    <Page>
      <PageHeader
        title={title}
        kicker={publisher}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('opendata.catalogue.pageTitle'), to: opendataPaths.catalogue },
        ]}
        meta={<StatusTag tone={access === 'open' ? 'success' : 'info'}>{t(`opendata.access.${access}`)}</StatusTag>}
      />
      <p>{localized(translated(d.notes_translated, d.notes))}</p>
      <SummaryList
        items={[
          { label: t('opendata.dataset.publisher'), value: publisher },
          d.groups.length > 0 && { label: t('opendata.dataset.themes'), value: d.groups.map((g) => g.display_name).join(', ') },
          d.tags.length > 0 && { label: t('opendata.dataset.keywords'), value: d.tags.map((tag) => tag.name).join(', ') },
          { label: t('opendata.dataset.licence'), value: d.license_url ? <a href={d.license_url}>{d.license_title}</a> : d.license_title },
          { label: t('opendata.dataset.modified'), value: formatDateTime(ckanInstant(d.metadata_modified), locale) },
          Boolean(extra('temporal_start') || extra('temporal_end')) && {
            label: t('opendata.dataset.temporal'),
            value: `${extra('temporal_start')} – ${extra('temporal_end')}`,
          },
          Boolean(extra('spatial_text')) && { label: t('opendata.dataset.spatial'), value: extra('spatial_text') },
          Boolean(extra('frequency')) && { label: t('opendata.dataset.frequency'), value: extra('frequency') },
          Boolean(d.version) && { label: t('opendata.dataset.version'), value: d.version },
          Boolean(d.maintainer) && {
            label: t('opendata.dataset.contact'),
            value: d.maintainer_email ? <a href={`mailto:${d.maintainer_email}`}>{d.maintainer}</a> : d.maintainer,
          },
        ]}
      />
      <Section title={t('opendata.dataset.resources')}>
        {d.resources.length === 0 ? <p>{t('opendata.dataset.noResources')}</p> : null}
        <ul className={styles.resources}>
          {d.resources.map((r) => {
            const label = localized(translated(r.name_translated, r.name));
            return (
              <li key={r.id}>
                <strong>{label}</strong> ({r.format}) · <a href={r.url}>{t('opendata.dataset.download', { name: label })}</a>
                {r.datastore_active ? (
                  <>
                    {' · '}
                    <Link to={opendataPaths.preview(d.name, r.id)}>{t('opendata.dataset.preview', { name: label })}</Link>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      </Section>
      <Section title={t('opendata.dataset.api')}>
        <p>{t('opendata.dataset.apiIntro')}</p>
        <p className={styles.code}>
          {`${origin}/api/3/action/package_show?id=${d.name}`}
          {d.resources
            .filter((r) => r.datastore_active)
            .map((r) => `\n${origin}/api/3/action/datastore_search?resource_id=${r.id}`)
            .join('')}
          {`\n${origin}/dataset/${d.id}.ttl`}
        </p>
      </Section>
      <Section title={t('opendata.dataset.cite')}>
        <p
          className={styles.code}
        >{`${publisher} (${year}). ${title}${d.version ? `, ${d.version}` : ''}. ${origin}${opendataPaths.dataset(d.name)}`}</p>
      </Section>
      <Section title={t('opendata.dataset.history')}>
        {history.data ? (
          <DataTable
            caption={t('opendata.dataset.history')}
            isCaptionHidden
            name="history"
            rows={history.data}
            rowKey={(row) => `${row.at}-${row.action}`}
            empty={t('opendata.dataset.historyEmpty')}
            columns={[
              { key: 'at', header: t('opendata.dataset.when'), cell: (row) => formatDateTime(row.at, locale) },
              {
                key: 'action',
                header: t('opendata.dataset.what'),
                cell: (row) => (row.action in actionKeys ? t(`opendata.dataset.actions.${row.action as ActionKey}`) : row.action),
              },
            ]}
          />
        ) : null}
      </Section>
    </Page>
  );
}

const actionKeys = {
  'opendata.dataset.create': true,
  'opendata.dataset.update': true,
  'opendata.dataset.propose': true,
  'opendata.dataset.publish': true,
  'opendata.dataset.withdraw': true,
  'opendata.resource.add': true,
  'opendata.resource.upload': true,
} as const;
type ActionKey = keyof typeof actionKeys;
