import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  commentBodySchema,
  extensionRequestBodySchema,
  progressReportBodySchema,
  taskPriorityLabels,
  type TaskDetail,
} from '../../../shared/contracts/plans.js';
import { SelectField, TextField } from '../../components/form/form-field.js';
import { useForm } from '../../components/form/use-form.js';
import { ValidatedForm } from '../../components/form/validated-form.js';
import { Loading, QueryError, describeError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useAddComment, useDecideExtension, useFileReport, useRequestExtension, useTask, useUploadProductFile } from './api.js';
import { PlanField } from './fields.js';
import { planPaths } from './paths.js';
import { ProgressBar, StatusBadge } from './status-badge.js';
import { TaskTable } from './task-list-page.js';

/** One task: what was assigned, its status, and its full history of reports, extensions and comments. */
export function TaskPage() {
  const { t } = useTranslation();
  const { taskId = '' } = useParams();
  const task = useTask(taskId);
  const localized = useLocalized();
  useDocumentTitle(t('app.pageTitle', { page: task.data ? `${task.data.code} — ${localized(task.data.title)}` : t('plans.taskHeading') }));
  if (task.isPending)
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  if (task.isError)
    return (
      <div className="container page">
        <QueryError error={task.error} onRetry={() => void task.refetch()} />
      </div>
    );
  return <TaskView task={task.data} />;
}

