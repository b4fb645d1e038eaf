import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { campaignUpdateBodySchema, type CampaignDto } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { FieldGroup, FieldRow } from '../../components/form/field-group.js';
import { DateField, NumberField, SelectField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { RepeatingRows, RowsTotal } from '../../components/form/repeating-rows.js';
import { useForm, type InputReaders } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { toastState } from '../../components/toast/toast.js';
import { formatNumber, parseDecimal } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequirePermission } from '../identity/require-permission.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useCampaign, useUpdateCampaign } from './pages-api.js';
import {
  campaignDetailLabels,
  campaignDetailsErrors,
  campaignDetailsInput,
  newCriterion,
  newField,
  weightTotal,
  type CampaignDetails,
} from './campaign-details.js';
import { movementPaths } from './paths.js';

/** Editing a launched campaign (programme managers): what `campaignUpdateBodySchema` lets change. */
export function EditCampaignPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { code = '' } = useParams();
  const campaign = useCampaign(code);
  return (
    <Page width="narrow">
      <PageHeader
        title={t('movement.launch.editHeading')}
        documentTitle={t('movement.launch.editPageTitle')}
        subtitle={t('movement.launch.editIntro')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('movement.campaign.listTitle'), to: movementPaths.campaigns },
          ...(campaign.data ? [{ label: localized(campaign.data.title), to: movementPaths.campaign(code) }] : []),
        ]}
      />
      <RequirePermission allows={isProgrammeManager}>
        {() =>
          campaign.isPending ? (
            <Loading />
          ) : campaign.isError ? (
            <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />
          ) : (
            <EditForm campaign={campaign.data} />
          )
        }
      </RequirePermission>
    </Page>
  );
}

function valuesOf(campaign: CampaignDto): CampaignDetails {
  return {
    titleVi: campaign.title.vi,
    titleEn: campaign.title.en,
    kind: campaign.kind as string,
    launchingBodyVi: campaign.launchingBody.vi,
    launchingBodyEn: campaign.launchingBody.en,
    decision: campaign.decision ?? '',
    periodStart: campaign.periodStart,
    periodEnd: campaign.periodEnd,
    eligibleParticipants: campaign.eligibleParticipants.join('\n'),
    descriptionVi: campaign.description.vi,
    descriptionEn: campaign.description.en,
    fields: campaign.fields.map((f) => ({ code: f.code, nameVi: f.name.vi, nameEn: f.name.en })),
    criteria: campaign.criteria.map((c) => ({
      code: c.code,
      nameVi: c.name.vi,
      nameEn: c.name.en,
      weight: String(c.weight),
      scaleMin: String(c.scaleMin),
      scaleMax: String(c.scaleMax),
    })),
  };
}

function EditForm({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  // The campaign names its id address when read by code, so this PATCH carries the version loaded above.
  const update = useUpdateCampaign(campaign.id);
  const read: InputReaders = { number: (text) => parseDecimal(text, locale) };
  const form = useForm({
    id: 'edit-campaign',
    initialValues: valuesOf(campaign),
    labels: campaignDetailLabels(t).labels,
    schema: campaignUpdateBodySchema,
    toInput: campaignDetailsInput,
    validate: (v) => campaignDetailsErrors(v, read),
    onSubmit: async (body) => {
      const saved = await update.mutateAsync(body);
      await navigate(movementPaths.campaign(saved.code), { state: toastState('movement.launch.saved') });
    },
  });
  const total = weightTotal(form.values, read);

  return (
    <Form
      form={form}
      submitLabel={t('movement.launch.save')}
      hasRequiredNote
      actions={
        <Link to={movementPaths.campaign(campaign.code)} className={buttonClass('secondary')}>
          {t('movement.launch.cancel')}
        </Link>
      }
    >
      <FieldGroup legend={t('movement.launch.basics')}>
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

      <RepeatingRows form={form} name="fields" newRow={newField} addLabel={t('movement.launch.addField')} minRows={1}>
        {(r) => (
          <>
            <TextField form={form} name={r.path('code')} maxLength={40} width="short" />
            <TextField form={form} name={r.path('nameVi')} maxLength={200} />
            <TextField form={form} name={r.path('nameEn')} maxLength={200} />
          </>
        )}
      </RepeatingRows>

      <RepeatingRows
        form={form}
        name="criteria"
        newRow={newCriterion}
        addLabel={t('movement.launch.addCriterion')}
        minRows={1}
        summary={
          <RowsTotal isOnTarget={total === 100}>{t('movement.launch.weightTotal', { total: formatNumber(total, locale) })}</RowsTotal>
        }
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
    </Form>
  );
}
