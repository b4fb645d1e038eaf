import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { taskCreateBodySchema, type PlanDetail } from '../../../shared/contracts/plans.js';
import { SelectField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { toastState } from '../../components/toast/toast.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useAssignTask, usePlan, usePlanTasks } from './api.js';
import { ImportForm } from './import-form.js';
import { PlanHeader } from './plan-header.js';
import { planCodeParam, planPaths } from './paths.js';
import { TaskFields } from './task-fields.js';

/** The programme manager assigns a task: lead unit, deadline, expected product. */
export function AssignTaskPage() {
  const code = planCodeParam(useParams().code);
  const plan = usePlan(code);
  return (
    <Page width="narrow">
      <RequireSignedIn>
        {() => (plan.isPending ? <Loading /> : plan.isError ? <QueryError error={plan.error} /> : <AssignForm plan={plan.data} />)}
      </RequireSignedIn>
    </Page>
  );
}

function AssignForm({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigate = useNavigate();
  const assign = useAssignTask(plan.id);
  const topLevel = (usePlanTasks(plan.id, { limit: 500 }).data?.items ?? []).filter((task) => task.parentId === null);
  const form = useForm({
    id: 'assign',
    initialValues: {
      code: '',
      titleVi: '',
      titleEn: '',
      groupId: '',
      parentId: '',
      leadUnitId: '',
      startOn: '',
      dueOn: '',
      productVi: '',
      priority: 'normal',
      descriptionVi: '',
    },
    labels: {
      code: t('plans.assign.code'),
      titleVi: t('plans.assign.titleVi'),
      titleEn: t('plans.assign.titleEn'),
      groupId: t('plans.filters.group'),
      parentId: t('plans.assign.parent'),
      leadUnitId: t('plans.columns.leadUnit'),
      startOn: t('plans.startOn'),
      dueOn: t('plans.columns.dueOn'),
      productVi: t('plans.product'),
      priority: t('plans.priority'),
      descriptionVi: t('plans.assign.description'),
    },
    schema: taskCreateBodySchema,
    toInput: (v) => ({
      ...v,
      groupId: v.groupId || null,
      parentId: v.parentId || null,
      leadUnitId: v.leadUnitId || undefined,
      startOn: v.startOn || null,
      dueOn: v.dueOn || null,
    }),
    onSubmit: async (body) => {
      const { id } = await assign.mutateAsync(body);
      await navigate(planPaths.task(id), { state: toastState('plans.assign.assigned', { code: body.code }) });
    },
  });
  return (
    <>
      <PlanHeader plan={plan} current="assign" />
      <Form form={form} submitLabel={t('plans.assign.submit')} hasRequiredNote>
        <TextField form={form} name="code" maxLength={40} width="short" hint={t('plans.assign.codeHint')} />
        <TaskFields
          form={form}
          groups={plan.groups}
          parentField={
            <SelectField
              form={form}
              name="parentId"
              isOptional
              hint={t('plans.assign.parentHint')}
              emptyOption={t('plans.assign.noParent')}
              options={topLevel.map((task) => ({ value: task.id, label: `${task.code} — ${localized(task.title)}` }))}
            />
          }
        />
      </Form>
      <ImportForm planId={plan.id} />
    </>
  );
}
