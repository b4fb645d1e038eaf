import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { taskPriorities, taskPriorityLabels, type PlanDetail } from '../../../shared/contracts/plans.js';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/form/fields.js';
import type { FormApi } from '../../components/form/use-form.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { useUnits } from './api.js';

/** What assigning a task and correcting one both ask for. */
export type TaskFieldValues = {
  titleVi: string;
  titleEn: string;
  groupId: string;
  leadUnitId: string;
  startOn: string;
  dueOn: string;
  productVi: string;
  priority: string;
  descriptionVi: string;
};

type TaskFieldsProps = {
  form: FormApi<TaskFieldValues>;
  groups: ReadonlyArray<Pick<PlanDetail['groups'][number], 'id' | 'order' | 'title'>>;
  /** Assigning places the task under a parent task, chosen after its group. */
  parentField?: ReactNode;
  /** Correcting a task also edits the product and description in English, each after the Vietnamese. */
  productEnField?: ReactNode;
  descriptionEnField?: ReactNode;
};

/** A task's fields as the programme manager assigns it and later corrects it; the lead unit is any unit but the city. */
export function TaskFields({ form, groups, parentField, productEnField, descriptionEnField }: TaskFieldsProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const units = useUnits();
  const unitOptions = (units.data?.items ?? []).filter((u) => u.kind !== 'city').map((u) => ({ value: u.id, label: localized(u.name) }));
  return (
    <>
      <TextField form={form} name="titleVi" maxLength={500} />
      <TextField form={form} name="titleEn" maxLength={500} isOptional />
      <SelectField
        form={form}
        name="groupId"
        isOptional
        emptyOption={t('plans.filters.none')}
        options={groups.map((g) => ({ value: g.id, label: `${g.order}. ${localized(g.title)}` }))}
      />
      {parentField}
      <SelectField form={form} name="leadUnitId" emptyOption={t('plans.assign.chooseUnit')} options={unitOptions} />
      <DateField form={form} name="startOn" isOptional />
      <DateField form={form} name="dueOn" isOptional hint={t('plans.assign.dueHint')} />
      <TextField form={form} name="productVi" maxLength={1000} isOptional />
      {productEnField}
      <SelectField
        form={form}
        name="priority"
        options={taskPriorities.map((p) => ({ value: p, label: localized(taskPriorityLabels[p]) }))}
      />
      <TextAreaField form={form} name="descriptionVi" isOptional rows={5} />
      {descriptionEnField}
    </>
  );
}