function TaskView({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const date = (value: string | null) => (value ? formatDate(value, locale) : t('plans.noDeadline'));
  return (
    <div className="container page">
      <p>
        <Link to={planPaths.plan(task.planCode)}>{task.planCode}</Link>
      </p>
      <h1>
        <span className="plan__code">{task.code}</span> {localized(task.title)}
      </h1>
      <p className="task-page__status">
        <StatusBadge status={task.status} isDueSoon={task.isDueSoon} />{' '}
        <ProgressBar percent={task.progressPercent} label={t('plans.taskProgress', { code: task.code })} />
      </p>
      <dl className="task-facts">
        <dt>{t('plans.columns.leadUnit')}</dt>
        <dd>{localized(task.leadUnit.name)}</dd>
        <dt>{t('plans.cooperatingUnits')}</dt>
        <dd>{task.cooperatingUnits.length ? task.cooperatingUnits.map((u) => localized(u.name)).join(', ') : t('plans.none')}</dd>
        <dt>{t('plans.startOn')}</dt>
        <dd>{task.startOn ? formatDate(task.startOn, locale) : t('plans.none')}</dd>
        <dt>{t('plans.columns.dueOn')}</dt>
        <dd>
          {date(task.dueOn)}
          {task.originalDueOn && task.originalDueOn !== task.dueOn
            ? ` (${t('plans.originalDueOn', { date: formatDate(task.originalDueOn, locale) })})`
            : null}
        </dd>
        {task.completedOn ? (
          <>
            <dt>{t('plans.completedOn')}</dt>
            <dd>{formatDate(task.completedOn, locale)}</dd>
          </>
        ) : null}
        <dt>{t('plans.product')}</dt>
        <dd>{localized(task.product) || t('plans.none')}</dd>
        <dt>{t('plans.priority')}</dt>
        <dd>{localized(taskPriorityLabels[task.priority])}</dd>
        {task.indicatorCodes.length ? (
          <>
            <dt>{t('plans.indicators')}</dt>
            <dd>{task.indicatorCodes.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {localized(task.description) ? <p>{localized(task.description)}</p> : null}
      {task.subTasks.length ? (
        <section className="section" aria-labelledby="subtasks-heading">
          <h2 id="subtasks-heading">{t('plans.subTasks')}</h2>
          <TaskTable tasks={task.subTasks} />
        </section>
      ) : null}
      <ReportsSection task={task} />
      <ExtensionsSection task={task} />
      <CommentsSection task={task} />
    </div>
  );
}

function ReportsSection({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  // Outside the form: a 100 % report closes the task and the form goes away, the confirmation stays.
  const [isFiled, setIsFiled] = useState(false);
  return (
    <section className="section" aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t('plans.reports.heading')}</h2>
      {task.reports.length === 0 ? <p>{t('plans.reports.none')}</p> : null}
      <ol className="plain-list history">
        {task.reports.map((report) => (
          <li key={report.id} className="history__item">
            <p className="history__meta">
              {formatDate(report.createdAt, locale)} · {localized(report.unit.name)}
              {report.authorName ? ` · ${report.authorName}` : ''} · {t('plans.reports.period')}: {report.period} · {report.percent} %
            </p>
            <p>{report.narrative}</p>
            {report.contributions.length ? (
              <ul>
                {report.contributions.map((c) => (
                  <li key={c.unit.id}>
                    {localized(c.unit.name)}: {c.note}
                  </li>
                ))}
              </ul>
            ) : null}
            {report.attachments.length ? (
              <ul className="plain-list">
                {report.attachments.map((file) => (
                  <li key={file.id}>
                    <a href={file.url}>{t('plans.reports.download', { name: file.fileName })}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {task.can.report ? <ReportForm task={task} onFiled={() => setIsFiled(true)} /> : null}
      <p role="status" className="form__status">
        {isFiled ? t('plans.reports.filed') : ''}
      </p>
    </section>
  );
}

function ReportForm({ task, onFiled }: { task: TaskDetail; onFiled: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const upload = useUploadProductFile(task.id);
  const fileReport = useFileReport(task.id);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useForm({
    id: 'report',
    initialValues: { period: '', percent: String(task.progressPercent), narrative: '' },
    labels: { period: t('plans.reports.period'), percent: t('plans.reports.percent'), narrative: t('plans.reports.narrative') },
    schema: progressReportBodySchema,
    toInput: (v) => ({ period: v.period, percent: v.percent.trim() === '' ? Number.NaN : Number(v.percent), narrative: v.narrative }),
    onSubmit: async (body) => {
      setFileError(null);
      const file = fileInput.current?.files?.[0];
      let attachmentIds: string[] = [];
      if (file) {
        try {
          attachmentIds = [(await upload.mutateAsync(file)).id];
        } catch (error) {
          setFileError(describeError(error, locale, t));
          throw error;
        }
      }
      await fileReport.mutateAsync({ ...body, attachmentIds });
      form.reset();
      if (fileInput.current) fileInput.current.value = '';
      onFiled();
    },
  });
  return (
    <>
      <h3 id="report-form-heading">{t('plans.reports.formHeading')}</h3>
      <ValidatedForm form={form} headingLevel={3} labelledBy="report-form-heading" submitLabel={t('plans.reports.submit')}>
        <TextField form={form} name="period" hint={t('plans.reports.periodHint')} maxLength={40} width="short" />
        <PlanField form={form} name="percent" kind="number" min={0} max={100} />
        <PlanField form={form} name="narrative" kind="textarea" />
        <div className={`field${fileError ? ' field--error' : ''}`}>
          <label htmlFor={fileId} className="field__label">
            {t('plans.reports.file')} <span className="field__optional">{t('form.optional')}</span>
          </label>
          <div id={`${fileId}-hint`} className="field__hint">
            {t('plans.reports.fileHint')}
          </div>
          {fileError ? (
            <p id={`${fileId}-error`} className="field__error">
              {fileError}
            </p>
          ) : null}
          <input
            id={fileId}
            ref={fileInput}
            type="file"
            name="file"
            className="field__file"
            aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
          />
        </div>
      </ValidatedForm>
    </>
  );
}

function ExtensionsSection({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  if (task.extensions.length === 0 && !task.can.requestExtension) return null;
  return (
    <section className="section" aria-labelledby="extensions-heading">
      <h2 id="extensions-heading">{t('plans.extensions.heading')}</h2>
      <ol className="plain-list history">
        {task.extensions.map((e) => (
          <li key={e.id} className="history__item">
            <p className="history__meta">
              {formatDate(e.createdAt, locale)} · {localized(e.unit.name)} · {t(`plans.extensions.kind.${e.kind}`)} ·{' '}
              {t(`plans.extensions.status.${e.status}`)}
            </p>
            {e.requestedDueOn ? (
              <p>
                {t('plans.extensions.requested', {
                  from: e.currentDueOn ? formatDate(e.currentDueOn, locale) : '—',
                  to: formatDate(e.requestedDueOn, locale),
                })}
              </p>
            ) : null}
            <p>{e.reason}</p>
            {e.decisionDocument || e.decisionNote ? <p>{[e.decisionDocument, e.decisionNote].filter(Boolean).join(' · ')}</p> : null}
            {e.status === 'pending' && task.can.decide ? <DecisionButtons extensionId={e.id} /> : null}
          </li>
        ))}
      </ol>
      {task.can.requestExtension ? <ExtensionForm task={task} /> : null}
    </section>
  );
}

function DecisionButtons({ extensionId }: { extensionId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const decide = useDecideExtension();
  const documentId = useId();
  const [document, setDocument] = useState('');
  return (
    <div className="extension-decision">
      <div className="field">
        <label className="field__label" htmlFor={documentId}>
          {t('plans.extensions.document')} <span className="field__optional">{t('form.optional')}</span>
        </label>
        <input id={documentId} className="field__input" value={document} maxLength={200} onChange={(e) => setDocument(e.target.value)} />
      </div>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={() => decide.mutate({ id: extensionId, decision: 'approved', document, note: '' })}
        >
          {t('plans.extensions.approve')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => decide.mutate({ id: extensionId, decision: 'rejected', document, note: '' })}
        >
          {t('plans.extensions.reject')}
        </button>
      </div>
      {decide.isError ? <p role="alert">{describeError(decide.error, locale, t)}</p> : null}
    </div>
  );
}

function ExtensionForm({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const request = useRequestExtension(task.id);
  const [done, setDone] = useState(false);
  const form = useForm({
    id: 'extension',
    initialValues: { kind: 'postpone', requestedDueOn: '', reason: '' },
    labels: { kind: t('plans.extensions.kindLabel'), requestedDueOn: t('plans.extensions.newDueOn'), reason: t('plans.extensions.reason') },
    schema: extensionRequestBodySchema,
    toInput: (v) => ({ kind: v.kind, requestedDueOn: v.requestedDueOn === '' ? null : v.requestedDueOn, reason: v.reason }),
    onSubmit: async (body) => {
      await request.mutateAsync(body);
      form.reset();
      setDone(true);
    },
  });
  return (
    <>
      <h3 id="extension-form-heading">{t('plans.extensions.formHeading')}</h3>
      <ValidatedForm
        form={form}
        headingLevel={3}
        labelledBy="extension-form-heading"
        submitLabel={t('plans.extensions.submit')}
        status={done ? t('plans.extensions.sent') : null}
      >
        <SelectField
          form={form}
          name="kind"
          options={[
            { value: 'postpone', label: t('plans.extensions.kind.postpone') },
            { value: 'withdraw', label: t('plans.extensions.kind.withdraw') },
          ]}
        />
        <PlanField form={form} name="requestedDueOn" kind="date" isOptional />
        <PlanField form={form} name="reason" kind="textarea" />
      </ValidatedForm>
    </>
  );
}

function CommentsSection({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddComment(task.id);
  const form = useForm({
    id: 'comment',
    initialValues: { body: '' },
    labels: { body: t('plans.comments.body') },
    schema: commentBodySchema,
    onSubmit: async (body) => {
      await add.mutateAsync(body);
      form.reset();
    },
  });
  return (
    <section className="section" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('plans.comments.heading')}</h2>
      {task.comments.length === 0 ? <p>{t('plans.comments.none')}</p> : null}
      <ol className="plain-list history">
        {task.comments.map((c) => (
          <li key={c.id} className="history__item">
            <p className="history__meta">
              {c.authorName ?? t('plans.comments.someone')} · {formatDate(c.createdAt, locale)}
            </p>
            <p>{c.body}</p>
          </li>
        ))}
      </ol>
      {task.can.comment ? (
        <ValidatedForm form={form} headingLevel={3} submitLabel={t('plans.comments.submit')}>
          <PlanField form={form} name="body" kind="textarea" />
        </ValidatedForm>
      ) : null}
    </section>
  );
}
