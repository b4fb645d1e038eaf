import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { InitiativeDto } from '../../../shared/contracts/movement.js';
import { initiativeKinds } from '../../../shared/contracts/movement.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useCampaigns, useCreateDraft, useInitiative, useSaveDraft, useTransition, useUnits } from './api.js';
import { campaignParam, movementPaths } from './paths.js';
import { AttachmentsEditor } from './attachments.js';
import { SimilarInitiatives } from './similar-initiatives.js';
import { Field, WriteError } from './ui.js';

type Author = { fullName: string; email: string; workplace: string; jobTitle: string; qualification: string; contributionPercent: number };
type Applied = { fullName: string; workplace: string; jobTitle: string; qualification: string; contribution: string };
type Values = {
  campaignId: string;
  callId: string;
  unitId: string;
  title: string;
  kind: (typeof initiativeKinds)[number];
  fieldCode: string;
  ownerName: string;
  firstAppliedOn: string;
  essence: string;
  confidentialInfo: string;
  conditions: string;
  benefits: string;
  authors: Author[];
  appliedBy: Applied[];
};

const emptyAuthor: Author = { fullName: '', email: '', workplace: '', jobTitle: '', qualification: '', contributionPercent: 100 };
const autosaveDelayMs = 800;

function valuesOf(dto: InitiativeDto): Values {
  return {
    campaignId: dto.campaignId,
    callId: dto.callId ?? '',
    unitId: dto.unitId ?? '',
    title: dto.title,
    kind: dto.kind,
    fieldCode: dto.fieldCode,
    ownerName: dto.ownerName,
    firstAppliedOn: dto.firstAppliedOn ?? '',
    essence: dto.essence,
    confidentialInfo: dto.confidentialInfo,
    conditions: dto.conditions,
    benefits: dto.benefits,
    authors: dto.authors.map((a) => ({ fullName: a.fullName, email: a.email ?? '', workplace: a.workplace, jobTitle: a.jobTitle, qualification: a.qualification, contributionPercent: a.contributionPercent })),
    appliedBy: dto.appliedBy.map((p) => ({ fullName: p.fullName, workplace: p.workplace, jobTitle: p.jobTitle, qualification: p.qualification, contribution: p.contribution })),
  };
}

/** What the API takes: empty optional fields become null, people without a name are left out. */
function bodyOf(values: Values) {
  return {
    callId: values.callId || null,
    unitId: values.unitId || null,
    title: values.title,
    kind: values.kind,
    fieldCode: values.fieldCode,
    ownerName: values.ownerName,
    firstAppliedOn: values.firstAppliedOn || null,
    essence: values.essence,
    confidentialInfo: values.confidentialInfo,
    conditions: values.conditions,
    benefits: values.benefits,
    authors: values.authors.filter((a) => a.fullName.trim() !== '').map((a) => ({ ...a, email: a.email.trim() || null, contributionPercent: Number(a.contributionPercent) || 1 })),
    appliedBy: values.appliedBy.filter((p) => p.fullName.trim() !== ''),
  };
}

/** The application form (new or an existing draft); saved as one types. */
export function SubmitPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  useDocumentTitle(t('app.pageTitle', { page: id ? t('movement.submit.editTitle') : t('movement.submit.pageTitle') }));
  return (
    <div className="container page page--form">
      <h1>{t('movement.submit.heading')}</h1>
      <p className="lead">{t('movement.submit.intro')}</p>
      <RequireSignedIn>{(user) => (id ? <ExistingDraft id={id} /> : <InitiativeForm initial={null} defaultAuthor={{ ...emptyAuthor, fullName: user.displayName, email: user.email }} />)}</RequireSignedIn>
    </div>
  );
}

function ExistingDraft({ id }: { id: string }) {
  const initiative = useInitiative(id);
  if (initiative.isPending) return <Loading />;
  if (initiative.isError) return <QueryError error={initiative.error} onRetry={() => void initiative.refetch()} />;
  return <InitiativeForm initial={initiative.data} defaultAuthor={emptyAuthor} />;
}

