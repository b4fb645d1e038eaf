import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createCampaignSchema } from '../../../shared/contracts/movement.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { ListError, NestedErrorSummary, PathInput, errorsFromApi, errorsFromIssues, useNestedErrors, type ErrorMap } from './form-errors.js';
import { useLaunchCampaign } from './pages-api.js';
import { movementPaths } from './paths.js';
import { Field } from './ui.js';

const formId = 'launch';

type FieldRow = { code: string; nameVi: string; nameEn: string };
type PhaseRow = { nameVi: string; nameEn: string; startsOn: string; endsOn: string; review: '' | 'interim' | 'final'; reviewOn: string };
type CriterionRow = { code: string; nameVi: string; nameEn: string; weight: string; scaleMin: string; scaleMax: string };
type CallRow = { phaseIndex: string; titleVi: string; titleEn: string; opensOn: string; closesOn: string };
type Values = {
  code: string;
  titleVi: string;
  titleEn: string;
  kind: 'thematic' | 'ongoing';
  launchingBodyVi: string;
  launchingBodyEn: string;
  descriptionVi: string;
  descriptionEn: string;
  decision: string;
  periodStart: string;
  periodEnd: string;
  eligibleParticipants: string;
  fields: FieldRow[];
  phases: PhaseRow[];
  criteria: CriterionRow[];
  calls: CallRow[];
};

const emptyField: FieldRow = { code: '', nameVi: '', nameEn: '' };
const emptyPhase: PhaseRow = { nameVi: '', nameEn: '', startsOn: '', endsOn: '', review: '', reviewOn: '' };
const emptyCriterion: CriterionRow = { code: '', nameVi: '', nameEn: '', weight: '', scaleMin: '0', scaleMax: '10' };
const emptyCall: CallRow = { phaseIndex: '', titleVi: '', titleEn: '', opensOn: '', closesOn: '' };
const initial: Values = {
  code: '',
  titleVi: '',
  titleEn: '',
  kind: 'thematic',
  launchingBodyVi: '',
  launchingBodyEn: '',
  descriptionVi: '',
  descriptionEn: '',
  decision: '',
  periodStart: '',
  periodEnd: '',
  eligibleParticipants: '',
  fields: [{ ...emptyField }],
  phases: [{ ...emptyPhase }],
  criteria: [{ ...emptyCriterion }],
  calls: [],
};

/** Blank numbers stay blank (so "required" is said), others become numbers for the shared schema. */
const numberOrBlank = (text: string) => (text.trim() === '' ? undefined : Number(text));
const weightTotal = (rows: CriterionRow[]) => rows.reduce((sum, c) => sum + (Number(c.weight) || 0), 0);

/** The body `createCampaignSchema` accepts. */
function toBody(v: Values) {
  return {
    code: v.code,
    titleVi: v.titleVi,
    titleEn: v.titleEn,
    kind: v.kind,
    launchingBodyVi: v.launchingBodyVi,
    launchingBodyEn: v.launchingBodyEn,
    descriptionVi: v.descriptionVi,
    descriptionEn: v.descriptionEn,
    decision: v.decision.trim() === '' ? null : v.decision,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    eligibleParticipants: v.eligibleParticipants
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    fields: v.fields,
    phases: v.phases.map((p) => ({ ...p, review: p.review === '' ? null : p.review, reviewOn: p.reviewOn === '' ? null : p.reviewOn })),
    criteria: v.criteria.map((c) => ({ ...c, weight: numberOrBlank(c.weight), scaleMin: numberOrBlank(c.scaleMin), scaleMax: numberOrBlank(c.scaleMax) })),
    calls: v.calls.map((c) => ({ ...c, phaseIndex: c.phaseIndex === '' ? null : Number(c.phaseIndex) })),
  };
}

/** The rules the server applies beyond the schema, checked first so the person hears them at once. */
function crossChecks(v: Values): ErrorMap {
  const errors: ErrorMap = {};
  const total = weightTotal(v.criteria);
  if (total !== 100) errors.criteria = (t) => t('movement.launch.errors.weights', { total });
  v.criteria.forEach((c, i) => {
    if (c.scaleMin !== '' && c.scaleMax !== '' && Number(c.scaleMax) <= Number(c.scaleMin)) errors[`criteria.${i}.scaleMax`] = (t) => t('movement.launch.errors.scale');
  });
  if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart) errors.periodEnd = (t) => t('movement.launch.errors.periodEnd');
  v.phases.forEach((p, i) => {
    if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) errors[`phases.${i}.endsOn`] = (t) => t('movement.launch.errors.periodEnd');
  });
  v.calls.forEach((c, i) => {
    if (c.opensOn && c.closesOn && c.closesOn < c.opensOn) errors[`calls.${i}.closesOn`] = (t) => t('movement.launch.errors.closesOn');
  });
  return errors;
}

