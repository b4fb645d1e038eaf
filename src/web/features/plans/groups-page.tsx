import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  taskGroupCreateBodySchema,
  taskGroupUpdateBodySchema,
  type PlanDetail,
  type TaskGroupEdit,
} from '../../../shared/contracts/plans.js';
import { Button } from '../../components/button/button.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page, Section } from '../../components/page/page.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequirePermission } from '../identity/require-permission.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useCreateTaskGroup, usePlan, useTaskGroup, useUpdateTaskGroup } from './api.js';
import { PlanHeader } from './plan-header.js';
import { planCodeParam } from './paths.js';

type Group = PlanDetail['groups'][number];

/** A programme manager lists a plan's task groups, renames one, and appends new ones. */
export function TaskGroupsPage() {
  const code = planCodeParam(useParams().code);
  const plan = usePlan(code);
  if (plan.isPending || plan.isError) {
    return <Page>{plan.isPending ? <Loading /> : <QueryError error={plan.error} onRetry={() => void plan.refetch()} />}</Page>;
  }
  return (
    <Page>
      <PlanHeader plan={plan.data} current="groups" />
      <RequirePermission allows={isProgrammeManager}>{() => <Groups plan={plan.data} />}</RequirePermission>
    </Page>
  );
}

function Groups({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [renaming, setRenaming] = useState<Group | null>(null);
  return (
    <>
      <Section title={t('plans.groups.heading')}>
        <DataTable<Group>
          caption={t('plans.groups.heading')}
          isCaptionHidden
          rows={plan.groups}
          rowKey={(g) => g.id}
          empty={<EmptyState title={t('plans.groups.none')}>{t('plans.groups.noneNext')}</EmptyState>}
          columns={[
            { key: 'order', header: t('plans.groups.order'), cell: (g) => g.order, align: 'end' },
            { key: 'title', header: t('plans.groups.title'), cell: (g) => localized(g.title), isRowHeader: true },
            { key: 'tasks', header: t('plans.groups.tasks'), cell: (g) => g.taskCount, align: 'end' },
            {
              key: 'actions',
              header: t('plans.groups.actions'),
              cell: (g) => (
                <Button variant="secondary" size="small" onClick={() => setRenaming(g)}>
                  {t('plans.groups.rename', { order: g.order })}
                </Button>
              ),
            },
          ]}
        />
        {renaming ? <RenameGroup key={renaming.id} groupId={renaming.id} onDone={() => setRenaming(null)} /> : null}
      </Section>
      <AddGroupForm planId={plan.id} />
    </>
  );
}

/** Loads the group as it stands (its version goes back as If-Match), then saves its new name. */
function RenameGroup({ groupId, onDone }: { groupId: string; onDone: () => void }) {
  const group = useTaskGroup(groupId);
  if (group.isPending) return <Loading />;
  if (group.isError) return <QueryError error={group.error} onRetry={() => void group.refetch()} />;
  return <RenameForm group={group.data} onDone={onDone} />;
}

function RenameForm({ group, onDone }: { group: TaskGroupEdit; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateTaskGroup(group.id);
  const headingId = `rename-group-${group.id}`;
  const form = useForm({
    id: 'rename-group',
    initialValues: {
      titleVi: group.titleVi,
      titleEn: group.titleEn,
      descriptionVi: group.descriptionVi,
      descriptionEn: group.descriptionEn,
    },
    labels: {
      titleVi: t('plans.groups.titleVi'),
      titleEn: t('plans.groups.titleEn'),
      descriptionVi: t('plans.groups.descriptionVi'),
      descriptionEn: t('plans.groups.descriptionEn'),
    },
    schema: taskGroupUpdateBodySchema,
    onSubmit: async (body) => {
      await update.mutateAsync(body);
      onDone();
      return (tr) => tr('plans.groups.saved', { order: group.order });
    },
  });
  return (
    <>
      <h3 id={headingId}>{t('plans.groups.renameHeading', { order: group.order })}</h3>
      <Form
        form={form}
        headingLevel={3}
        labelledBy={headingId}
        submitLabel={t('plans.groups.save')}
        actions={
          <Button variant="secondary" onClick={onDone}>
            {t('plans.groups.cancel')}
          </Button>
        }
      >
        <TextField form={form} name="titleVi" maxLength={500} />
        <TextField form={form} name="titleEn" maxLength={500} isOptional />
        <TextAreaField form={form} name="descriptionVi" rows={3} isOptional />
        <TextAreaField form={form} name="descriptionEn" rows={3} isOptional />
      </Form>
    </>
  );
}

function AddGroupForm({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const create = useCreateTaskGroup(planId);
  const form = useForm({
    id: 'add-group',
    initialValues: { titleVi: '', titleEn: '', descriptionVi: '', descriptionEn: '' },
    labels: {
      titleVi: t('plans.groups.titleVi'),
      titleEn: t('plans.groups.titleEn'),
      descriptionVi: t('plans.groups.descriptionVi'),
      descriptionEn: t('plans.groups.descriptionEn'),
    },
    schema: taskGroupCreateBodySchema,
    onSubmit: async (body) => {
      await create.mutateAsync(body);
      form.reset();
      return (tr) => tr('plans.groups.added');
    },
  });
  return (
    <Section title={t('plans.groups.addHeading')}>
      <Form form={form} headingLevel={3} submitLabel={t('plans.groups.add')} hasRequiredNote>
        <TextField form={form} name="titleVi" maxLength={500} />
        <TextField form={form} name="titleEn" maxLength={500} isOptional />
        <TextAreaField form={form} name="descriptionVi" rows={3} isOptional />
        <TextAreaField form={form} name="descriptionEn" rows={3} isOptional />
      </Form>
    </Section>
  );
}
