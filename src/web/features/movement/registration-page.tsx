import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { registrationBodySchema, registrationReportSchema } from '../../../shared/contracts/movement.js';
import type { Me } from '../../../shared/contracts/identity.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useCampaigns, useUnits } from './api.js';
import { ListError, NestedErrorSummary, PathInput, errorsFromApi, errorsFromIssues, useNestedErrors } from './form-errors.js';
import { useRegister, useRegistrations, useReportOnRegistration } from './pages-api.js';
import { movementPaths } from './paths.js';
import { Done, Field } from './ui.js';

type Unit = { id: string; parentId: string | null; name: { vi: string; en: string } };

/** The units a person is an officer of: their grants, and the sub-trees of those that include them. */
function officerUnits(user: Me, units: readonly Unit[]): Unit[] {
  const grants = user.grants.filter((g) => g.role === 'unit_officer');
  const ids = new Set(grants.map((g) => g.unitId));
  let frontier = grants.filter((g) => g.includesSubtree).map((g) => g.unitId);
  while (frontier.length > 0) {
    const next = units.filter((u) => u.parentId !== null && frontier.includes(u.parentId) && !ids.has(u.id)).map((u) => u.id);
    for (const id of next) ids.add(id);
    frontier = next;
  }
  return units.filter((u) => ids.has(u.id));
}

