import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import {
  organisationBodySchema,
  relationKinds,
  relationNames,
  sizeBandNames,
  sizeBands,
  type OrganisationBody,
  type OrganisationDto,
} from '../../../shared/contracts/ecosystem.js';
import { paths } from '../../app/paths.js';
import { Button } from '../../components/button/button.js';
import { Panel } from '../../components/card/card.js';
import { ChoiceField, DateField, FileField, NumberField, SelectField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { FieldRequestError } from '../../components/form/server-errors.js';
import { useForm } from '../../components/form/use-form.js';
import { WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useToast } from '../../components/toast/toast.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import {
  useAddRelation,
  useRemoveRelation,
  useDirectory,
  useOrganisation,
  useRegisterOrganisation,
  useUpdateOrganisation,
  useUploadFile,
  useWards,
} from './api.js';
import { ecosystemPaths } from './paths.js';
import { useEcosystemOptions } from './options.js';

/** An organisation account registers its profile. */
export function RegisterOrganisationPage() {
  const { t } = useTranslation();
  return (
    <Page width="form">
      <PageHeader
        title={t('ecosystem.edit.registerHeading')}
        documentTitle={t('ecosystem.edit.pageTitle')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('ecosystem.directory.pageTitle'), to: ecosystemPaths.directory },
        ]}
      />
      <RequireSignedIn>{() => <ProfileForm organisation={null} />}</RequireSignedIn>
    </Page>
  );
}

/** The keeper updates the profile, its logo and evidence, and its relations. */
export function EditOrganisationPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const organisation = useOrganisation(slug);
  return (
    <Page width="form">
      <RequireSignedIn>
        {() =>
          organisation.isPending ? (
            <Loading />
          ) : organisation.isError ? (
            <QueryError error={organisation.error} onRetry={() => void organisation.refetch()} />
          ) : (
            <>
              <PageHeader
                title={t('ecosystem.edit.editHeading', { name: organisation.data.nameVi })}
                documentTitle={t('ecosystem.edit.pageTitle')}
                breadcrumbs={[
                  { label: t('nav.home'), to: paths.home },
                  { label: t('ecosystem.directory.pageTitle'), to: ecosystemPaths.directory },
                  { label: organisation.data.nameVi, to: ecosystemPaths.organisation(slug) },
                ]}
              />
              <ProfileForm organisation={organisation.data} />
              <FilesForm organisationId={organisation.data.id} />
              <RelationForm organisation={organisation.data} />
            </>
          )
        }
      </RequireSignedIn>
    </Page>
  );
}

type Values = {
  kind: string;
  nameVi: string;
  nameEn: string;
  fields: string[];
  stage: string;
  servesStages: string[];
  certificateNumber: string;
  certificateDate: string;
  address: string;
  wardUnitId: string;
  foundedYear: string;
  sizeBand: string;
  website: string;
  contactEmail: string;
  contactPhone: string;
  descriptionVi: string;
  descriptionEn: string;
};

const valuesOf = (o: OrganisationDto | null): Values => ({
  kind: o?.kind ?? 'startup',
  nameVi: o?.nameVi ?? '',
  nameEn: o && o.nameEn !== o.nameVi ? o.nameEn : '',
  fields: [...(o?.fields ?? [])],
  stage: o?.stage ?? '',
  servesStages: [...(o?.servesStages ?? [])],
  certificateNumber: o?.certificateNumber ?? '',
  certificateDate: o?.certificateDate ?? '',
  address: o?.address ?? '',
  wardUnitId: o?.ward?.id ?? '',
  foundedYear: o?.foundedYear ? String(o.foundedYear) : '',
  sizeBand: o?.sizeBand ?? '',
  website: o?.website ?? '',
  contactEmail: o?.contactEmail ?? '',
  contactPhone: o?.contactPhone ?? '',
  descriptionVi: o?.descriptionVi ?? '',
  descriptionEn: o?.descriptionEn ?? '',
});

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