/** Launching a campaign (phát động phong trào): programme managers. */
export function LaunchCampaignPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.launch.pageTitle') }));
  return (
    <div className="container page">
      <h1 id="launch-heading">{t('movement.launch.heading')}</h1>
      <p>{t('movement.launch.intro')}</p>
      <RequireSignedIn>{() => <LaunchForm />}</RequireSignedIn>
    </div>
  );
}

function LaunchForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const launch = useLaunchCampaign();
  const [v, setV] = useState<Values>(initial);
  const nested = useNestedErrors();
  const { errors } = nested;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((current) => ({ ...current, [key]: value }));
  const setRow = <K extends 'fields' | 'phases' | 'criteria' | 'calls'>(key: K, index: number, patch: Partial<Values[K][number]>) =>
    setV((current) => ({ ...current, [key]: current[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  const addRow = <K extends 'fields' | 'phases' | 'criteria' | 'calls'>(key: K, row: Values[K][number]) => setV((current) => ({ ...current, [key]: [...current[key], { ...row }] }));
  const removeRow = (key: 'fields' | 'phases' | 'criteria' | 'calls', index: number) => setV((current) => ({ ...current, [key]: current[key].filter((_, i) => i !== index) }));

  const total = weightTotal(v.criteria);
  const topLabels: Record<string, string> = {
    code: t('movement.launch.code'),
    titleVi: t('movement.launch.titleVi'),
    titleEn: t('movement.launch.titleEn'),
    kind: t('movement.launch.kind'),
    launchingBodyVi: t('movement.launch.launchingBodyVi'),
    launchingBodyEn: t('movement.launch.launchingBodyEn'),
    descriptionVi: t('movement.launch.descriptionVi'),
    descriptionEn: t('movement.launch.descriptionEn'),
    decision: t('movement.launch.decision'),
    periodStart: t('movement.launch.periodStart'),
    periodEnd: t('movement.launch.periodEnd'),
    eligibleParticipants: t('movement.launch.eligible'),
    fields: t('movement.launch.fields'),
    phases: t('movement.launch.phases'),
    criteria: t('movement.launch.criteria'),
    calls: t('movement.launch.calls'),
  };
  const columnLabels: Record<string, string> = {
    code: t('movement.launch.rowCode'),
    nameVi: t('movement.launch.nameVi'),
    nameEn: t('movement.launch.nameEn'),
    startsOn: t('movement.launch.startsOn'),
    endsOn: t('movement.launch.endsOn'),
    review: t('movement.launch.review'),
    reviewOn: t('movement.launch.reviewOn'),
    weight: t('movement.launch.weight'),
    scaleMin: t('movement.launch.scaleMin'),
    scaleMax: t('movement.launch.scaleMax'),
    phaseIndex: t('movement.launch.callPhase'),
    titleVi: t('movement.launch.titleVi'),
    titleEn: t('movement.launch.titleEn'),
    opensOn: t('movement.launch.opensOn'),
    closesOn: t('movement.launch.closesOn'),
  };
  const rowNames = { fields: 'movement.launch.fieldN', phases: 'movement.launch.phaseN', criteria: 'movement.launch.criterionN', calls: 'movement.launch.callN' } as const;
  const isList = (name: string | undefined): name is keyof typeof rowNames => name !== undefined && Object.hasOwn(rowNames, name);
  const labelFor = (path: string) => {
    const [list, index, column] = path.split('.');
    if (index === undefined || !isList(list)) return topLabels[list!] ?? path;
    const row = t(rowNames[list], { n: Number(index) + 1 });
    return column ? `${row} – ${columnLabels[column] ?? column}` : row;
  };
  // Errors of a row as a whole (e.g. `phases.0` when its dates are missing) are shown on its first control.
  const rowLabel = (list: keyof typeof rowNames, index: number) => t(rowNames[list], { n: index + 1 });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (launch.isPending) return;
    const body = toBody(v);
    const parsed = createCampaignSchema.safeParse(body);
    const valueAt = (path: string) => path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), body);
    // Schema errors first: they follow the form's order, so the summary does too.
    const found = { ...(parsed.success ? {} : errorsFromIssues(parsed.error.issues, valueAt)), ...crossChecks(v) };
    if (Object.keys(found).length > 0) return nested.fail(found);
    launch.mutate(parsed.data, {
      onSuccess: (campaign) => {
        nested.clear();
        void navigate(movementPaths.campaign(campaign.code), { state: { flash: 'launched' } });
      },
      onError: (error) => nested.fail(errorsFromApi(error)),
    });
  };

  const input = (path: string, value: string, onChange: (value: string) => void, extra: Partial<Parameters<typeof PathInput>[0]> = {}) => (
    <PathInput formId={formId} path={path} label={labelFor(path).split(' – ').pop()!} errors={errors} value={value} onChange={onChange} {...extra} />
  );

  return (
    <form className="form movement-form movement-launch" noValidate onSubmit={onSubmit} aria-labelledby="launch-heading">
      <NestedErrorSummary formId={formId} errors={errors} labelFor={labelFor} summaryRef={nested.summaryRef} />
      <fieldset className="movement-people">
        <legend>{t('movement.launch.basics')}</legend>
        {input('code', v.code, (x) => set('code', x), { hint: t('movement.launch.codeHint') })}
        {input('titleVi', v.titleVi, (x) => set('titleVi', x))}
        {input('titleEn', v.titleEn, (x) => set('titleEn', x))}
        <Field label={t('movement.launch.kind')}>
          {(p) => (
            <select {...p} className="field__input field__select" value={v.kind} onChange={(e) => set('kind', e.target.value as Values['kind'])}>
              <option value="thematic">{t('movement.launch.kinds.thematic')}</option>
              <option value="ongoing">{t('movement.launch.kinds.ongoing')}</option>
            </select>
          )}
        </Field>
        {input('launchingBodyVi', v.launchingBodyVi, (x) => set('launchingBodyVi', x))}
        {input('launchingBodyEn', v.launchingBodyEn, (x) => set('launchingBodyEn', x))}
        {input('decision', v.decision, (x) => set('decision', x), { isOptional: true, hint: t('movement.launch.decisionHint') })}
        <div className="movement-row">
          {input('periodStart', v.periodStart, (x) => set('periodStart', x), { type: 'date' })}
          {input('periodEnd', v.periodEnd, (x) => set('periodEnd', x), { type: 'date' })}
        </div>
        {input('eligibleParticipants', v.eligibleParticipants, (x) => set('eligibleParticipants', x), { multiline: true, isOptional: true, hint: t('movement.launch.eligibleHint') })}
        {input('descriptionVi', v.descriptionVi, (x) => set('descriptionVi', x), { multiline: true, isOptional: true })}
        {input('descriptionEn', v.descriptionEn, (x) => set('descriptionEn', x), { multiline: true, isOptional: true })}
      </fieldset>

      <fieldset className="movement-people">
        <legend>{t('movement.launch.fields')}</legend>
        <ListError formId={formId} path="fields" errors={errors} />
        {v.fields.map((row, i) => (
          <fieldset key={i} className="movement-person">
            <legend>{rowLabel('fields', i)}</legend>
            {input(`fields.${i}.code`, row.code, (x) => setRow('fields', i, { code: x }))}
            {input(`fields.${i}.nameVi`, row.nameVi, (x) => setRow('fields', i, { nameVi: x }))}
            {input(`fields.${i}.nameEn`, row.nameEn, (x) => setRow('fields', i, { nameEn: x }))}
            <RemoveButton label={t('movement.launch.remove', { row: rowLabel('fields', i) })} disabled={v.fields.length === 1} onClick={() => removeRow('fields', i)} />
          </fieldset>
        ))}
        <button type="button" className="button button--secondary" onClick={() => addRow('fields', emptyField)}>
          {t('movement.launch.addField')}
        </button>
      </fieldset>

      <fieldset className="movement-people">
        <legend>{t('movement.launch.phases')}</legend>
        <ListError formId={formId} path="phases" errors={errors} />
        {v.phases.map((row, i) => (
          <fieldset key={i} className="movement-person">
            <legend>{rowLabel('phases', i)}</legend>
            {input(`phases.${i}.nameVi`, row.nameVi, (x) => setRow('phases', i, { nameVi: x }))}
            {input(`phases.${i}.nameEn`, row.nameEn, (x) => setRow('phases', i, { nameEn: x }))}
            <div className="movement-row">
              {input(`phases.${i}.startsOn`, row.startsOn, (x) => setRow('phases', i, { startsOn: x }), { type: 'date' })}
              {input(`phases.${i}.endsOn`, row.endsOn, (x) => setRow('phases', i, { endsOn: x }), { type: 'date' })}
            </div>
            <Field label={t('movement.launch.review')}>
              {(p) => (
                <select {...p} className="field__input field__select" value={row.review} onChange={(e) => setRow('phases', i, { review: e.target.value as PhaseRow['review'] })}>
                  <option value="">{t('movement.launch.reviewNone')}</option>
                  <option value="interim">{t('movement.launch.reviews.interim')}</option>
                  <option value="final">{t('movement.launch.reviews.final')}</option>
                </select>
              )}
            </Field>
            {input(`phases.${i}.reviewOn`, row.reviewOn, (x) => setRow('phases', i, { reviewOn: x }), { type: 'date', isOptional: true })}
            <RemoveButton label={t('movement.launch.remove', { row: rowLabel('phases', i) })} disabled={v.phases.length === 1} onClick={() => removeRow('phases', i)} />
          </fieldset>
        ))}
        <button type="button" className="button button--secondary" onClick={() => addRow('phases', emptyPhase)}>
          {t('movement.launch.addPhase')}
        </button>
      </fieldset>

      <fieldset className="movement-people">
        <legend>{t('movement.launch.criteria')}</legend>
        <ListError formId={formId} path="criteria" errors={errors}>
          <p className={total === 100 ? 'movement-total' : 'movement-total movement-warning'} aria-live="polite">
            {t('movement.launch.weightTotal', { total })}
          </p>
        </ListError>
        {v.criteria.map((row, i) => (
          <fieldset key={i} className="movement-person">
            <legend>{rowLabel('criteria', i)}</legend>
            {input(`criteria.${i}.code`, row.code, (x) => setRow('criteria', i, { code: x }))}
            {input(`criteria.${i}.nameVi`, row.nameVi, (x) => setRow('criteria', i, { nameVi: x }))}
            {input(`criteria.${i}.nameEn`, row.nameEn, (x) => setRow('criteria', i, { nameEn: x }))}
            <div className="movement-row">
              {input(`criteria.${i}.weight`, row.weight, (x) => setRow('criteria', i, { weight: x }), { type: 'number', min: 1, max: 100 })}
              {input(`criteria.${i}.scaleMin`, row.scaleMin, (x) => setRow('criteria', i, { scaleMin: x }), { type: 'number', min: 0, max: 100 })}
              {input(`criteria.${i}.scaleMax`, row.scaleMax, (x) => setRow('criteria', i, { scaleMax: x }), { type: 'number', min: 1, max: 100 })}
            </div>
            <RemoveButton label={t('movement.launch.remove', { row: rowLabel('criteria', i) })} disabled={v.criteria.length === 1} onClick={() => removeRow('criteria', i)} />
          </fieldset>
        ))}
        <button type="button" className="button button--secondary" onClick={() => addRow('criteria', emptyCriterion)}>
          {t('movement.launch.addCriterion')}
        </button>
      </fieldset>

      <fieldset className="movement-people">
        <legend>{t('movement.launch.calls')}</legend>
        <ListError formId={formId} path="calls" errors={errors} />
        {v.calls.map((row, i) => (
          <fieldset key={i} className="movement-person">
            <legend>{rowLabel('calls', i)}</legend>
            <Field label={t('movement.launch.callPhase')}>
              {(p) => (
                <select {...p} className="field__input field__select" value={row.phaseIndex} onChange={(e) => setRow('calls', i, { phaseIndex: e.target.value })}>
                  <option value="">{t('movement.launch.callWholeCampaign')}</option>
                  {v.phases.map((phase, index) => (
                    <option key={index} value={String(index)}>
                      {phase.nameVi || rowLabel('phases', index)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {input(`calls.${i}.titleVi`, row.titleVi, (x) => setRow('calls', i, { titleVi: x }))}
            {input(`calls.${i}.titleEn`, row.titleEn, (x) => setRow('calls', i, { titleEn: x }))}
            <div className="movement-row">
              {input(`calls.${i}.opensOn`, row.opensOn, (x) => setRow('calls', i, { opensOn: x }), { type: 'date' })}
              {input(`calls.${i}.closesOn`, row.closesOn, (x) => setRow('calls', i, { closesOn: x }), { type: 'date' })}
            </div>
            <RemoveButton label={t('movement.launch.remove', { row: rowLabel('calls', i) })} onClick={() => removeRow('calls', i)} />
          </fieldset>
        ))}
        <button type="button" className="button button--secondary" onClick={() => addRow('calls', emptyCall)}>
          {t('movement.launch.addCall')}
        </button>
      </fieldset>

      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={launch.isPending || undefined}>
          {launch.isPending ? t('form.submitting') : t('movement.launch.submit')}
        </button>
        <Link to={movementPaths.campaigns} className="button button--secondary">
          {t('movement.launch.cancel')}
        </Link>
      </div>
    </form>
  );
}

function RemoveButton({ label, disabled, onClick }: { label: string; disabled?: boolean; onClick: () => void }) {
  if (disabled) return null;
  return (
    <button type="button" className="button button--secondary button--danger-outline" onClick={onClick}>
      {label}
    </button>
  );
}
