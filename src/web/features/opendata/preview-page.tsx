import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { paths } from '../../app/paths.js';
import { buttonClass, ButtonRow } from '../../components/button/button.js';
import { Chart } from '../../components/chart/chart.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { LabelledSelect } from '../../components/form/field-shell.js';
import { FilterBar } from '../../components/form/filter-bar.js';
import { SearchBox } from '../../components/form/search-box.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import type { DatastoreResult } from '../../../shared/contracts/opendata.js';
import { usePreview } from './api.js';
import styles from './opendata.module.css';
import { opendataPaths } from './paths.js';

const pageSize = 25;

/** A resource's table from the datastore: filter without diacritics, sort and page on the server; a chart of two columns the visitor picks. */
export function PreviewPage() {
  const { name = '', resourceId = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sort = params.get('sap-xep') ?? '';
  const page = Math.max(1, Number(params.get('trang') ?? '1') || 1);
  const preview = usePreview({ resourceId, q, sort, page, pageSize });
  const [category, setCategory] = useState('');
  const [value, setValue] = useState('');
  const update = (key: string, next: string) => {
    const copy = new URLSearchParams(params);
    if (next) copy.set(key, next);
    else copy.delete(key);
    if (key !== 'trang') copy.delete('trang');
    setParams(copy, { replace: true });
  };
  const fields = (preview.data?.fields ?? []).filter((f) => f.id !== '_id');
  const numeric = fields.filter((f) => f.type === 'numeric');
  const chosenCategory = category || fields.find((f) => f.type !== 'numeric')?.id || fields[0]?.id || '';
  const chosenValue = value || numeric[0]?.id || '';
  const pages = Math.max(1, Math.ceil((preview.data?.total ?? 0) / pageSize));
  const here = opendataPaths.preview(name, resourceId);

  return (
    <Page width="wide">
      <PageHeader
        title={t('opendata.preview.pageTitle')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('opendata.catalogue.pageTitle'), to: opendataPaths.catalogue },
          { label: name, to: opendataPaths.dataset(name) },
        ]}
      />
      <FilterBar label={t('opendata.preview.filter')} action={here} applyLabel={t('opendata.preview.apply')}>
        <SearchBox
          name="q"
          defaultValue={q}
          maxLength={200}
          label={t('opendata.preview.filter')}
          hint={t('opendata.preview.filterHint')}
          submitLabel={t('opendata.preview.apply')}
        />
        {sort ? <input type="hidden" name="sap-xep" value={sort} /> : null}
      </FilterBar>
      {preview.isPending ? <Loading /> : null}
      {preview.isError ? <QueryError error={preview.error} onRetry={() => void preview.refetch()} /> : null}
      {preview.data ? (
        <>
          <div className={styles.controls}>
            <LabelledSelect
              label={t('opendata.preview.sort')}
              value={sort}
              emptyOption={t('opendata.preview.sortNone')}
              options={fields.flatMap((f) => [
                { value: `${f.id} asc`, label: t('opendata.preview.ascending', { field: f.id }) },
                { value: `${f.id} desc`, label: t('opendata.preview.descending', { field: f.id }) },
              ])}
              onChange={(event) => update('sap-xep', event.target.value)}
            />
          </div>
          <Section title={t('opendata.preview.rows')}>
            <p role="status" className="muted">
              {t('opendata.preview.total', { total: preview.data.total ?? 0 })}
            </p>
            <DataTable
              caption={t('opendata.preview.rows')}
              isCaptionHidden
              name="preview"
              rows={preview.data.records}
              rowKey={(row) => String(row._id)}
              columns={fields.map((f, index) => ({
                key: f.id,
                header: f.id,
                cell: (row: DatastoreResult['records'][number]) => (row[f.id] === null || row[f.id] === undefined ? '' : String(row[f.id])),
                align: f.type === 'numeric' ? ('end' as const) : ('start' as const),
                isRowHeader: index === 0,
              }))}
            />
            {pages > 1 ? (
              <ButtonRow label={t('opendata.catalogue.pageOf', { page, pages })}>
                {page > 1 ? (
                  <button type="button" className={buttonClass('secondary')} onClick={() => update('trang', String(page - 1))}>
                    {t('opendata.catalogue.previous')}
                  </button>
                ) : null}
                <span>{t('opendata.catalogue.pageOf', { page, pages })}</span>
                {page < pages ? (
                  <button type="button" className={buttonClass('secondary')} onClick={() => update('trang', String(page + 1))}>
                    {t('opendata.catalogue.next')}
                  </button>
                ) : null}
              </ButtonRow>
            ) : null}
          </Section>
          <Section title={t('opendata.preview.chart')}>
            {numeric.length === 0 ? (
              <p>{t('opendata.preview.chartNone')}</p>
            ) : (
              <>
                <div className={styles.controls}>
                  <LabelledSelect
                    label={t('opendata.preview.chartCategory')}
                    value={chosenCategory}
                    options={fields.map((f) => ({ value: f.id, label: f.id }))}
                    onChange={(event) => setCategory(event.target.value)}
                  />
                  <LabelledSelect
                    label={t('opendata.preview.chartValue')}
                    value={chosenValue}
                    options={numeric.map((f) => ({ value: f.id, label: f.id }))}
                    onChange={(event) => setValue(event.target.value)}
                  />
                </div>
                <Chart
                  name="preview-chart"
                  caption={t('opendata.preview.chartCaption', { value: chosenValue, category: chosenCategory })}
                  categoryHeader={chosenCategory}
                  spec={{
                    kind: 'bar',
                    categories: preview.data.records.map((row) => ({ key: String(row._id), label: String(row[chosenCategory] ?? '') })),
                    series: [
                      {
                        key: chosenValue,
                        name: chosenValue,
                        values: preview.data.records.map((row) =>
                          typeof row[chosenValue] === 'number' ? (row[chosenValue] as number) : null,
                        ),
                      },
                    ],
                  }}
                />
              </>
            )}
          </Section>
          <p>
            <Link to={opendataPaths.dataset(name)}>{t('opendata.preview.back')}</Link>
          </p>
        </>
      ) : null}
    </Page>
  );
}