function ProfileForm({ organisation }: { organisation: OrganisationDto | null }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const options = useEcosystemOptions();
  const navigate = useNavigate();
  const wards = useWards();
  const register = useRegisterOrganisation();
  const update = useUpdateOrganisation(organisation?.id ?? '');
  const form = useForm({
    id: 'organisation',
    initialValues: valuesOf(organisation),
    labels: {
      kind: t('ecosystem.common.kind'),
      nameVi: t('ecosystem.edit.nameVi'),
      nameEn: t('ecosystem.edit.nameEn'),
      fields: t('ecosystem.common.fields'),
      stage: t('ecosystem.common.stage'),
      servesStages: t('ecosystem.edit.servesStages'),
      certificateNumber: t('ecosystem.edit.certificateNumber'),
      certificateDate: t('ecosystem.edit.certificateDate'),
      address: t('ecosystem.edit.address'),
      wardUnitId: t('ecosystem.common.ward'),
      foundedYear: t('ecosystem.edit.foundedYear'),
      sizeBand: t('ecosystem.edit.sizeBand'),
      website: t('ecosystem.edit.website'),
      contactEmail: t('ecosystem.edit.contactEmail'),
      contactPhone: t('ecosystem.edit.contactPhone'),
      descriptionVi: t('ecosystem.edit.descriptionVi'),
      descriptionEn: t('ecosystem.edit.descriptionEn'),
    },
    schema: organisationBodySchema,
    toInput: (v, read) => ({
      ...v,
      stage: v.kind === 'startup' ? orNull(v.stage) : null,
      certificateNumber: v.kind === 'st_enterprise' ? orNull(v.certificateNumber) : null,
      certificateDate: v.kind === 'st_enterprise' ? orNull(v.certificateDate) : null,
      wardUnitId: orNull(v.wardUnitId),
      foundedYear: v.foundedYear.trim() === '' ? null : read.number(v.foundedYear),
      sizeBand: orNull(v.sizeBand),
      website: orNull(v.website),
      contactEmail: orNull(v.contactEmail),
      contactPhone: orNull(v.contactPhone),
    }),
    onSubmit: async (body: OrganisationBody) => {
      const saved = organisation ? await update.mutateAsync(body) : await register.mutateAsync(body);
      void navigate(ecosystemPaths.organisation(saved.slug));
      return (tr) => tr('ecosystem.edit.saved');
    },
  });
  const none = t('ecosystem.edit.none');
  return (
    <Form form={form} hasRequiredNote submitLabel={organisation ? t('ecosystem.edit.submitEdit') : t('ecosystem.edit.submitRegister')}>
      <SelectField form={form} name="kind" options={options.kinds} />
      <TextField form={form} name="nameVi" maxLength={200} />
      <TextField form={form} name="nameEn" isOptional maxLength={200} />
      <ChoiceField form={form} name="fields" type="checkbox" isOptional options={options.fields} />
      {form.values.kind === 'startup' ? (
        <SelectField form={form} name="stage" isOptional emptyOption={none} options={options.stages} />
      ) : (
        <ChoiceField form={form} name="servesStages" type="checkbox" isOptional options={options.stages} />
      )}
      {form.values.kind === 'st_enterprise' ? (
        <>
          <TextField form={form} name="certificateNumber" isOptional maxLength={60} />
          <DateField form={form} name="certificateDate" isOptional />
        </>
      ) : null}
      <TextField form={form} name="address" isOptional maxLength={300} />
      <SelectField
        form={form}
        name="wardUnitId"
        isOptional
        emptyOption={none}
        options={(wards.data ?? []).map((w) => ({ value: w.id, label: localized(w.name) }))}
      />
      <NumberField form={form} name="foundedYear" isOptional maxLength={4} />
      <SelectField
        form={form}
        name="sizeBand"
        isOptional
        emptyOption={none}
        options={sizeBands.map((b) => ({ value: b, label: localized(sizeBandNames[b]) }))}
      />
      <TextField form={form} name="website" type="url" isOptional hint={t('ecosystem.edit.websiteHint')} maxLength={300} />
      <TextField form={form} name="contactEmail" type="email" isOptional maxLength={254} />
      <TextField form={form} name="contactPhone" type="tel" isOptional maxLength={40} />
      <TextAreaField form={form} name="descriptionVi" isOptional rows={4} maxLength={2000} />
      <TextAreaField form={form} name="descriptionEn" isOptional rows={4} maxLength={2000} />
    </Form>
  );
}

