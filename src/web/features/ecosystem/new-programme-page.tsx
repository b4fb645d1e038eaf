import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { programmeBodySchema, programmeKinds, type ProgrammeBody } from '../../../shared/contracts/ecosystem.js';
import { paths } from '../../app/paths.js';
import { ChoiceField, DateField, SelectField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { isProgrammeManager } from '../identity/roles.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useSession } from '../identity/session.js';
import { useCreateProgramme, useMine, useProgrammeUnits } from './api.js';
import { ecosystemPaths } from './paths.js';
import { useEcosystemOptions } from './options.js';

const orNull = (value: string) => (value === '' ? null : value);

/** Staff (for a unit or any organisation) and keepers (for their own organisation) announce a support programme or call. */
export function NewProgrammePage() {
  const { t } = useTranslation();
  return (
    <Page>
      <PageHeader
        title={t('ecosystem.newProgramme.heading')}
        documentTitle={t('ecosystem.newProgramme.pageTitle')}
        subtitle={t('ecosystem.newProgramme.lead')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('ecosystem.directory.pageTitle'), to: ecosystemPaths.directory },
          { label: t('ecosystem.programmes.heading'), to: ecosystemPaths.programmes },
        ]}
      />
      <RequireSignedIn>{() => <ProgrammeForm />}</RequireSignedIn>
    </Page>
  );
}

function ProgrammeForm() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const options = useEcosystemOptions();
  const navigate = useNavigate();
  const session = useSession();
  const user = session.data?.user ?? null;
  const isStaff = user !== null && isProgrammeManager(user);
  const mine = useMine();
  const units = useProgrammeUnits();
  const create = useCreateProgramme();
  const form = useForm({
    id: 'programme',
    initialValues: {
      kind: 'incubation',
      titleVi: '',
      titleEn: '',
      organisationId: '',
      unitId: '',
      eligibilityVi: '',
      eligibilityEn: '',
      benefitsVi: '',
      benefitsEn: '',
      fields: [] as string[],
      stages: [] as string[],
      opensOn: '',
      closesOn: '',
    },
    labels: {
      kind: t('ecosystem.newProgramme.kind'),
      titleVi: t('ecosystem.newProgramme.titleVi'),
      titleEn: t('ecosystem.newProgramme.titleEn'),
      organisationId: t('ecosystem.newProgramme.organisation'),
      unitId: t('ecosystem.newProgramme.unit'),
      eligibilityVi: t('ecosystem.newProgramme.eligibilityVi'),
      eligibilityEn: t('ecosystem.newProgramme.eligibilityEn'),
      benefitsVi: t('ecosystem.newProgramme.benefitsVi'),
      benefitsEn: t('ecosystem.newProgramme.benefitsEn'),
      fields: t('ecosystem.common.fields'),
      stages: t('ecosystem.newProgramme.stages'),
      opensOn: t('ecosystem.newProgramme.opensOn'),
      closesOn: t('ecosystem.newProgramme.closesOn'),
    },
    schema: programmeBodySchema,
    toInput: (v) => ({ ...v, organisationId: orNull(v.organisationId), unitId: orNull(v.unitId) }),
    onSubmit: async (body: ProgrammeBody) => {
      const created = await create.mutateAsync(body);
      void navigate(ecosystemPaths.programme(created.slug));
      return (tr) => tr('ecosystem.newProgramme.created');
    },
  });
  const none = t('ecosystem.edit.none');
  return (
    <Form form={form} hasRequiredNote submitLabel={t('ecosystem.newProgramme.submit')}>
      <SelectField
        form={form}
        name="kind"
        options={programmeKinds.map((k) => ({ value: k, label: t(`ecosystem.programmes.kinds.${k}`) }))}
      />
      <TextField form={form} name="titleVi" maxLength={200} />
      <TextField form={form} name="titleEn" isOptional maxLength={200} />
      <p className="muted">{t('ecosystem.newProgramme.runByHint')}</p>
      <SelectField
        form={form}
        name="organisationId"
        isOptional
        emptyOption={none}
        options={(mine.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.nameVi }))}
      />
      {isStaff ? (
        <SelectField
          form={form}
          name="unitId"
          isOptional
          emptyOption={none}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: localized(u.name) }))}
        />
      ) : null}
      <TextAreaField form={form} name="eligibilityVi" rows={4} maxLength={2000} />
      <TextAreaField form={form} name="eligibilityEn" isOptional rows={4} maxLength={2000} />
      <TextAreaField form={form} name="benefitsVi" rows={4} maxLength={2000} />
      <TextAreaField form={form} name="benefitsEn" isOptional rows={4} maxLength={2000} />
      <ChoiceField form={form} name="fields" type="checkbox" isOptional options={options.fields} />
      <ChoiceField form={form} name="stages" type="checkbox" isOptional options={options.stages} />
      <DateField form={form} name="opensOn" />
      <DateField form={form} name="closesOn" />
    </Form>
  );
}