function InitiativeForm({ initial, defaultAuthor }: { initial: InitiativeDto | null; defaultAuthor: Author }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigate = useNavigate();
  const campaigns = useCampaigns();
  const units = useUnits();
  const [id, setId] = useState<string | null>(initial?.id ?? null);
  const [values, setValues] = useState<Values | null>(initial ? valuesOf(initial) : null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [isDirty, setIsDirty] = useState(false);
  const create = useCreateDraft();
  const save = useSaveDraft(id ?? 'none');
  const transition = useTransition();

  // A campaign page links here with its code, so the new draft answers that campaign's open call.
  const [searchParams] = useSearchParams();
  const wanted = searchParams.get(campaignParam);
  const wantedCampaign = campaigns.data?.campaigns.find((c) => c.code === wanted);
  const campaign = campaigns.data?.campaigns.find((c) => c.id === values?.campaignId) ?? wantedCampaign ?? campaigns.data?.campaigns[0];
  // A campaign launched a moment ago is not in the cached list yet: wait for the fresh one.
  const isWaitingForWanted = wanted !== null && !wantedCampaign && campaigns.isFetching;
  useEffect(() => {
    if (!values && campaign && !isWaitingForWanted) {
      setValues({ campaignId: campaign.id, callId: campaign.calls.find((c) => c.isOpen)?.id ?? '', unitId: '', title: '', kind: 'technical', fieldCode: '', ownerName: '', firstAppliedOn: '', essence: '', confidentialInfo: '', conditions: '', benefits: '', authors: [defaultAuthor], appliedBy: [] });
    }
  }, [values, campaign, defaultAuthor, isWaitingForWanted]);

  // Autosave: a pause in typing saves the draft (the first save creates it).
  useEffect(() => {
    if (!isDirty || !values || values.title.trim() === '' || create.isPending) return;
    const timer = window.setTimeout(() => void persist(values), autosaveDelayMs);
    return () => window.clearTimeout(timer);
    // persist is stable enough: it reads the latest id from state at call time.
  }, [values, isDirty, create.isPending]);

  async function persist(current: Values): Promise<string | null> {
    setIsDirty(false);
    const run = id
      ? save.mutateAsync(bodyOf(current))
      : create.mutateAsync({ campaignId: current.campaignId, ...bodyOf(current) }).then((dto) => {
          setId(dto.id);
          window.history.replaceState(window.history.state, '', movementPaths.edit(dto.id));
          return dto;
        });
    try {
      const dto = await run;
      setSavedAt(new Date());
      return dto.id;
    } catch {
      // The error is shown from the mutation's state.
      return null;
    }
  }

  async function handleSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!values) return;
    const savedId = await persist(values);
    if (!savedId) return;
    try {
      const dto = await transition.mutateAsync({ id: savedId, action: initial?.state === 'returned' ? 'resubmit' : 'submit', reason: '' });
      await navigate(movementPaths.dossier(dto.id), { state: { flash: 'submitted' } });
    } catch {
      // Shown below.
    }
  }

  if (campaigns.isPending || !values) return <Loading />;
  if (campaigns.isError) return <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues({ ...values, [key]: value });
    setIsDirty(true);
  };
  const setAuthor = (i: number, patch: Partial<Author>) => set('authors', values.authors.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const setApplied = (i: number, patch: Partial<Applied>) => set('appliedBy', values.appliedBy.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const shareTotal = values.authors.reduce((sum, a) => sum + (Number(a.contributionPercent) || 0), 0);
  const saveError = create.error ?? save.error;
  const effectiveId = id ?? create.data?.id ?? null;

  return (
    <form className="form movement-form" onSubmit={(e) => void handleSubmit(e)} noValidate>
      <p role="status" className="movement-autosave">
        {create.isPending || save.isPending ? t('movement.submit.saving') : savedAt ? t('movement.submit.saved', { time: savedAt.toLocaleTimeString() }) : ''}
      </p>
      <WriteError error={saveError} />
      <Field label={t('movement.submit.call')}>
        {(p) => (
          <select {...p} className="field__select" value={values.callId} onChange={(e) => set('callId', e.target.value)}>
            <option value="">{t('movement.submit.noCall')}</option>
            {campaign?.calls.map((c) => (
              <option key={c.id} value={c.id}>
                {localized(c.title)} ({c.opensOn} – {c.closesOn})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('movement.submit.unit')}>
        {(p) => (
          <select {...p} className="field__select" value={values.unitId} onChange={(e) => set('unitId', e.target.value)}>
            <option value="">{t('movement.submit.noUnit')}</option>
            {units.data?.items.map((u) => (
              <option key={u.id} value={u.id}>
                {localized(u.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('movement.common.title')}>{(p) => <input {...p} className="field__input" value={values.title} maxLength={300} onChange={(e) => set('title', e.target.value)} />}</Field>
      <Field label={t('movement.submit.kind')}>
        {(p) => (
          <select {...p} className="field__select" value={values.kind} onChange={(e) => set('kind', e.target.value as Values['kind'])}>
            {initiativeKinds.map((k) => (
              <option key={k} value={k}>
                {t(`movement.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('movement.common.field')}>
        {(p) => (
          <select {...p} className="field__select" value={values.fieldCode} onChange={(e) => set('fieldCode', e.target.value)}>
            <option value="">{t('movement.submit.chooseField')}</option>
            {campaign?.fields.map((f) => (
              <option key={f.code} value={f.code}>
                {localized(f.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('movement.submit.ownerName')}>{(p) => <input {...p} className="field__input" value={values.ownerName} onChange={(e) => set('ownerName', e.target.value)} />}</Field>
      <Field label={t('movement.submit.firstAppliedOn')}>{(p) => <input {...p} type="date" className="field__input movement-date" value={values.firstAppliedOn} onChange={(e) => set('firstAppliedOn', e.target.value)} />}</Field>
      <Field label={t('movement.submit.essence')} hint={t('movement.submit.essenceHint')}>
        {(p) => <textarea {...p} className="field__input" rows={6} value={values.essence} onChange={(e) => set('essence', e.target.value)} />}
      </Field>
      <SimilarInitiatives text={`${values.title} ${values.essence}`} excludeId={effectiveId ?? ''} />
      <Field label={t('movement.submit.confidentialInfo')} hint={t('movement.submit.confidentialHint')}>
        {(p) => <textarea {...p} className="field__input" rows={3} value={values.confidentialInfo} onChange={(e) => set('confidentialInfo', e.target.value)} />}
      </Field>
      <Field label={t('movement.submit.conditions')}>{(p) => <textarea {...p} className="field__input" rows={3} value={values.conditions} onChange={(e) => set('conditions', e.target.value)} />}</Field>
      <Field label={t('movement.submit.benefits')}>{(p) => <textarea {...p} className="field__input" rows={3} value={values.benefits} onChange={(e) => set('benefits', e.target.value)} />}</Field>

      <fieldset className="field--group movement-people">
        <legend>{t('movement.submit.authors')}</legend>
        {values.authors.map((author, i) => (
          <fieldset key={i} className="movement-person">
            <legend>{t('movement.submit.authorNumber', { n: i + 1 })}</legend>
            <Field label={t('movement.submit.authorName')}>{(p) => <input {...p} className="field__input" value={author.fullName} onChange={(e) => setAuthor(i, { fullName: e.target.value })} />}</Field>
            <Field label={t('movement.submit.authorEmail')}>{(p) => <input {...p} type="email" className="field__input" value={author.email} onChange={(e) => setAuthor(i, { email: e.target.value })} />}</Field>
            <Field label={t('movement.submit.authorWorkplace')}>{(p) => <input {...p} className="field__input" value={author.workplace} onChange={(e) => setAuthor(i, { workplace: e.target.value })} />}</Field>
            <Field label={t('movement.submit.authorJobTitle')}>{(p) => <input {...p} className="field__input" value={author.jobTitle} onChange={(e) => setAuthor(i, { jobTitle: e.target.value })} />}</Field>
            <Field label={t('movement.submit.authorQualification')}>{(p) => <input {...p} className="field__input" value={author.qualification} onChange={(e) => setAuthor(i, { qualification: e.target.value })} />}</Field>
            <Field label={t('movement.submit.authorShare')}>
              {(p) => <input {...p} type="number" min={1} max={100} className="field__input movement-number" value={author.contributionPercent} onChange={(e) => setAuthor(i, { contributionPercent: Number(e.target.value) })} />}
            </Field>
            {values.authors.length > 1 ? (
              <button type="button" className="button button--secondary" onClick={() => set('authors', values.authors.filter((_, j) => j !== i))}>
                {t('movement.submit.removeAuthor', { n: i + 1 })}
              </button>
            ) : null}
          </fieldset>
        ))}
        <p className={shareTotal === 100 ? 'muted' : 'movement-warning'}>{t('movement.submit.shareTotal', { total: shareTotal })}</p>
        <button type="button" className="button button--secondary" onClick={() => set('authors', [...values.authors, { ...emptyAuthor, contributionPercent: 0 }])}>
          {t('movement.submit.addAuthor')}
        </button>
      </fieldset>

      <fieldset className="field--group movement-people">
        <legend>{t('movement.submit.appliedBy')}</legend>
        {values.appliedBy.map((person, i) => (
          <fieldset key={i} className="movement-person">
            <legend>{t('movement.submit.appliedNumber', { n: i + 1 })}</legend>
            <Field label={t('movement.submit.appliedName')}>{(p) => <input {...p} className="field__input" value={person.fullName} onChange={(e) => setApplied(i, { fullName: e.target.value })} />}</Field>
            <Field label={t('movement.submit.authorWorkplace')}>{(p) => <input {...p} className="field__input" value={person.workplace} onChange={(e) => setApplied(i, { workplace: e.target.value })} />}</Field>
            <Field label={t('movement.submit.appliedWhat')}>{(p) => <input {...p} className="field__input" value={person.contribution} onChange={(e) => setApplied(i, { contribution: e.target.value })} />}</Field>
            <button type="button" className="button button--secondary" onClick={() => set('appliedBy', values.appliedBy.filter((_, j) => j !== i))}>
              {t('movement.submit.removeApplied', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button type="button" className="button button--secondary" onClick={() => set('appliedBy', [...values.appliedBy, { fullName: '', workplace: '', jobTitle: '', qualification: '', contribution: '' }])}>
          {t('movement.submit.addApplied')}
        </button>
      </fieldset>

      <AttachmentsEditor initiativeId={effectiveId} />

      <WriteError error={transition.error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={transition.isPending}>
          {t('movement.submit.submitNow')}
        </button>
        {effectiveId ? (
          <Link className="button button--secondary" to={movementPaths.dossier(effectiveId)}>
            {t('movement.dossier.pageTitle', { code: create.data?.code ?? initial?.code ?? '' })}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
