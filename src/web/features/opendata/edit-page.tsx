import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  accessLevels,
  datasetInputSchema,
  updateFrequencies,
  type DatasetForm,
  type DatasetInput,
} from '../../../shared/contracts/opendata.js';
import { paths } from '../../app/paths.js';
import { ChoiceField, DateField, SelectField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useDatasetForm, useFormChoices, useUpdateDataset } from './api.js';
import { opendataPaths } from './paths.js';

/** A dataset's editors change its metadata: officers while it is a draft, programme managers at any state. */
export function EditDatasetPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <Page width="form">
      <PageHeader
        title={t('opendata.edit.heading')}
        documentTitle={t('opendata.edit.pageTitle')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('opendata.work.pageTitle'), to: opendataPaths.work },
        ]}
      />
      <RequireSignedIn>{() => <LoadedForm id={id} />}</RequireSignedIn>
    </Page>
  );
}

function LoadedForm({ id }: { id: string }) {
  const dataset = useDatasetForm(id);
  if (dataset.isPending) return <Loading />;
  if (dataset.isError) return <QueryError error={dataset.error} onRetry={() => void dataset.refetch()} />;
  return <DatasetEditForm dataset={dataset.data} />;
}

type Values = {
  name: string;
  titleVi: string;
  titleEn: string;
  descriptionVi: string;
  descriptionEn: string;
  publisherUnitId: string;
  themes: string[];
  keywords: string;
  licenceId: string;
  temporalStart: string;
  temporalEnd: string;
  spatial: string;
  updateFrequency: string;
  contactName: string;
  contactEmail: string;
  version: string;
  accessLevel: string;
};

const valuesOf = (f: DatasetInput): Values => ({
  name: f.name,
  titleVi: f.title.vi,
  titleEn: f.title.en,
  descriptionVi: f.description.vi,
  descriptionEn: f.description.en,
  publisherUnitId: f.publisherUnitId,
  themes: [...f.themes],
  keywords: f.keywords.join(', '),
  licenceId: f.licenceId ?? '',
  temporalStart: f.temporalStart ?? '',
  temporalEnd: f.temporalEnd ?? '',
  spatial: f.spatial,
  updateFrequency: f.updateFrequency,
  contactName: f.contactName,
  contactEmail: f.contactEmail,
  version: f.version,
  accessLevel: f.accessLevel,
});

function DatasetEditForm({ dataset }: { dataset: DatasetForm }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigate = useNavigate();
  const choices = useFormChoices();
  const update = useUpdateDataset(dataset.id);
  const form = useForm({
    id: 'dataset',
    initialValues: valuesOf(dataset.form),
    labels: {
      name: t('opendata.work.name'),
      titleVi: t('opendata.work.titleVi'),
      titleEn: t('opendata.work.titleEn'),
      descriptionVi: t('opendata.work.descriptionVi'),
      descriptionEn: t('opendata.work.descriptionEn'),
      publisherUnitId: t('opendata.work.publisher'),
      themes: t('opendata.dataset.themes'),
      keywords: t('opendata.dataset.keywords'),
      licenceId: t('opendata.dataset.licence'),
      temporalStart: t('opendata.edit.temporalStart'),
      temporalEnd: t('opendata.edit.temporalEnd'),
      spatial: t('opendata.dataset.spatial'),
      updateFrequency: t('opendata.dataset.frequency'),
      contactName: t('opendata.work.contactName'),
      contactEmail: t('opendata.work.contactEmail'),
      version: t('opendata.dataset.version'),
      accessLevel: t('opendata.work.accessLevel'),
    },
    schema: datasetInputSchema,
    serverPaths: { 'title.vi': 'titleVi', 'title.en': 'titleEn', 'description.vi': 'descriptionVi', 'description.en': 'descriptionEn' },
    toInput: (v) => ({
      ...dataset.form,
      name: v.name,
      title: { vi: v.titleVi, en: v.titleEn },
      description: { vi: v.descriptionVi, en: v.descriptionEn },
      publisherUnitId: v.publisherUnitId,
      themes: v.themes,
      keywords: v.keywords
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
      licenceId: v.licenceId || undefined,
      temporalStart: v.temporalStart || null,
      temporalEnd: v.temporalEnd || null,
      spatial: v.spatial,
      updateFrequency: v.updateFrequency,
      contactName: v.contactName,
      contactEmail: v.contactEmail,
      version: v.version,
      accessLevel: v.accessLevel,
    }),
    onSubmit: async (body: DatasetInput) => {
      const saved = await update.mutateAsync(body);
      void navigate(opendataPaths.dataset(saved.name));
      return (tr) => tr('opendata.edit.saved');
    },
  });
  const units = (choices.units.data?.items ?? []).filter((u) => u.isActive || u.id === dataset.form.publisherUnitId);
  return (
    <Form form={form} hasRequiredNote submitLabel={t('opendata.edit.submit')}>
      <TextField form={form} name="name" hint={t('opendata.work.nameHint')} maxLength={100} autoCapitalize="none" />
      <TextField form={form} name="titleVi" maxLength={300} />
      <TextField form={form} name="titleEn" maxLength={300} />
      <TextAreaField form={form} name="descriptionVi" isOptional rows={5} maxLength={10_000} />
      <TextAreaField form={form} name="descriptionEn" isOptional rows={5} maxLength={10_000} />
      <SelectField form={form} name="publisherUnitId" options={units.map((u) => ({ value: u.id, label: localized(u.name) }))} />
      <ChoiceField
        form={form}
        name="themes"
        type="checkbox"
        isOptional
        options={(choices.themes.data ?? []).map((theme) => ({ value: theme.name, label: localized(theme.title) }))}
      />
      <TextField form={form} name="keywords" isOptional hint={t('opendata.edit.keywordsHint')} maxLength={2000} />
      <SelectField
        form={form}
        name="licenceId"
        isOptional
        emptyOption={t('opendata.edit.licenceDefault')}
        options={(choices.licences.data ?? []).map((licence) => ({ value: licence.id, label: licence.title }))}
      />
      <DateField form={form} name="temporalStart" isOptional />
      <DateField form={form} name="temporalEnd" isOptional />
      <TextField form={form} name="spatial" isOptional maxLength={300} />
      <SelectField
        form={form}
        name="updateFrequency"
        options={updateFrequencies.map((code) => ({ value: code, label: t(`opendata.frequency.${code}`) }))}
      />
      <TextField form={form} name="contactName" maxLength={200} />
      <TextField form={form} name="contactEmail" type="email" maxLength={200} />
      <TextField form={form} name="version" isOptional maxLength={50} width="short" />
      <SelectField
        form={form}
        name="accessLevel"
        options={accessLevels.map((level) => ({ value: level, label: t(`opendata.access.${level}`) }))}
      />
    </Form>
  );
}
