import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { taskLifecycleBodySchema, type TaskDetail } from '../../../shared/contracts/plans.js';
import { buttonClass } from '../../components/button/button.js';
import { SelectField, TextAreaField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Section } from '../../components/page/page.js';
import { useChangeTaskLifecycle } from './api.js';
import { planPaths } from './paths.js';

/** The programme manager's link to correct the task. */
export function EditTaskLink({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  if (!task.can.edit) return null;
  return (
    <Link to={planPaths.editTask(task.id)} className={buttonClass('secondary', 'small')}>
      {t('plans.edit.link')}
    </Link>
  );
}

/** The programme manager suspends, resumes or withdraws the task, with the reason the units will read. */
export function LifecycleSection({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const change = useChangeTaskLifecycle(task.id);
  const first = task.lifecycleActions[0] ?? 'suspend';
  const form = useForm({
    id: 'lifecycle',
    initialValues: { action: first, reason: '' },
    labels: { action: t('plans.lifecycle.action'), reason: t('plans.lifecycle.reason') },
    schema: taskLifecycleBodySchema,
    onSubmit: async (body) => {
      await change.mutateAsync(body);
      form.reset({ action: first, reason: '' });
      return (tr) => tr(`plans.lifecycle.done.${body.action}`);
    },
  });
  if (task.lifecycleActions.length === 0) return null;
  return (
    <Section title={t('plans.lifecycle.heading')}>
      <Form form={form} headingLevel={3} submitLabel={t('plans.lifecycle.submit')}>
        <SelectField
          form={form}
          name="action"
          options={task.lifecycleActions.map((action) => ({ value: action, label: t(`plans.lifecycle.actions.${action}`) }))}
        />
        <TextAreaField form={form} name="reason" rows={3} maxLength={2000} hint={t('plans.lifecycle.reasonHint')} />
      </Form>
    </Section>
  );
}
