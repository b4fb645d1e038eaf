import { useDeferredValue, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { councilRoles, createCouncilSchema } from '../../../shared/contracts/movement.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useCampaigns } from './api.js';
import { ListError, NestedErrorSummary, PathInput, errorsFromApi, errorsFromIssues, useNestedErrors } from './form-errors.js';
import { useCouncilCandidates, useCreateCouncil } from './pages-api.js';
import { movementPaths } from './paths.js';
import { Field } from './ui.js';

const formId = 'council';
type Role = (typeof councilRoles)[number];
type Member = { userId: string; displayName: string; email: string; unitId: string | null; role: Role };

/** Setting up a review council (thành lập hội đồng): programme managers. */
export function CouncilSetupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.councilSetup.pageTitle') }));
  return (
    <div className="container page">
      <h1 id="council-heading">{t('movement.councilSetup.heading')}</h1>
      <RequireSignedIn>{() => <CouncilForm />}</RequireSignedIn>
    </div>
  );
}

function CouncilForm() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigate = useNavigate();
  const campaigns = useCampaigns();
  const create = useCreateCouncil();
  const nested = useNestedErrors();
  const [values, setValues] = useState({ nameVi: '', nameEn: '', campaignId: '', phaseId: '', threshold: '67' });
  const [members, setMembers] = useState<Member[]>([]);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const candidates = useCouncilCandidates(deferredSearch);
  if (campaigns.isPending) return <Loading />;
  if (campaigns.isError) return <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  const campaignId = values.campaignId || campaigns.data.campaigns[0]?.id || '';
  const campaign = campaigns.data.campaigns.find((c) => c.id === campaignId);
  const labels: Record<string, string> = {
    nameVi: t('movement.councilSetup.nameVi'),
    nameEn: t('movement.councilSetup.nameEn'),
    campaignId: t('movement.councilSetup.campaign'),
    approvalThresholdPercent: t('movement.councilSetup.threshold'),
    members: t('movement.councilSetup.members'),
  };
  const labelFor = (path: string) => labels[path.split('.')[0]!] ?? path;
  const chosen = new Set(members.map((m) => m.userId));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const body = {
      campaignId,
      phaseId: values.phaseId || null,
      nameVi: values.nameVi,
      nameEn: values.nameEn,
      approvalThresholdPercent: values.threshold.trim() === '' ? undefined : Number(values.threshold),
      members: members.map((m) => ({ userId: m.userId, unitId: m.unitId, role: m.role })),
    };
    const parsed = createCouncilSchema.safeParse(body);
    const errors = parsed.success ? {} : errorsFromIssues(parsed.error.issues, (path) => (body as Record<string, unknown>)[path]);
    // A council needs exactly one chair: said here rather than after a round trip.
    if (members.length > 0 && members.filter((m) => m.role === 'chair').length !== 1) errors.members = (tr) => tr('movement.councilSetup.oneChair');
    if (!parsed.success || Object.keys(errors).length > 0) return nested.fail(errors);
    create.mutate(parsed.data, {
      onSuccess: (council) => void navigate(movementPaths.council(council.id)),
      onError: (error) => nested.fail(errorsFromApi(error)),
    });
  };

  return (
    <form className="form movement-form" noValidate onSubmit={onSubmit} aria-labelledby="council-heading">
      <NestedErrorSummary formId={formId} errors={nested.errors} labelFor={labelFor} summaryRef={nested.summaryRef} />
      <PathInput formId={formId} path="nameVi" label={labels.nameVi!} errors={nested.errors} value={values.nameVi} onChange={(x) => setValues({ ...values, nameVi: x })} />
      <PathInput formId={formId} path="nameEn" label={labels.nameEn!} errors={nested.errors} value={values.nameEn} onChange={(x) => setValues({ ...values, nameEn: x })} />
      <Field label={labels.campaignId!}>
        {(p) => (
          <select {...p} className="field__input field__select" value={campaignId} onChange={(e) => setValues({ ...values, campaignId: e.target.value, phaseId: '' })}>
            {campaigns.data.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {localized(c.title)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('movement.councilSetup.phase')}>
        {(p) => (
          <select {...p} className="field__input field__select" value={values.phaseId} onChange={(e) => setValues({ ...values, phaseId: e.target.value })}>
            <option value="">{t('movement.councilSetup.allPhases')}</option>
            {campaign?.phases.map((ph) => (
              <option key={ph.id} value={ph.id}>
                {localized(ph.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <PathInput
        formId={formId}
        path="approvalThresholdPercent"
        label={labels.approvalThresholdPercent!}
        hint={t('movement.councilSetup.thresholdHint')}
        type="number"
        min={50}
        max={100}
        errors={nested.errors}
        value={values.threshold}
        onChange={(x) => setValues({ ...values, threshold: x })}
      />

      <fieldset className="movement-people">
        <legend>{labels.members}</legend>
        <ListError formId={formId} path="members" errors={nested.errors} />
        {members.length === 0 ? <p>{t('movement.councilSetup.noMembers')}</p> : null}
        <ul className="plain-list movement-members">
          {members.map((m, i) => (
            <li key={m.userId} className="movement-member">
              <span>
                {m.displayName} <span className="muted">({m.email})</span>
              </span>
              <Field label={t('movement.councilSetup.roleOf', { name: m.displayName })}>
                {(p) => (
                  <select {...p} className="field__input field__select" value={m.role} onChange={(e) => setMembers(members.map((x, j) => (j === i ? { ...x, role: e.target.value as Role } : x)))}>
                    {councilRoles.map((r) => (
                      <option key={r} value={r}>
                        {t(`movement.council.roles.${r}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="button" className="button button--secondary button--danger-outline" onClick={() => setMembers(members.filter((x) => x.userId !== m.userId))}>
                {t('movement.councilSetup.removeMember', { name: m.displayName })}
              </button>
            </li>
          ))}
        </ul>
        <Field label={t('movement.councilSetup.search')} hint={t('movement.councilSetup.searchHint')}>
          {(p) => <input {...p} type="search" className="field__input" value={search} onChange={(e) => setSearch(e.target.value)} />}
        </Field>
        {candidates.isError ? <QueryError error={candidates.error} /> : null}
        <ul className="plain-list movement-candidates" aria-label={t('movement.councilSetup.candidates')}>
          {candidates.data?.items
            .filter((c) => !chosen.has(c.id))
            .map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setMembers([...members, { userId: c.id, displayName: c.displayName, email: c.email, unitId: c.unitId, role: members.length === 0 ? 'chair' : 'member' }])}
                >
                  {t('movement.councilSetup.add', { name: c.displayName })}
                </button>{' '}
                <span className="muted">{c.email}</span>
              </li>
            ))}
        </ul>
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={create.isPending || undefined}>
          {create.isPending ? t('form.submitting') : t('movement.councilSetup.submit')}
        </button>
        <Link to={movementPaths.councils} className="button button--secondary">
          {t('movement.launch.cancel')}
        </Link>
      </div>
    </form>
  );
}
