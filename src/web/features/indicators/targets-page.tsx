import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { figureQualifiers, indicatorPatchSchema, type IndicatorDefinitionDto } from '../../../shared/contracts/indicators.js';
import { paths } from '../../app/paths.js';
import { FieldGroup, FieldRow } from '../../components/form/field-group.js';
import { CheckboxField, NumberField, SelectField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { RepeatingRows } from '../../components/form/repeating-rows.js';
import { useForm, type InputReaders } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { toastState } from '../../components/toast/toast.js';
import { formatDecimalInput, qualifierWord } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { RequirePermission } from '../identity/require-permission.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useIndicatorDefinition, useUpdateIndicator } from './api.js';
import { indicatorPaths } from './paths.js';

const newTarget = () => ({ year: '', min: '', max: '', qualifier: '', isIllustrative: false });

/** A programme manager sets an indicator's baseline and its targets by year, as the plan's document states them. */
export function IndicatorTargetsPage() {
  const { t } = useTranslation();
  const { indicatorId = '' } = useParams();
  const definition = useIndicatorDefinition(indicatorId);
  return (
    <Page width="narrow">
      <PageHeader
        title={definition.data ? t('indicators.targets.heading', { code: definition.data.code }) : t('indicators.targets.link')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('indicators.manage.heading'), to: indicatorPaths.manage },
        ]}
      />
      <RequirePermission allows={isProgrammeManager}>
        {() =>
          definition.isPending ? (
            <Loading />
          ) : definition.isError ? (
            <QueryError error={definition.error} onRetry={() => void definition.refetch()} />
          ) : (
            <TargetsForm definition={definition.data} />
          )
        }
      </RequirePermission>
    </Page>
  );
}

function TargetsForm({ definition }: { definition: IndicatorDefinitionDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const update = useUpdateIndicator(definition.id);
  const number = (value: number | null) => (value === null ? '' : formatDecimalInput(value, locale));
  const nullable = (text: string, read: InputReaders) => (text.trim() === '' ? null : read.number(text));
  const { baseline } = definition;
  const form = useForm({
    id: 'targets',
    initialValues: {
      baselineValue: number(baseline?.value ?? null),
      baselineYear: baseline ? String(baseline.year) : '',
      baselineQualifier: baseline?.qualifier ?? '',
      baselineIsIllustrative: baseline?.isIllustrative ?? false,
      targets: definition.targets.map((target) => ({
        year: String(target.year),
        min: number(target.min),
        max: number(target.max),
        qualifier: target.qualifier ?? '',
        isIllustrative: target.isIllustrative,
      })),
    },
    labels: {
      baselineValue: t('indicators.targets.baselineValue'),
      baselineYear: t('indicators.targets.baselineYear'),
      baselineQualifier: t('indicators.targets.qualifier'),
      baselineIsIllustrative: t('indicators.targets.illustrative'),
      targets: {
        label: t('indicators.targets.list'),
        row: (n) => t('indicators.targets.row', { n }),
        fields: {
          year: t('indicators.targets.year'),
          min: t('indicators.targets.min'),
          max: t('indicators.targets.max'),
          qualifier: t('indicators.targets.qualifier'),
          isIllustrative: t('indicators.targets.illustrative'),
        },
      },
    },
    schema: indicatorPatchSchema,
    serverPaths: { 'baseline.value': 'baselineValue', 'baseline.year': 'baselineYear', 'baseline.qualifier': 'baselineQualifier' },
    toInput: (v, read) => ({
      baseline:
        v.baselineValue.trim() === ''
          ? null
          : {
              value: read.number(v.baselineValue),
              year: read.number(v.baselineYear),
              qualifier: v.baselineQualifier || null,
              isIllustrative: v.baselineIsIllustrative,
            },
      targets: v.targets.map((row) => ({
        year: read.number(String(row.year)),
        min: nullable(String(row.min), read),
        max: nullable(String(row.max), read),
        qualifier: row.qualifier || null,
        isIllustrative: row.isIllustrative === true,
      })),
    }),
    onSubmit: async (body) => {
      await update.mutateAsync(body);
      await navigate(indicatorPaths.manage, { state: toastState('indicators.targets.saved', { code: definition.code }) });
    },
  });
  const qualifierOptions = figureQualifiers.map((q) => ({ value: q, label: qualifierWord(q, locale) }));
  const unit = locale === 'en' ? definition.unitEn : definition.unitVi;
  return (
    <Form form={form} submitLabel={t('indicators.targets.submit')}>
      <FieldGroup legend={t('indicators.targets.baseline')}>
        <FieldRow>
          <NumberField form={form} name="baselineValue" unit={unit} isOptional hint={t('indicators.targets.baselineHint')} />
          <NumberField form={form} name="baselineYear" maxLength={4} isOptional />
        </FieldRow>
        <SelectField
          form={form}
          name="baselineQualifier"
          isOptional
          emptyOption={t('indicators.targets.exact')}
          options={qualifierOptions}
        />
        <CheckboxField form={form} name="baselineIsIllustrative" />
      </FieldGroup>
      <RepeatingRows
        form={form}
        name="targets"
        newRow={newTarget}
        addLabel={t('indicators.targets.add')}
        maxRows={20}
        hint={t('indicators.targets.rangeHint')}
      >
        {(r) => (
          <>
            <NumberField form={form} name={r.path('year')} maxLength={4} />
            <FieldRow>
              <NumberField form={form} name={r.path('min')} unit={unit} isOptional />
              <NumberField form={form} name={r.path('max')} unit={unit} isOptional />
            </FieldRow>
            <SelectField
              form={form}
              name={r.path('qualifier')}
              isOptional
              emptyOption={t('indicators.targets.exact')}
              options={qualifierOptions}
            />
            <CheckboxField form={form} name={r.path('isIllustrative')} />
          </>
        )}
      </RepeatingRows>
    </Form>
  );
}
