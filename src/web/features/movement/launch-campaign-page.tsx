import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createCampaignSchema } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { FieldRow } from '../../components/form/field-group.js';
import { DateField, SelectField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { RepeatingRows } from '../../components/form/repeating-rows.js';
import { useForm, type InputReaders } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { toastState } from '../../components/toast/toast.js';
import { parseDecimal } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { RequirePermission } from '../identity/require-permission.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useLaunchCampaign } from './pages-api.js';
import { CampaignCriteriaRows, CampaignDetailsGroup, CampaignFieldRows } from './campaign-detail-fields.js';
import { campaignDetailLabels, campaignDetailsErrors, campaignDetailsInput, newCriterion, newField } from './campaign-details.js';
import { movementPaths } from './paths.js';

const newPhase = () => ({ nameVi: '', nameEn: '', startsOn: '', endsOn: '', review: '', reviewOn: '' });
const newCall = () => ({ phaseIndex: '', titleVi: '', titleEn: '', opensOn: '', closesOn: '' });

const initialValues = {
  code: '',
  titleVi: '',
  titleEn: '',
  kind: 'thematic',
  launchingBodyVi: '',
  launchingBodyEn: '',
  decision: '',
  periodStart: '',
  periodEnd: '',
  eligibleParticipants: '',
  descriptionVi: '',
  descriptionEn: '',
  fields: [newField()],
  phases: [newPhase()],
  criteria: [newCriterion()],
  calls: [] as Array<ReturnType<typeof newCall>>,
};
type Values = typeof initialValues;

/** The body `createCampaignSchema` accepts. */
function toBody(v: Values, read: InputReaders) {
  return {
    ...campaignDetailsInput(v, read),
    phases: v.phases.map((p) => ({ ...p, review: p.review === '' ? null : p.review, reviewOn: p.reviewOn === '' ? null : p.reviewOn })),
    calls: v.calls.map((c) => ({ ...c, phaseIndex: c.phaseIndex === '' ? null : Number(c.phaseIndex) })),
  };
}

/** Launching a campaign (phát động phong trào): programme managers. */
export function LaunchCampaignPage() {
  const { t } = useTranslation();
  return (
    <Page width="narrow">
      <PageHeader
        title={t('movement.launch.heading')}
        documentTitle={t('movement.launch.pageTitle')}
        subtitle={t('movement.launch.intro')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('movement.campaign.listTitle'), to: movementPaths.campaigns },
        ]}
      />
      <RequirePermission allows={isProgrammeManager}>{() => <LaunchForm />}</RequirePermission>
    </Page>
  );
}

function LaunchForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const launch = useLaunchCampaign();
  const read: InputReaders = { number: (text) => parseDecimal(text, locale) };
  const row = (key: 'phaseN' | 'callN') => (n: number) => t(`movement.launch.${key}`, { n });
  const details = campaignDetailLabels(t);
  const names = details.names;
  const form = useForm({
    id: 'launch',
    initialValues,
    labels: {
      code: t('movement.launch.code'),
      ...details.labels,
      phases: {
        label: t('movement.launch.phases'),
        row: row('phaseN'),
        fields: {
          nameVi: names.nameVi,
          nameEn: names.nameEn,
          startsOn: t('movement.launch.startsOn'),
          endsOn: t('movement.launch.endsOn'),
          review: t('movement.launch.review'),
          reviewOn: t('movement.launch.reviewOn'),
        },
      },
      calls: {
        label: t('movement.launch.calls'),
        row: row('callN'),
        fields: {
          phaseIndex: t('movement.launch.callPhase'),
          titleVi: t('movement.launch.titleVi'),
          titleEn: t('movement.launch.titleEn'),
          opensOn: t('movement.launch.opensOn'),
          closesOn: t('movement.launch.closesOn'),
        },
      },
    },
    schema: createCampaignSchema,
    toInput: toBody,
    // The rules the server applies beyond the schema, checked first so the person hears them at once.
    validate: (v) => {
      const errors = campaignDetailsErrors(v, read);
      v.phases.forEach((p, i) => {
        if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) errors[`phases.${i}.endsOn`] = (tr) => tr('movement.launch.errors.periodEnd');
      });
      v.calls.forEach((c, i) => {
        if (c.opensOn && c.closesOn && c.closesOn < c.opensOn)
          errors[`calls.${i}.closesOn`] = (tr) => tr('movement.launch.errors.closesOn');
      });
      return errors;
    },
    onSubmit: async (body) => {
      const campaign = await launch.mutateAsync(body);
      await navigate(movementPaths.campaign(campaign.code), { state: toastState('movement.campaign.launched') });
    },
  });
  const reviewOptions = [
    { value: '', label: t('movement.launch.reviewNone') },
    { value: 'interim', label: t('movement.launch.reviews.interim') },
    { value: 'final', label: t('movement.launch.reviews.final') },
  ];

  return (
    <Form
      form={form}
      submitLabel={t('movement.launch.submit')}
      hasRequiredNote
      actions={
        <Link to={movementPaths.campaigns} className={buttonClass('secondary')}>
          {t('movement.launch.cancel')}
        </Link>
      }
    >
      <CampaignDetailsGroup
        form={form}
        first={<TextField form={form} name="code" hint={t('movement.launch.codeHint')} maxLength={60} width="short" />}
      />
      <CampaignFieldRows form={form} />

      <RepeatingRows form={form} name="phases" newRow={newPhase} addLabel={t('movement.launch.addPhase')} minRows={1}>
        {(r) => (
          <>
            <TextField form={form} name={r.path('nameVi')} maxLength={200} />
            <TextField form={form} name={r.path('nameEn')} maxLength={200} />
            <FieldRow>
              <DateField form={form} name={r.path('startsOn')} />
              <DateField form={form} name={r.path('endsOn')} />
            </FieldRow>
            <SelectField form={form} name={r.path('review')} options={reviewOptions} isOptional />
            <DateField form={form} name={r.path('reviewOn')} isOptional />
          </>
        )}
      </RepeatingRows>

      <CampaignCriteriaRows form={form} read={read} />

      <RepeatingRows form={form} name="calls" newRow={newCall} addLabel={t('movement.launch.addCall')}>
        {(r) => (
          <>
            <SelectField
              form={form}
              name={r.path('phaseIndex')}
              isOptional
              emptyOption={t('movement.launch.callWholeCampaign')}
              options={form.values.phases.map((phase, index) => ({
                value: String(index),
                label: phase.nameVi || t('movement.launch.phaseN', { n: index + 1 }),
              }))}
            />
            <TextField form={form} name={r.path('titleVi')} maxLength={300} />
            <TextField form={form} name={r.path('titleEn')} maxLength={300} />
            <FieldRow>
              <DateField form={form} name={r.path('opensOn')} />
              <DateField form={form} name={r.path('closesOn')} />
            </FieldRow>
          </>
        )}
      </RepeatingRows>
    </Form>
  );
}
