import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldGroup, FieldRow } from '../../components/form/field-group.js';
import { DateField, NumberField, SelectField, TextAreaField, TextField } from '../../components/form/fields.js';
import { RepeatingRows, RowsTotal } from '../../components/form/repeating-rows.js';
import type { FormApi, InputReaders } from '../../components/form/use-form.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { newCriterion, newField, weightTotal, type CampaignDetails } from './campaign-details.js';

type Props = { form: FormApi<CampaignDetails> };

/** The campaign's details, as launching and editing it show them; `first` goes before them (the code, when launching). */
export function CampaignDetailsGroup({ form, first }: Props & { first?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <FieldGroup legend={t('movement.launch.basics')}>
      {first}
      <TextField form={form} name="titleVi" maxLength={500} />
      <TextField form={form} name="titleEn" maxLength={500} />
      <SelectField
        form={form}
        name="kind"
        options={[
          { value: 'thematic', label: t('movement.launch.kinds.thematic') },
          { value: 'ongoing', label: t('movement.launch.kinds.ongoing') },
        ]}
      />
      <TextField form={form} name="launchingBodyVi" maxLength={300} />
      <TextField form={form} name="launchingBodyEn" maxLength={300} />
      <TextField form={form} name="decision" isOptional hint={t('movement.launch.decisionHint')} maxLength={200} />
      <FieldRow>
        <DateField form={form} name="periodStart" />
        <DateField form={form} name="periodEnd" />
      </FieldRow>
      <TextAreaField form={form} name="eligibleParticipants" isOptional hint={t('movement.launch.eligibleHint')} rows={3} />
      <TextAreaField form={form} name="descriptionVi" isOptional rows={4} />
      <TextAreaField form={form} name="descriptionEn" isOptional rows={4} />
    </FieldGroup>
  );
}

/** The fields (lĩnh vực) initiatives of the campaign are filed under. */
export function CampaignFieldRows({ form }: Props) {
  const { t } = useTranslation();
  return (
    <RepeatingRows form={form} name="fields" newRow={newField} addLabel={t('movement.launch.addField')} minRows={1}>
      {(r) => (
        <>
          <TextField form={form} name={r.path('code')} maxLength={40} width="short" />
          <TextField form={form} name={r.path('nameVi')} maxLength={200} />
          <TextField form={form} name={r.path('nameEn')} maxLength={200} />
        </>
      )}
    </RepeatingRows>
  );
}

/** The scoring criteria, with the running total of their weights. */
export function CampaignCriteriaRows({ form, read }: Props & { read: InputReaders }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const total = weightTotal(form.values, read);
  return (
    <RepeatingRows
      form={form}
      name="criteria"
      newRow={newCriterion}
      addLabel={t('movement.launch.addCriterion')}
      minRows={1}
      summary={<RowsTotal isOnTarget={total === 100}>{t('movement.launch.weightTotal', { total: formatNumber(total, locale) })}</RowsTotal>}
    >
      {(r) => (
        <>
          <TextField form={form} name={r.path('code')} maxLength={40} width="short" />
          <TextField form={form} name={r.path('nameVi')} maxLength={200} />
          <TextField form={form} name={r.path('nameEn')} maxLength={200} />
          <FieldRow>
            <NumberField form={form} name={r.path('weight')} unit="%" maxLength={3} />
            <NumberField form={form} name={r.path('scaleMin')} maxLength={3} />
            <NumberField form={form} name={r.path('scaleMax')} maxLength={3} />
          </FieldRow>
        </>
      )}
    </RepeatingRows>
  );
}
