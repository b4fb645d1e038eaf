import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { planCreateBodySchema } from '../../../shared/contracts/plans.js';
import { paths } from '../../app/paths.js';
import { CheckboxField, DateField, NumberField, TextField } from '../../components/form/fields.js';
import { FieldRow } from '../../components/form/field-group.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { toastState } from '../../components/toast/toast.js';
import { RequirePermission } from '../identity/require-permission.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useCreatePlan } from './api.js';
import { planPaths } from './paths.js';

/** A programme manager records a plan the city issued: its number, title, issuer, period and visibility. */
export function NewPlanPage() {
  const { t } = useTranslation();
  return (
    <Page width="narrow">
      <PageHeader
        title={t('plans.newPlan.heading')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('plans.plansHeading'), to: planPaths.plans },
        ]}
      />
      <RequirePermission allows={isProgrammeManager}>{() => <NewPlanForm />}</RequirePermission>
    </Page>
  );
}

function NewPlanForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePlan();
  const form = useForm({
    id: 'new-plan',
    initialValues: {
      code: '',
      titleVi: '',
      titleEn: '',
      issuingBodyVi: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
      issuingBodyEn: 'Ho Chi Minh City People’s Committee',
      issuedOn: '',
      periodStart: '',
      periodEnd: '',
      sourceDocument: '',
      isPublic: true,
    },
    labels: {
      code: t('plans.newPlan.code'),
      titleVi: t('plans.newPlan.titleVi'),
      titleEn: t('plans.newPlan.titleEn'),
      issuingBodyVi: t('plans.newPlan.issuingBodyVi'),
      issuingBodyEn: t('plans.newPlan.issuingBodyEn'),
      issuedOn: t('plans.newPlan.issuedOn'),
      periodStart: t('plans.newPlan.periodStart'),
      periodEnd: t('plans.newPlan.periodEnd'),
      sourceDocument: t('plans.newPlan.sourceDocument'),
      isPublic: t('plans.newPlan.isPublic'),
    },
    schema: planCreateBodySchema,
    toInput: (v, read) => ({
      ...v,
      issuedOn: v.issuedOn || null,
      periodStart: read.number(v.periodStart),
      periodEnd: read.number(v.periodEnd),
      sourceDocument: v.sourceDocument || null,
    }),
    onSubmit: async (body) => {
      const plan = await create.mutateAsync(body);
      await navigate(planPaths.groups(plan.code), { state: toastState('plans.newPlan.created', { code: plan.code }) });
    },
  });
  return (
    <Form form={form} submitLabel={t('plans.newPlan.submit')} hasRequiredNote>
      <TextField form={form} name="code" maxLength={40} width="short" hint={t('plans.newPlan.codeHint')} />
      <TextField form={form} name="titleVi" maxLength={500} />
      <TextField form={form} name="titleEn" maxLength={500} isOptional />
      <TextField form={form} name="issuingBodyVi" maxLength={300} />
      <TextField form={form} name="issuingBodyEn" maxLength={300} isOptional />
      <DateField form={form} name="issuedOn" isOptional />
      <FieldRow>
        <NumberField form={form} name="periodStart" maxLength={4} />
        <NumberField form={form} name="periodEnd" maxLength={4} />
      </FieldRow>
      <TextField form={form} name="sourceDocument" maxLength={500} isOptional hint={t('plans.newPlan.sourceDocumentHint')} />
      <CheckboxField form={form} name="isPublic" hint={t('plans.newPlan.isPublicHint')} />
    </Form>
  );
}
