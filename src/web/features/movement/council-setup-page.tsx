import { useDeferredValue, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { councilRoles, createCouncilSchema, type CampaignDto, type CouncilDto } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { Button, buttonClass } from '../../components/button/button.js';
import { LabelledInput } from '../../components/form/field-shell.js';
import { NumberField, SelectField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import type { ErrorMap } from '../../components/form/messages.js';
import { RepeatingRows } from '../../components/form/repeating-rows.js';
import { useForm } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { toastState } from '../../components/toast/toast.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequirePermission } from '../identity/require-permission.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useCampaigns } from './api.js';
import { useCouncil, useCouncilCandidates, useCreateCouncil, useUpdateCouncil } from './pages-api.js';
import { movementPaths } from './paths.js';
import styles from './movement.module.css';

/** Setting up a review council (thành lập hội đồng): programme managers. */
export function CouncilSetupPage() {
  const { t } = useTranslation();
  return (
    <Page width="narrow">
      <PageHeader
        title={t('movement.councilSetup.heading')}
        documentTitle={t('movement.councilSetup.pageTitle')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('movement.council.heading'), to: movementPaths.councils },
        ]}
      />
      <RequirePermission allows={isProgrammeManager}>{() => <CouncilFormLoader />}</RequirePermission>
    </Page>
  );
}

/** Editing a council: its name, phase, threshold and members (programme managers). */
export function CouncilEditPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { id = '' } = useParams();
  const council = useCouncil(id);
  return (
    <Page width="narrow">
      <PageHeader
        title={t('movement.councilSetup.editHeading')}
        documentTitle={t('movement.councilSetup.editPageTitle')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('movement.council.heading'), to: movementPaths.councils },
          ...(council.data ? [{ label: localized(council.data.name), to: movementPaths.council(id) }] : []),
        ]}
      />
      <RequirePermission allows={isProgrammeManager}>
        {() =>
          council.isPending ? (
            <Loading />
          ) : council.isError ? (
            <QueryError error={council.error} onRetry={() => void council.refetch()} />
          ) : (
            <CouncilFormLoader council={council.data} />
          )
        }
      </RequirePermission>
    </Page>
  );
}

function CouncilFormLoader({ council }: { council?: CouncilDto }) {
  const campaigns = useCampaigns();
  if (campaigns.isPending) return <Loading />;
  if (campaigns.isError) return <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  return <CouncilForm campaigns={campaigns.data.campaigns} council={council} />;
}

type MemberRow = { userId: string; displayName: string; email: string; unitId: string; role: string };