const fileSchema = z.object({ purpose: z.enum(['logo', 'evidence']), file: z.instanceof(File) });

function FilesForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const upload = useUploadFile(organisationId);
  const form = useForm({
    id: 'organisation-file',
    initialValues: { purpose: 'evidence', file: null as File | null },
    labels: { purpose: t('ecosystem.edit.purpose'), file: t('ecosystem.edit.file') },
    schema: fileSchema,
    onSubmit: async ({ purpose, file }) => {
      try {
        await upload.mutateAsync({ file, purpose });
        form.reset();
        return (tr) => tr('ecosystem.edit.uploaded');
      } catch (error) {
        throw new FieldRequestError('file', error);
      }
    },
  });
  return (
    <Section title={t('ecosystem.edit.filesHeading')} intro={t('ecosystem.edit.filesIntro')}>
      <Form form={form} headingLevel={3} submitLabel={t('ecosystem.edit.upload')}>
        <ChoiceField
          form={form}
          name="purpose"
          type="radio"
          options={[
            { value: 'evidence', label: t('ecosystem.edit.evidence') },
            { value: 'logo', label: t('ecosystem.edit.logo') },
          ]}
        />
        <FileField form={form} name="file" accept=".pdf,.png,.jpg,.jpeg,.webp" />
      </Form>
    </Section>
  );
}

const relationSchema = z.object({ kind: z.enum(relationKinds), targetId: z.uuid() });

function RelationForm({ organisation }: { organisation: OrganisationDto }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const others = useDirectory({ pageSize: 100 });
  const add = useAddRelation(organisation.id);
  const form = useForm({
    id: 'relation',
    initialValues: { kind: 'incubated_by', targetId: '' },
    labels: { kind: t('ecosystem.edit.relationKind'), targetId: t('ecosystem.edit.relationTarget') },
    schema: relationSchema,
    onSubmit: async (body) => {
      await add.mutateAsync(body);
      form.reset();
      return (tr) => tr('ecosystem.edit.relationAdded');
    },
  });
  return (
    <Panel title={t('ecosystem.edit.relationHeading')}>
      <RelationList organisation={organisation} />
      <Form form={form} headingLevel={3} submitLabel={t('ecosystem.edit.addRelation')}>
        <SelectField
          form={form}
          name="kind"
          options={relationKinds.map((k) => ({ value: k, label: localized(relationNames[k].outgoing) }))}
        />
        <SelectField
          form={form}
          name="targetId"
          emptyOption={t('ecosystem.edit.none')}
          options={(others.data?.items ?? []).filter((o) => o.id !== organisation.id).map((o) => ({ value: o.id, label: o.nameVi }))}
        />
      </Form>
    </Panel>
  );
}

/** The profile's relations, each removable by its keeper after a confirmation; the other side's page loses it too. */
function RelationList({ organisation }: { organisation: OrganisationDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const toast = useToast();
  const remove = useRemoveRelation(organisation.id);
  if (organisation.relations.length === 0) return <p className="muted">{t('ecosystem.organisation.noRelations')}</p>;
  const handleRemove = (relation: OrganisationDto['relations'][number]) => {
    const name = locale === 'en' ? relation.other.nameEn : relation.other.nameVi;
    const label = `${localized(relation.label)}: ${name}`;
    if (!window.confirm(t('ecosystem.edit.removeRelationConfirm', { relation: label }))) return;
    remove.mutate(relation.id, { onSuccess: () => toast.show((tr) => tr('ecosystem.edit.relationRemoved', { relation: label })) });
  };
  return (
    <>
      <ul data-list="relations">
        {organisation.relations.map((r) => (
          <li key={`${r.id}-${r.direction}`} className="cluster">
            <span>
              {localized(r.label)}: {locale === 'en' ? r.other.nameEn : r.other.nameVi}
            </span>
            <Button
              variant="danger-outline"
              size="small"
              isBusy={remove.isPending && remove.variables === r.id}
              onClick={() => handleRemove(r)}
            >
              {t('ecosystem.edit.removeRelation')}
            </Button>
          </li>
        ))}
      </ul>
      {remove.isError ? <WriteError error={remove.error} /> : null}
    </>
  );
}
