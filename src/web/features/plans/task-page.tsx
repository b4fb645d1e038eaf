import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  commentBodySchema,
  extensionRequestBodySchema,
  progressReportBodySchema,
  taskPriorityLabels,
  type TaskDetail,
} from '../../../shared/contracts/plans.js';
import { paths } from '../../app/paths.js';
import { Localized, vietnameseContent } from '../../components/content-language/content-language.js';
import { Button, ButtonRow } from '../../components/button/button.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledInput } from '../../components/form/field-shell.js';
import { DateField, FileField, NumberField, SelectField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { FieldRequestError } from '../../components/form/server-errors.js';
import { useForm } from '../../components/form/use-form.js';
import { WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Progress } from '../../components/progress/progress.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { useToast } from '../../components/toast/toast.js';
import { formatDate, formatDateTime, formatPercent } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useAddComment, useDecideExtension, useFileReport, useRequestExtension, useTask, useUploadProductFile } from './api.js';
import { planPaths } from './paths.js';
import { TaskStatusTag } from './status-tag.js';
import { EditTaskLink, LifecycleSection } from './task-lifecycle.js';
import { TaskTable } from './task-list-page.js';
import styles from './plans.module.css';

/** One task: what was assigned, its status, and its full history of reports, extensions and comments. */
export function TaskPage() {
  const { t } = useTranslation();
  const { taskId = '' } = useParams();
  const task = useTask(taskId);
  if (task.isPending || task.isError) {
    return (
      <Page>
        <PageHeader title={t('plans.taskHeading')} />
        {task.isPending ? <Loading /> : <QueryError error={task.error} onRetry={() => void task.refetch()} />}
      </Page>
    );
  }
  return <TaskView task={task.data} />;
}

function TaskView({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const none = t('plans.none');
  return (
    <Page>
      <PageHeader
        title={`${task.code} · ${localized(task.title)}`}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('plans.plansHeading'), to: planPaths.plans },
          { label: task.planCode, to: planPaths.plan(task.planCode) },
        ]}
        meta={
          <p className="cluster" data-task-status="">
            <TaskStatusTag status={task.status} isDueSoon={task.isDueSoon} />
            <Progress percent={task.progressPercent} label={t('plans.taskProgress', { code: task.code })} />
            <EditTaskLink task={task} />
          </p>
        }
      />
      <SummaryList
        items={[
          { label: t('plans.columns.leadUnit'), value: localized(task.leadUnit.name) },
          {
            label: t('plans.cooperatingUnits'),
            value: task.cooperatingUnits.length ? task.cooperatingUnits.map((u) => localized(u.name)).join(', ') : none,
          },
          { label: t('plans.startOn'), value: task.startOn ? formatDate(task.startOn, locale) : none },
          {
            label: t('plans.columns.dueOn'),
            value: `${task.dueOn ? formatDate(task.dueOn, locale) : t('plans.noDeadline')}${
              task.originalDueOn && task.originalDueOn !== task.dueOn
                ? ` (${t('plans.originalDueOn', { date: formatDate(task.originalDueOn, locale) })})`
                : ''
            }`,
          },
          task.completedOn ? { label: t('plans.completedOn'), value: formatDate(task.completedOn, locale) } : null,
          task.lifecycleReason
            ? {
                label: t(`plans.lifecycle.reasonLabel.${task.lifecycle}`),
                value: <span {...vietnameseContent}>{task.lifecycleReason}</span>,
              }
            : null,
          { label: t('plans.product'), value: localized(task.product) ? <Localized text={task.product} /> : none },
          { label: t('plans.priority'), value: localized(taskPriorityLabels[task.priority]) },
          task.indicatorCodes.length ? { label: t('plans.indicators'), value: task.indicatorCodes.join(', ') } : null,
        ]}
      />
      {localized(task.description) ? (
        <p className="prewrap">
          <Localized text={task.description} />
        </p>
      ) : null}
      {task.subTasks.length ? (
        <Section title={t('plans.subTasks')}>
          <TaskTable tasks={task.subTasks} caption={t('plans.subTasks')} />
        </Section>
      ) : null}
      <ReportsSection task={task} />
      <ExtensionsSection task={task} />
      <LifecycleSection task={task} />
      <CommentsSection task={task} />
    </Page>
  );
}