/** Sets up a council, or edits one (its campaign then stays). */
function CouncilForm({ campaigns, council }: { campaigns: CampaignDto[]; council?: CouncilDto | undefined }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigate = useNavigate();
  const create = useCreateCouncil();
  const update = useUpdateCouncil(council?.id ?? '');
  const [search, setSearch] = useState('');
  const candidates = useCouncilCandidates(useDeferredValue(search.trim()));
  // Each member's row is named after the member (read when the labels are drawn).
  const memberNames = useRef<string[]>([]);
  const form = useForm({
    id: 'council',
    initialValues: {
      nameVi: council?.name.vi ?? '',
      nameEn: council?.name.en ?? '',
      campaignId: council?.campaignId ?? campaigns[0]?.id ?? '',
      phaseId: council?.phaseId ?? '',
      approvalThresholdPercent: String(council?.approvalThresholdPercent ?? 67),
      members: (council?.members ?? []).map((m): MemberRow => ({
        userId: m.userId,
        displayName: m.displayName,
        email: '',
        unitId: m.unitId ?? '',
        role: m.role,
      })),
    },
    labels: {
      nameVi: t('movement.councilSetup.nameVi'),
      nameEn: t('movement.councilSetup.nameEn'),
      campaignId: t('movement.councilSetup.campaign'),
      phaseId: t('movement.councilSetup.phase'),
      approvalThresholdPercent: t('movement.councilSetup.threshold'),
      members: {
        label: t('movement.councilSetup.members'),
        row: (n: number) => memberNames.current[n - 1] ?? '',
        fields: {
          userId: t('movement.councilSetup.members'),
          displayName: t('movement.councilSetup.members'),
          email: t('movement.councilSetup.email'),
          unitId: t('movement.common.unit'),
          role: t('movement.councilSetup.role'),
        },
      },
    },
    schema: createCouncilSchema,
    toInput: (v, read) => ({
      campaignId: v.campaignId,
      phaseId: campaigns.find((c) => c.id === v.campaignId)?.phases.some((p) => p.id === v.phaseId) ? v.phaseId : null,
      nameVi: v.nameVi,
      nameEn: v.nameEn,
      approvalThresholdPercent: read.number(v.approvalThresholdPercent),
      members: v.members.map((m) => ({ userId: m.userId, unitId: m.unitId || null, role: m.role })),
    }),
    // A council needs exactly one chair: said here rather than after a round trip.
    validate: (v) => {
      const errors: ErrorMap = {};
      if (v.members.length > 0 && v.members.filter((m) => m.role === 'chair').length !== 1)
        errors.members = (tr) => tr('movement.councilSetup.oneChair');
      return errors;
    },
    onSubmit: async ({ campaignId, ...changes }) => {
      if (council) {
        await update.mutateAsync(changes);
        await navigate(movementPaths.council(council.id), { state: toastState('movement.councilSetup.saved') });
        return;
      }
      const created = await create.mutateAsync({ campaignId, ...changes });
      await navigate(movementPaths.council(created.id), { state: toastState('movement.councilSetup.created') });
    },
  });
  memberNames.current = form.values.members.map((m) => m.displayName);
  const phases = campaigns.find((c) => c.id === form.values.campaignId)?.phases ?? [];
  const chosen = new Set(form.values.members.map((m) => m.userId));

  return (
    <Form
      form={form}
      submitLabel={t(council ? 'movement.councilSetup.save' : 'movement.councilSetup.submit')}
      hasRequiredNote
      actions={
        <Link to={council ? movementPaths.council(council.id) : movementPaths.councils} className={buttonClass('secondary')}>
          {t('movement.launch.cancel')}
        </Link>
      }
    >
      <TextField form={form} name="nameVi" maxLength={300} />
      <TextField form={form} name="nameEn" maxLength={300} />
      {council ? null : (
        <SelectField form={form} name="campaignId" options={campaigns.map((c) => ({ value: c.id, label: localized(c.title) }))} />
      )}
      <SelectField
        form={form}
        name="phaseId"
        isOptional
        emptyOption={t('movement.councilSetup.allPhases')}
        options={phases.map((p) => ({ value: p.id, label: localized(p.name) }))}
      />
      <NumberField form={form} name="approvalThresholdPercent" unit="%" maxLength={3} hint={t('movement.councilSetup.thresholdHint')} />
      <RepeatingRows form={form} name="members" hint={form.values.members.length === 0 ? t('movement.councilSetup.noMembers') : undefined}>
        {(row) => (
          <SelectField
            form={form}
            name={row.path('role')}
            label={t('movement.councilSetup.roleOf', { name: form.values.members[row.index]?.displayName ?? '' })}
            options={councilRoles.map((r) => ({ value: r, label: t(`movement.council.roles.${r}`) }))}
          />
        )}
      </RepeatingRows>
      <LabelledInput
        label={t('movement.councilSetup.search')}
        hint={t('movement.councilSetup.searchHint')}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        // Enter looks up accounts; it does not send the whole council form.
        onKeyDown={(e) => (e.key === 'Enter' ? e.preventDefault() : undefined)}
      />
      {candidates.isError ? <QueryError error={candidates.error} /> : null}
      <ul className={`plain-list ${styles.candidates}`} aria-label={t('movement.councilSetup.candidates')}>
        {candidates.data?.items
          .filter((c) => !chosen.has(c.id))
          .map((c) => (
            <li key={c.id}>
              <Button
                variant="secondary"
                onClick={() =>
                  form.addRow('members', {
                    userId: c.id,
                    displayName: c.displayName,
                    email: c.email,
                    unitId: c.unitId ?? '',
                    role: form.values.members.length === 0 ? 'chair' : 'member',
                  })
                }
              >
                {t('movement.councilSetup.add', { name: c.displayName })}
              </Button>
              <span className="muted">{c.email}</span>
            </li>
          ))}
      </ul>
    </Form>
  );
}
