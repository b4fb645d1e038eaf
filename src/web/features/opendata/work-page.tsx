import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { accessLevels, type AccessLevel, type DatasetSummary } from '../../../shared/contracts/opendata.js';
import { paths } from '../../app/paths.js';
import { Button, ButtonRow } from '../../components/button/button.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { LabelledInput, LabelledSelect } from '../../components/form/field-shell.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { useCurrentUser } from '../identity/session.js';
import { useDatasetMutations, useWorkDatasets } from './api.js';
import { opendataPaths } from './paths.js';

const stateTone = { draft: 'neutral', proposed: 'warning', published: 'success' } as const;

/** Officers draft their unit's datasets, upload files and propose them; programme managers publish. */
export function WorkPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const me = useCurrentUser();
  const work = useWorkDatasets();
  const { create, transition, upload } = useDatasetMutations();
  const isManager = me?.grants.some((g) => g.role === 'programme_manager' || g.role === 'administrator') ?? false;
  const units = (me?.grants ?? []).filter((g) => g.role === 'unit_officer' || g.role === 'programme_manager');
  const [form, setForm] = useState({
    name: '',
    titleVi: '',
    titleEn: '',
    descriptionVi: '',
    descriptionEn: '',
    publisherUnitId: '',
    accessLevel: 'open' as AccessLevel,
    contactName: '',
    contactEmail: '',
  });
  const [files, setFiles] = useState<Record<string, File | undefined>>({});
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  const handleCreate = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      name: form.name,
      title: { vi: form.titleVi, en: form.titleEn },
      description: { vi: form.descriptionVi, en: form.descriptionEn },
      publisherUnitId: form.publisherUnitId || units[0]?.unitId || '',
      themes: [],
      keywords: [],
      temporalStart: null,
      temporalEnd: null,
      spatial: '',
      updateFrequency: 'UNKNOWN',
      contactName: form.contactName,
      contactEmail: form.contactEmail,
      version: '',
      conformsTo: [],
      accessLevel: form.accessLevel,
      sharedWithUnitIds: [],
    });
  };

  const actionsOf = (d: DatasetSummary) => (
    <ButtonRow>
      {isManager || d.state === 'draft' ? (
        <Link to={opendataPaths.edit(d.id)}>{t('opendata.work.edit', { title: localized(d.title) })}</Link>
      ) : null}
      {d.state === 'draft' ? (
        <>
          <input
            type="file"
            aria-label={`${t('opendata.work.file')}: ${localized(d.title)}`}
            onChange={(event) => setFiles({ ...files, [d.id]: event.target.files?.[0] })}
          />
          <Button
            size="small"
            variant="secondary"
            isBusy={upload.isPending}
            onClick={() => files[d.id] && upload.mutate({ id: d.id, file: files[d.id]! })}
          >
            {t('opendata.work.upload')}
          </Button>
          <Button size="small" onClick={() => transition.mutate({ id: d.id, action: 'propose' })}>
            {t('opendata.work.propose')}
          </Button>
        </>
      ) : null}
      {isManager && d.state !== 'published' ? (
        <Button size="small" onClick={() => transition.mutate({ id: d.id, action: 'publish' })}>
          {t('opendata.work.publish')}
        </Button>
      ) : null}
      {isManager && d.state !== 'draft' ? (
        <Button size="small" variant="secondary" onClick={() => transition.mutate({ id: d.id, action: 'withdraw' })}>
          {t('opendata.work.withdraw')}
        </Button>
      ) : null}
    </ButtonRow>
  );

  return (
    <Page width="wide">
      <PageHeader
        title={t('opendata.work.heading')}
        documentTitle={t('opendata.work.pageTitle')}
        subtitle={t('opendata.work.intro')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
      />
      <Section title={t('opendata.work.list')}>
        {work.isPending ? <Loading /> : null}
        {work.isError ? <QueryError error={work.error} onRetry={() => void work.refetch()} /> : null}
        {upload.isSuccess ? <p role="status">{t('opendata.work.uploaded')}</p> : null}
        {upload.isError || transition.isError ? <QueryError error={(upload.error ?? transition.error)!} /> : null}
        {work.data ? (
          <DataTable
            caption={t('opendata.work.list')}
            isCaptionHidden
            name="work"
            rows={work.data}
            rowKey={(d) => d.id}
            empty={t('opendata.work.empty')}
            columns={[
              {
                key: 'title',
                header: t('opendata.work.columns.title'),
                isRowHeader: true,
                cell: (d) => <Link to={opendataPaths.dataset(d.name)}>{localized(d.title)}</Link>,
              },
              {
                key: 'state',
                header: t('opendata.work.columns.state'),
                cell: (d) => <StatusTag tone={stateTone[d.state]}>{t(`opendata.state.${d.state}`)}</StatusTag>,
              },
              { key: 'access', header: t('opendata.work.columns.access'), cell: (d) => t(`opendata.access.${d.accessLevel}`) },
              { key: 'actions', header: t('opendata.work.columns.actions'), cell: actionsOf },
            ]}
          />
        ) : null}
      </Section>
      <Section title={t('opendata.work.newDataset')}>
        <form onSubmit={handleCreate}>
          {create.isError ? <QueryError error={create.error} /> : null}
          {create.isSuccess ? <p role="status">{t('opendata.work.created', { name: create.data.name })}</p> : null}
          <LabelledInput
            label={t('opendata.work.name')}
            hint={t('opendata.work.nameHint')}
            required
            maxLength={100}
            pattern="[a-z0-9_\-]+"
            value={form.name}
            onChange={set('name')}
          />
          <LabelledInput label={t('opendata.work.titleVi')} required maxLength={300} value={form.titleVi} onChange={set('titleVi')} />
          <LabelledInput label={t('opendata.work.titleEn')} required maxLength={300} value={form.titleEn} onChange={set('titleEn')} />
          <LabelledInput
            label={t('opendata.work.descriptionVi')}
            maxLength={10000}
            value={form.descriptionVi}
            onChange={set('descriptionVi')}
          />
          <LabelledInput
            label={t('opendata.work.descriptionEn')}
            maxLength={10000}
            value={form.descriptionEn}
            onChange={set('descriptionEn')}
          />
          <LabelledSelect
            label={t('opendata.work.publisher')}
            value={form.publisherUnitId || units[0]?.unitId || ''}
            options={units.map((g) => ({ value: g.unitId, label: localized(g.unitName) }))}
            onChange={set('publisherUnitId')}
          />
          <LabelledSelect
            label={t('opendata.work.accessLevel')}
            value={form.accessLevel}
            options={accessLevels.map((level) => ({ value: level, label: t(`opendata.access.${level}`) }))}
            onChange={set('accessLevel')}
          />
          <LabelledInput
            label={t('opendata.work.contactName')}
            required
            maxLength={200}
            value={form.contactName}
            onChange={set('contactName')}
          />
          <LabelledInput
            label={t('opendata.work.contactEmail')}
            required
            type="email"
            maxLength={200}
            value={form.contactEmail}
            onChange={set('contactEmail')}
          />
          <Button type="submit" isBusy={create.isPending}>
            {t('opendata.work.create')}
          </Button>
        </form>
      </Section>
    </Page>
  );
}
