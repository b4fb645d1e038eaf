import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import type { Me } from '../../../shared/contracts/identity.js';
import { importRowErrorSchema, observationBodySchema, type Observation, type WorkItem } from '../../../shared/contracts/indicators.js';
import { ApiError } from '../../api/client.js';
import { SelectField, TextField } from '../../components/form/form-field.js';
import { useForm } from '../../components/form/use-form.js';
import { ValidatedForm } from '../../components/form/validated-form.js';
import { describeError, Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { formatNumber } from '../../i18n/format.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useApproveObservation, useImportObservations, useIndicatorWork, useReturnObservation, useSubmitObservation, useUploadEvidence } from './api.js';
import { indicatorPath } from './paths.js';

const isStaff = (user: Me) =>
  user.grants.some((g) => g.role === 'unit_officer') || (user.hasSecondFactor && user.grants.some((g) => g.role === 'programme_manager' || g.role === 'administrator'));

/** Officers enter their unit's values (one by one or from a file); programme managers approve or return them. */
export function ManageIndicatorsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('indicators.manage.documentTitle'));
  return (
    <div className="container page">
      <h1>{t('indicators.manage.heading')}</h1>
      <RequireSignedIn>{(user) => (isStaff(user) ? <Workspace /> : <p>{t('indicators.manage.noAccess')}</p>)}</RequireSignedIn>
    </div>
  );
}

function Workspace() {
  const { t } = useTranslation();
  const work = useIndicatorWork(true);
  const [announcement, setAnnouncement] = useState('');
  if (work.isPending) return <Loading />;
  if (work.isError) return <QueryError error={work.error} onRetry={() => void work.refetch()} />;
  const enterable = work.data.items.filter((item) => item.canEnter);
  return (
    <>
      <MyIndicators items={work.data.items} />
      {enterable.length > 0 ? (
        <>
          <EnterValueForm items={enterable} />
          <ImportForm />
        </>
      ) : null}
      <section className="section" aria-labelledby="review-heading">
        <h2 id="review-heading">{t('indicators.manage.reviewHeading')}</h2>
        {/* Outside the list, so the announcement survives the last item leaving the queue. */}
        <p role="status" className="form__status">
          {announcement}
        </p>
        {work.data.reviewQueue.length === 0 ? <p>{t('indicators.manage.reviewEmpty')}</p> : <ReviewQueue queue={work.data.reviewQueue} onDone={setAnnouncement} />}
      </section>
    </>
  );
}

