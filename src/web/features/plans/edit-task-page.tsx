import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { taskUpdateBodySchema, type TaskDetail } from '../../../shared/contracts/plans.js';
import { paths } from '../../app/paths.js';
import { TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { WhenLoaded } from '../../components/query-status/when-loaded.js';
import { toastState } from '../../components/toast/toast.js';
import { RequirePermission } from '../identity/require-permission.js';
import { isProgrammeManager } from '../identity/roles.js';
import { usePlan, useTask, useUpdateTask } from './api.js';
import { planPaths } from './paths.js';
import { TaskFields } from './task-fields.js';

/** A programme manager corrects an assigned task: its title, group, lead unit, dates, product and priority. */
export function EditTaskPage() {
  const { t } = useTranslation();
  const { taskId = '' } = useParams();
  const task = useTask(taskId);
  return (
    <Page width="narrow">
      <PageHeader
        title={task.data ? t('plans.edit.heading', { code: task.data.code }) : t('plans.edit.link')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('plans.plansHeading'), to: planPaths.plans },
          ...(task.data
            ? [
                { label: task.data.planCode, to: planPaths.plan(task.data.planCode) },
                { label: task.data.code, to: planPaths.task(task.data.id) },
              ]
            : []),
        ]}
      />
      <RequirePermission allows={isProgrammeManager}>
        {() => <WhenLoaded query={task}>{(loaded) => <EditForm task={loaded} />}</WhenLoaded>}
      </RequirePermission>
    </Page>
  );
}

function EditForm({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const groups = usePlan(task.planCode).data?.groups ?? [];
  const update = useUpdateTask(task.id);
  const form = useForm({
    id: 'edit-task',
    initialValues: {
      titleVi: task.title.vi,
      titleEn: task.title.en,
      groupId: task.groupId ?? '',
      leadUnitId: task.leadUnit.id,
      startOn: task.startOn ?? '',
      dueOn: task.dueOn ?? '',
      productVi: task.product.vi,
      productEn: task.product.en,
      priority: task.priority,
      descriptionVi: task.description.vi,
      descriptionEn: task.description.en,
    },
    labels: {
      titleVi: t('plans.assign.titleVi'),
      titleEn: t('plans.assign.titleEn'),
      groupId: t('plans.filters.group'),
      leadUnitId: t('plans.columns.leadUnit'),
      startOn: t('plans.startOn'),
      dueOn: t('plans.columns.dueOn'),
      productVi: t('plans.edit.productVi'),
      productEn: t('plans.edit.productEn'),
      priority: t('plans.priority'),
      descriptionVi: t('plans.edit.descriptionVi'),
      descriptionEn: t('plans.edit.descriptionEn'),
    },
    schema: taskUpdateBodySchema,
    toInput: (v) => ({ ...v, groupId: v.groupId || null, startOn: v.startOn || null, dueOn: v.dueOn || null }),
    onSubmit: async (body) => {
      await update.mutateAsync(body);
      await navigate(planPaths.task(task.id), { state: toastState('plans.edit.saved', { code: task.code }) });
    },
  });
  return (
    <Form form={form} submitLabel={t('plans.edit.submit')} hasRequiredNote>
      <TaskFields
        form={form}
        groups={groups}
        productEnField={<TextField form={form} name="productEn" maxLength={1000} isOptional />}
        descriptionEnField={<TextAreaField form={form} name="descriptionEn" isOptional rows={5} />}
      />
    </Form>
  );
}