/** Unit registration for a phase (đăng ký thi đua): an officer registers and reports; managers see every unit's. */
export function RegistrationPage() {
  const { phaseId = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.registration.pageTitle') }));
  return (
    <div className="container page">
      <RequireSignedIn>{(user) => <Registrations phaseId={phaseId} user={user} />}</RequireSignedIn>
    </div>
  );
}

function Registrations({ phaseId, user }: { phaseId: string; user: Me }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const campaigns = useCampaigns();
  const units = useUnits();
  const registrations = useRegistrations(phaseId);
  if (campaigns.isPending || units.isPending || registrations.isPending) return <Loading />;
  if (registrations.isError) return <QueryError error={registrations.error} onRetry={() => void registrations.refetch()} />;
  if (campaigns.isError || units.isError) return <QueryError error={campaigns.error ?? units.error} />;
  const campaign = campaigns.data.campaigns.find((c) => c.phases.some((p) => p.id === phaseId));
  const phase = campaign?.phases.find((p) => p.id === phaseId);
  const mine = officerUnits(user, units.data.items);
  const mineIds = new Set(mine.map((u) => u.id));
  const registered = new Set(registrations.data.registrations.map((r) => r.unitId));
  const open = mine.filter((u) => !registered.has(u.id));
  return (
    <>
      <h1 id="registration-heading">{t('movement.registration.heading', { phase: phase ? localized(phase.name) : '' })}</h1>
      {campaign ? (
        <p>
          <Link to={movementPaths.campaign(campaign.code)}>{localized(campaign.title)}</Link>
        </p>
      ) : null}
      <p>{t('movement.registration.intro')}</p>
      <section className="section" aria-labelledby="registered-heading">
        <h2 id="registered-heading">{t('movement.registration.listHeading')}</h2>
        {registrations.data.registrations.length === 0 ? <p>{t('movement.registration.none')}</p> : null}
        {registrations.data.registrations.map((r) => (
          <article key={r.id} className="panel movement-registration" aria-labelledby={`reg-${r.id}`}>
            <h3 id={`reg-${r.id}`}>{localized(r.unitName)}</h3>
            <h4>{t('movement.registration.commitments')}</h4>
            <ol>
              {r.commitments.map((c, i) => (
                <li key={i}>
                  {c.text}
                  {c.target ? <span className="muted"> — {t('movement.registration.targetIs', { target: c.target })}</span> : null}
                </li>
              ))}
            </ol>
            <h4>{t('movement.registration.interimReport')}</h4>
            <p className="movement-prewrap">{r.interimReport ?? t('movement.registration.notYet')}</p>
            <h4>{t('movement.registration.finalReport')}</h4>
            <p className="movement-prewrap">{r.finalReport ?? t('movement.registration.notYet')}</p>
            {mineIds.has(r.unitId) ? (
              <ReportForm registration={r} unitName={localized(r.unitName)} defaultReview={phase?.review ?? 'interim'} />
            ) : null}
          </article>
        ))}
      </section>
      {open.length > 0 ? <RegisterForm phaseId={phaseId} units={open} /> : null}
      {mine.length === 0 ? <p className="muted">{t('movement.registration.officersOnly')}</p> : null}
    </>
  );
}

function RegisterForm({ phaseId, units }: { phaseId: string; units: Unit[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const register = useRegister(phaseId);
  const nested = useNestedErrors();
  const formId = 'register';
  const [unitId, setUnitId] = useState(units[0]!.id);
  const [rows, setRows] = useState([{ text: '', target: '' }]);
  const labelFor = (path: string) => {
    const [, index, column] = path.split('.');
    if (index === undefined) return t('movement.registration.commitments');
    const row = t('movement.registration.commitmentN', { n: Number(index) + 1 });
    return column ? `${row} – ${column === 'target' ? t('movement.registration.target') : t('movement.registration.text')}` : row;
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (register.isPending) return;
    const body = { unitId: units.some((u) => u.id === unitId) ? unitId : units[0]!.id, commitments: rows };
    const parsed = registrationBodySchema.safeParse(body);
    if (!parsed.success)
      return nested.fail(
        errorsFromIssues(parsed.error.issues, (path) =>
          path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), body),
        ),
      );
    register.mutate(parsed.data, {
      onSuccess: () => (nested.clear(), setRows([{ text: '', target: '' }])),
      onError: (error) => nested.fail(errorsFromApi(error)),
    });
  };
  return (
    <section className="section panel" aria-labelledby="register-heading">
      <h2 id="register-heading">{t('movement.registration.formHeading')}</h2>
      <form className="form movement-form" noValidate onSubmit={onSubmit} aria-labelledby="register-heading">
        <NestedErrorSummary formId={formId} errors={nested.errors} labelFor={labelFor} summaryRef={nested.summaryRef} headingLevel={3} />
        <Field label={t('movement.common.unit')}>
          {(p) => (
            <select {...p} className="field__input field__select" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {localized(u.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ListError formId={formId} path="commitments" errors={nested.errors} />
        {rows.map((row, i) => (
          <fieldset key={i} className="movement-person">
            <legend>{t('movement.registration.commitmentN', { n: i + 1 })}</legend>
            <PathInput
              formId={formId}
              path={`commitments.${i}.text`}
              label={t('movement.registration.text')}
              errors={nested.errors}
              multiline
              value={row.text}
              onChange={(x) => setRows(rows.map((r, j) => (j === i ? { ...r, text: x } : r)))}
            />
            <PathInput
              formId={formId}
              path={`commitments.${i}.target`}
              label={t('movement.registration.target')}
              hint={t('movement.registration.targetHint')}
              isOptional
              errors={nested.errors}
              value={row.target}
              onChange={(x) => setRows(rows.map((r, j) => (j === i ? { ...r, target: x } : r)))}
            />
            {rows.length > 1 ? (
              <button
                type="button"
                className="button button--secondary button--danger-outline"
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                {t('movement.launch.remove', { row: t('movement.registration.commitmentN', { n: i + 1 }) })}
              </button>
            ) : null}
          </fieldset>
        ))}
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={() => setRows([...rows, { text: '', target: '' }])}>
            {t('movement.registration.addCommitment')}
          </button>
          <button type="submit" className="button" aria-disabled={register.isPending || undefined}>
            {t('movement.registration.submit')}
          </button>
        </div>
        <Done text={register.isSuccess ? t('movement.registration.registered') : null} />
      </form>
    </section>
  );
}

type Registration = { id: string; interimReport: string | null; finalReport: string | null };

/** The unit's report for the interim or final review; an existing report is loaded to be revised. */
function ReportForm({
  registration,
  unitName,
  defaultReview,
}: {
  registration: Registration;
  unitName: string;
  defaultReview: 'interim' | 'final';
}) {
  const { t } = useTranslation();
  const registrationId = registration.id;
  const existing = (review: 'interim' | 'final') => (review === 'interim' ? registration.interimReport : registration.finalReport) ?? '';
  const save = useReportOnRegistration();
  const nested = useNestedErrors();
  const formId = `report-${registrationId}`;
  const [review, setReview] = useState<'interim' | 'final'>(defaultReview);
  const [report, setReport] = useState(() => existing(defaultReview));
  const headingId = `${formId}-heading`;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const parsed = registrationReportSchema.safeParse({ review, report });
    if (!parsed.success) return nested.fail(errorsFromIssues(parsed.error.issues, () => report));
    save.mutate(
      { id: registrationId, ...parsed.data },
      { onSuccess: () => nested.clear(), onError: (error) => nested.fail(errorsFromApi(error)) },
    );
  };
  return (
    <form className="form movement-form" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
      <h4 id={headingId}>{t('movement.registration.reportHeading', { unit: unitName })}</h4>
      <NestedErrorSummary
        formId={formId}
        errors={nested.errors}
        labelFor={() => t('movement.registration.report')}
        summaryRef={nested.summaryRef}
        headingLevel={5}
      />
      <Field label={t('movement.registration.review')}>
        {(p) => (
          <select
            {...p}
            className="field__input field__select"
            value={review}
            onChange={(e) => {
              const next = e.target.value as 'interim' | 'final';
              setReview(next);
              setReport(existing(next));
            }}
          >
            <option value="interim">{t('movement.launch.reviews.interim')}</option>
            <option value="final">{t('movement.launch.reviews.final')}</option>
          </select>
        )}
      </Field>
      <PathInput
        formId={formId}
        path="report"
        label={t('movement.registration.report')}
        hint={t('movement.registration.reportHint')}
        multiline
        errors={nested.errors}
        value={report}
        onChange={setReport}
      />
      <button type="submit" className="button" aria-disabled={save.isPending || undefined}>
        {t('movement.registration.saveReport')}
      </button>
      <Done text={save.isSuccess ? t('movement.registration.reportSaved') : null} />
    </form>
  );
}
