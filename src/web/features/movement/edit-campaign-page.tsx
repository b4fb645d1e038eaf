import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { campaignUpdateBodySchema, type CampaignDto } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { Form } from '../../components/form/form.js';
import { useForm, type InputReaders } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { toastState } from '../../components/toast/toast.js';
import { parseDecimal } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequirePermission } from '../identity/require-permission.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useCampaign, useUpdateCampaign } from './pages-api.js';
import { CampaignCriteriaRows, CampaignDetailsGroup, CampaignFieldRows } from './campaign-detail-fields.js';
import { campaignDetailLabels, campaignDetailsErrors, campaignDetailsInput, type CampaignDetails } from './campaign-details.js';
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
      <CampaignDetailsGroup form={form} />
      <CampaignFieldRows form={form} />
      <CampaignCriteriaRows form={form} read={read} />
    </Form>
  );
}
