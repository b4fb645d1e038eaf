import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { planCreateBodySchema, type PlanDetail } from '../../../shared/contracts/plans.js';
import { paths } from '../../app/paths.js';
import { CheckboxField, DateField, NumberField, TextField } from '../../components/form/fields.js';
import { FieldRow } from '../../components/form/field-group.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { toastState } from '../../components/toast/toast.js';
import { RequirePermission } from '../identity/require-permission.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useCreatePlan, usePlan, useUpdatePlan } from './api.js';
import { PlanHeader } from './plan-header.js';
import { planCodeParam, planPaths } from './paths.js';

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
      <RequirePermission allows={isProgrammeManager}>{() => <PlanForm />}</RequirePermission>
    </Page>
  );
}

/** A programme manager corrects a plan's details: number, titles, issuer, dates, founding document, visibility. */
export function EditPlanPage() {
  const { code } = useParams();
  const byCode = usePlan(planCodeParam(code));
  // Loaded again at its id, the address it is edited at, so the save carries the version read here.
  const plan = usePlan(byCode.data?.id ?? '', { enabled: byCode.isSuccess });
  const current = plan.data ?? byCode.data;
  return (
    <Page width="narrow">
      {current ? <PlanHeader plan={current} current="edit" /> : null}
      <RequirePermission allows={isProgrammeManager}>
        {() =>
          byCode.isError ? (
            <QueryError error={byCode.error} onRetry={() => void byCode.refetch()} />
          ) : plan.isError ? (
            <QueryError error={plan.error} onRetry={() => void plan.refetch()} />
          ) : plan.data ? (
            <PlanForm plan={plan.data} />
          ) : (
            <Loading />
          )
        }
      </RequirePermission>
    </Page>
  );
}

/** Records a new plan, or edits `plan`. */
function PlanForm({ plan }: { plan?: PlanDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePlan();
  const update = useUpdatePlan(plan?.id ?? '');
  const form = useForm({
    id: plan ? 'edit-plan' : 'new-plan',
    initialValues: {
      code: plan?.code ?? '',
      titleVi: plan?.title.vi ?? '',
      titleEn: plan?.title.en ?? '',
      issuingBodyVi: plan?.issuingBody.vi ?? 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
      issuingBodyEn: plan?.issuingBody.en ?? 'Ho Chi Minh City People’s Committee',
      issuedOn: plan?.issuedOn ?? '',
      periodStart: plan ? String(plan.periodStart) : '',
      periodEnd: plan ? String(plan.periodEnd) : '',
      sourceDocument: plan?.sourceDocument ?? '',
      isPublic: plan?.isPublic ?? true,
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
      if (plan) {
        const saved = await update.mutateAsync(body);
        await navigate(planPaths.plan(saved.code), { state: toastState('plans.editPlan.saved', { code: saved.code }) });
        return;
      }
      const created = await create.mutateAsync(body);
      await navigate(planPaths.groups(created.code), { state: toastState('plans.newPlan.created', { code: created.code }) });
    },
  });
  return (
    <Form form={form} submitLabel={t(plan ? 'plans.editPlan.submit' : 'plans.newPlan.submit')} hasRequiredNote>
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