function MyIndicators({ items }: { items: WorkItem[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <section className="section" aria-labelledby="my-indicators-heading">
      <h2 id="my-indicators-heading">{t('indicators.manage.myIndicators')}</h2>
      {items.length === 0 ? (
        <p>{t('indicators.manage.noIndicators')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('indicators.manage.myIndicators')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.manage.indicator')}</th>
                <th scope="col">{t('indicators.detail.frequency')}</th>
                <th scope="col">{t('indicators.manage.missing')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={indicatorPath(item.code)}>{item.code}</Link> · {localized(item.name)}
                  </th>
                  <td>{t(`indicators.frequency.${item.frequency}`)}</td>
                  <td>
                    {item.missingPeriods.length > 0 ? (
                      <span className="tag tag--warning indicator-missing-tag">
                        {t('indicators.manage.missing')}: {item.missingPeriods.join(', ')}
                      </span>
                    ) : (
                      <span className="tag tag--success">{t('indicators.manage.upToDate')}</span>
                    )}
                    {item.pendingCount > 0 ? <span className="tag tag--info">{t('indicators.manage.pending', { count: item.pendingCount })}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const enterSchema = observationBodySchema.extend({ indicatorId: z.uuid() });

function EnterValueForm({ items }: { items: WorkItem[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const submit = useSubmitObservation();
  const upload = useUploadEvidence();
  const [status, setStatus] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<File | null>(null);
  const [evidenceKey, setEvidenceKey] = useState(0);
  const evidenceId = useId();
  const first = items[0]!;
  const initialValues = { indicatorId: first.id, period: first.missingPeriods[0] ?? '', value: '', sourceNote: '' };
  const form = useForm({
    id: 'enter-value',
    initialValues,
    labels: {
      indicatorId: t('indicators.manage.indicator'),
      period: t('indicators.manage.period'),
      value: t('indicators.manage.value'),
      sourceNote: t('indicators.manage.sourceNote'),
    },
    schema: enterSchema,
    toInput: (values) => ({
      indicatorId: values.indicatorId,
      period: values.period,
      // A blank or malformed value becomes NaN, which the schema refuses with the message below.
      value: /^-?\d+(\.\d+)?$/.test(values.value.trim()) ? Number(values.value.trim()) : Number.NaN,
      ...(values.sourceNote.trim() ? { sourceNote: values.sourceNote } : {}),
    }),
    messages: { value: (tr) => tr('indicators.manage.notANumber') },
    onSubmit: async ({ indicatorId, ...body }) => {
      setStatus(null);
      // The evidence file goes first; the value then names it.
      const attachment = evidence ? await upload.mutateAsync({ indicatorId, file: evidence }) : null;
      await submit.mutateAsync({ indicatorId, body: attachment ? { ...body, attachmentId: attachment.id } : body });
      form.reset({ ...initialValues, indicatorId });
      setEvidence(null);
      setEvidenceKey((key) => key + 1);
      setStatus(t('indicators.manage.submitted'));
    },
  });
  const selected = items.find((item) => item.id === form.values.indicatorId) ?? first;

  return (
    <section className="section" aria-labelledby="enter-heading">
      <h2 id="enter-heading">{t('indicators.manage.enterHeading')}</h2>
      <ValidatedForm form={form} headingLevel={3} submitLabel={t('indicators.manage.submit')} submittingLabel={t('indicators.manage.submitting')} status={status}>
        <SelectField form={form} name="indicatorId" options={items.map((item) => ({ value: item.id, label: `${item.code} · ${localized(item.name)}` }))} />
        <TextField form={form} name="period" width="short" maxLength={7} autoComplete="off" hint={t('indicators.manage.periodHint', { example: selected.periodExample })} />
        <TextField form={form} name="value" width="short" inputMode="text" maxLength={30} autoComplete="off" hint={`${localized(selected.unit)} · ${t('indicators.manage.valueHint')}`} />
        <TextField form={form} name="sourceNote" isOptional maxLength={2000} />
        <div className="field">
          <label htmlFor={evidenceId} className="field__label">
            {t('indicators.manage.evidence')}
            <span className="field__optional"> {t('form.optional')}</span>
          </label>
          <p id={`${evidenceId}-hint`} className="field__hint">
            {t('indicators.manage.evidenceHint')}
          </p>
          <input
            key={evidenceKey}
            id={evidenceId}
            type="file"
            className="field__input"
            aria-describedby={`${evidenceId}-hint`}
            onChange={(event) => setEvidence(event.target.files?.[0] ?? null)}
          />
        </div>
      </ValidatedForm>
    </section>
  );
}

const rowErrorsSchema = z.object({ rows: z.array(importRowErrorSchema) });

function ImportForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const fileId = useId();
  const importFile = useImportObservations();
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const rowErrors = importFile.error instanceof ApiError ? (rowErrorsSchema.safeParse(importFile.error.details).data?.rows ?? []) : [];
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    if (!file || !/\.(csv|xlsx)$/i.test(file.name)) {
      setMessage(t('indicators.manage.chooseFile'));
      return;
    }
    void importFile
      .mutateAsync(file)
      .then((result) => setMessage(t('indicators.manage.imported', { count: result.imported })))
      .catch(() => undefined);
  };

  return (
    <section className="section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('indicators.manage.importHeading')}</h2>
      <p>{t('indicators.manage.importIntro')}</p>
      <form className="form" noValidate onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor={fileId} className="field__label">
            {t('indicators.manage.file')}
          </label>
          <input id={fileId} type="file" className="field__input" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={importFile.isPending || undefined}>
            {importFile.isPending ? t('indicators.manage.importing') : t('indicators.manage.importSubmit')}
          </button>
        </div>
        <p role="status" className="form__status">
          {message ?? ''}
        </p>
      </form>
      {importFile.isError ? (
        <div className="status-message status-message--error" role="alert">
          <p>{describeError(importFile.error, locale, t)}</p>
          {rowErrors.length > 0 ? (
            <>
              <p className="status-message__title">{t('indicators.manage.rowErrors')}</p>
              <ul>
                {rowErrors.map((row) => (
                  <li key={`${row.row}-${row.column ?? ''}`}>{localized(row.message)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function ReviewQueue({ queue, onDone }: { queue: Observation[]; onDone: (text: string) => void }) {
  return (
    <ul className="plain-list card-list">
      {queue.map((observation) => (
        <li key={observation.id}>
          <ReviewItem observation={observation} onDone={onDone} />
        </li>
      ))}
    </ul>
  );
}

function ReviewItem({ observation, onDone }: { observation: Observation; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const approve = useApproveObservation();
  const giveBack = useReturnObservation();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const noteId = useId();
  const headingId = useId();
  const error = approve.error ?? giveBack.error;
  const names = { code: observation.indicatorCode, period: observation.period };

  const handleReturn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (note.trim().length < 3) {
      setNoteError(t('indicators.manage.reasonRequired'));
      return;
    }
    setNoteError(null);
    void giveBack
      .mutateAsync({ id: observation.id, note: note.trim() })
      .then(() => onDone(t('indicators.manage.returned', names)))
      .catch(() => undefined);
  };

  return (
    <article className="card review-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {observation.indicatorCode} · {observation.period} · {t('indicators.manage.revision', { revision: observation.revision })}
      </h3>
      <p>{localized(observation.indicatorName)}</p>
      <p className="review-item__value">{`${formatNumber(observation.value, locale)} ${localized(observation.unit)}`}</p>
      {observation.sourceNote ? <p className="muted">{observation.sourceNote}</p> : null}
      <p className="muted">
        {t('indicators.manage.enteredBy')}: {observation.enteredBy?.displayName ?? '—'}
      </p>
      {error ? <QueryError error={error} /> : null}
      {observation.canReview ? (
        <div className="review-item__actions">
          <button
            type="button"
            className="button"
            aria-disabled={approve.isPending || undefined}
            onClick={() =>
              void approve
                .mutateAsync(observation.id)
                .then(() => onDone(t('indicators.manage.approved', names)))
                .catch(() => undefined)
            }
          >
            {t('indicators.manage.approve')}
          </button>
          <form className="review-item__return" noValidate onSubmit={handleReturn}>
            <div className={`field${noteError ? ' field--error' : ''}`}>
              <label htmlFor={noteId} className="field__label">
                {t('indicators.manage.returnLabel')}
              </label>
              {noteError ? (
                <p id={`${noteId}-error`} className="field__error">
                  {noteError}
                </p>
              ) : null}
              <input
                id={noteId}
                className="field__input"
                value={note}
                maxLength={2000}
                onChange={(event) => setNote(event.target.value)}
                aria-invalid={noteError ? true : undefined}
                aria-describedby={noteError ? `${noteId}-error` : undefined}
              />
            </div>
            <button type="submit" className="button button--secondary" aria-disabled={giveBack.isPending || undefined}>
              {t('indicators.manage.returnSubmit')}
            </button>
          </form>
        </div>
      ) : (
        <p className="muted">{t('indicators.manage.ownValue')}</p>
      )}
    </article>
  );
}