function ReportsSection({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <Section title={t('plans.reports.heading')}>
      {task.reports.length === 0 ? (
        <EmptyState title={t('plans.reports.none')}>{task.can.report ? t('plans.reports.noneNext') : null}</EmptyState>
      ) : null}
      <ol className={styles.history}>
        {task.reports.map((report) => (
          <li key={report.id}>
            <p className={styles.meta}>
              {formatDateTime(report.createdAt, locale)} · {localized(report.unit.name)}
              {report.authorName ? ` · ${report.authorName}` : ''} · {t('plans.reports.period')}: {report.period} ·{' '}
              {formatPercent(report.percent, locale, 0)}
            </p>
            <p className="prewrap" {...vietnameseContent}>
              {report.narrative}
            </p>
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
      {task.can.report ? <ReportForm task={task} /> : null}
    </Section>
  );
}

function ReportForm({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const upload = useUploadProductFile(task.id);
  const fileReport = useFileReport(task.id);
  const form = useForm({
    id: 'report',
    initialValues: { period: '', percent: String(task.progressPercent), narrative: '', file: null as File | null },
    labels: {
      period: t('plans.reports.period'),
      percent: t('plans.reports.percent'),
      narrative: t('plans.reports.narrative'),
      file: t('plans.reports.file'),
    },
    schema: progressReportBodySchema,
    toInput: (v, read) => ({ period: v.period, percent: read.number(v.percent), narrative: v.narrative }),
    onSubmit: async (body, values) => {
      let attachmentIds: string[] = [];
      if (values.file) {
        try {
          attachmentIds = [(await upload.mutateAsync(values.file)).id];
        } catch (error) {
          throw new FieldRequestError('file', error);
        }
      }
      await fileReport.mutateAsync({ ...body, attachmentIds });
      // The form keeps the percentage just reported: the next report starts from it.
      form.reset({ period: '', percent: String(body.percent), narrative: '', file: null });
      return (tr) => tr('plans.reports.filed');
    },
  });
  return (
    <>
      <h3 id="report-form-heading">{t('plans.reports.formHeading')}</h3>
      <Form form={form} headingLevel={3} labelledBy="report-form-heading" submitLabel={t('plans.reports.submit')}>
        <TextField form={form} name="period" hint={t('plans.reports.periodHint')} maxLength={40} width="short" />
        <NumberField form={form} name="percent" unit="%" maxLength={3} />
        <TextAreaField form={form} name="narrative" rows={5} />
        <FileField form={form} name="file" isOptional hint={t('plans.reports.fileHint')} />
      </Form>
    </>
  );
}

function ExtensionsSection({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  if (task.extensions.length === 0 && !task.can.requestExtension) return null;
  return (
    <Section title={t('plans.extensions.heading')}>
      <ol className={styles.history}>
        {task.extensions.map((e) => (
          <li key={e.id}>
            <p className={styles.meta}>
              {formatDateTime(e.createdAt, locale)} · {localized(e.unit.name)} · {t(`plans.extensions.kind.${e.kind}`)} ·{' '}
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
            <p className="prewrap" {...vietnameseContent}>
              {e.reason}
            </p>
            {e.decisionDocument || e.decisionNote ? <p>{[e.decisionDocument, e.decisionNote].filter(Boolean).join(' · ')}</p> : null}
            {e.status === 'pending' && task.can.decide ? <DecisionButtons extensionId={e.id} /> : null}
          </li>
        ))}
      </ol>
      {task.can.requestExtension ? <ExtensionForm task={task} /> : null}
    </Section>
  );
}

/** The manager's decision on a request: an optional decision document, then agree or refuse. */
function DecisionButtons({ extensionId }: { extensionId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const decide = useDecideExtension();
  const [document, setDocument] = useState('');
  const send = (decision: 'approved' | 'rejected') =>
    decide.mutate(
      { id: extensionId, decision, document, note: '' },
      { onSuccess: () => toast.show((tr) => tr(`plans.extensions.status.${decision}`)) },
    );
  return (
    <>
      <LabelledInput
        label={t('plans.extensions.document')}
        value={document}
        maxLength={200}
        onChange={(e) => setDocument(e.target.value)}
      />
      <ButtonRow>
        <Button isBusy={decide.isPending} onClick={() => send('approved')}>
          {t('plans.extensions.approve')}
        </Button>
        <Button variant="secondary" isBusy={decide.isPending} onClick={() => send('rejected')}>
          {t('plans.extensions.reject')}
        </Button>
      </ButtonRow>
      <WriteError error={decide.error} />
    </>
  );
}

function ExtensionForm({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const request = useRequestExtension(task.id);
  const form = useForm({
    id: 'extension',
    initialValues: { kind: 'postpone', requestedDueOn: '', reason: '' },
    labels: { kind: t('plans.extensions.kindLabel'), requestedDueOn: t('plans.extensions.newDueOn'), reason: t('plans.extensions.reason') },
    schema: extensionRequestBodySchema,
    toInput: (v) => ({ kind: v.kind, requestedDueOn: v.requestedDueOn === '' ? null : v.requestedDueOn, reason: v.reason }),
    onSubmit: async (body) => {
      await request.mutateAsync(body);
      form.reset();
      return (tr) => tr('plans.extensions.sent');
    },
  });
  return (
    <>
      <h3 id="extension-form-heading">{t('plans.extensions.formHeading')}</h3>
      <Form form={form} headingLevel={3} labelledBy="extension-form-heading" submitLabel={t('plans.extensions.submit')}>
        <SelectField
          form={form}
          name="kind"
          options={[
            { value: 'postpone', label: t('plans.extensions.kind.postpone') },
            { value: 'withdraw', label: t('plans.extensions.kind.withdraw') },
          ]}
        />
        <DateField form={form} name="requestedDueOn" isOptional />
        <TextAreaField form={form} name="reason" rows={4} />
      </Form>
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
      return (tr) => tr('plans.comments.sent');
    },
  });
  return (
    <Section title={t('plans.comments.heading')}>
      {task.comments.length === 0 ? <p className="muted">{t('plans.comments.none')}</p> : null}
      <ol className={styles.history}>
        {task.comments.map((c) => (
          <li key={c.id}>
            <p className={styles.meta}>
              {c.authorName ?? t('plans.comments.someone')} · {formatDateTime(c.createdAt, locale)}
            </p>
            <p className="prewrap" {...vietnameseContent}>
              {c.body}
            </p>
          </li>
        ))}
      </ol>
      {task.can.comment ? (
        <Form form={form} headingLevel={3} submitLabel={t('plans.comments.submit')}>
          <TextAreaField form={form} name="body" rows={3} />
        </Form>
      ) : null}
    </Section>
  );
}
