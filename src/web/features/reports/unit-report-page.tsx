import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';
import { documentNumberSchema, unitReportUpdateSchema, type UnitFigures, type UnitReport } from '../../../shared/contracts/reports.js';
import { taskStatusLabels } from '../../../shared/contracts/plans.js';
import { paths } from '../../app/paths.js';
import { Button, ButtonRow } from '../../components/button/button.js';
import { Panel } from '../../components/card/card.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { FileField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Notice, WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { formatDate, formatDateTime, formatFileSize, formatNumber, formatPeriod } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { documentUrls, reportPaths, useReportMutations, useUnitReport } from './api.js';
import { Downloads, StateTag, TimelinessTag } from './parts.js';

/** A unit's report: figures prefilled from the platform, the sections its officer writes, its files and its next step. */
export function UnitReportPage() {
  const { id = '' } = useParams();
  return (
    <Page>
      <RequireSignedIn>{() => <UnitReportView id={id} />}</RequireSignedIn>
    </Page>
  );
}

function UnitReportView({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const report = useUnitReport(id);
  if (report.isPending) return <Loading />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  return (
    <>
      <PageHeader
        title={`${localized(r.unit.name)} · ${localized(r.period.name)}`}
        documentTitle={t('reports.unitReport.pageTitle')}
        subtitle={localized(r.period.regimeName)}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('reports.mine.pageTitle'), to: reportPaths.mine },
        ]}
      />
      <SummaryList
        items={[
          { label: t('reports.common.state'), value: <StateTag state={r.state} /> },
          { label: t('reports.common.timeliness'), value: <TimelinessTag timeliness={r.timeliness} /> },
          {
            label: t('reports.common.cutoff'),
            value: t('reports.common.cutoffRange', {
              from: formatDate(r.period.cutoffFrom, locale),
              to: formatDate(r.period.cutoffTo, locale),
            }),
          },
          { label: t('reports.common.dueOn'), value: formatDate(r.period.dueOn, locale) },
          { label: t('reports.common.documentNumber'), value: r.documentNumber ?? t('reports.common.none') },
          {
            label: t('reports.common.submittedAt'),
            value: r.submittedAt ? formatDateTime(r.submittedAt, locale) : t('reports.common.none'),
          },
        ]}
      />
      {r.state === 'returned' && r.returnReason ? (
        <Notice tone="warning" title={t('reports.unitReport.returned')}>
          <p className="prewrap">{r.returnReason}</p>
        </Notice>
      ) : null}
      <Steps report={r} />
      <Figures figures={r.figures} />
      {r.canEdit ? <WriteForm report={r} /> : <Sections report={r} />}
      <Attachments report={r} />
      <Section title={t('reports.common.download')}>
        <Downloads urls={documentUrls('unit-reports', r.id)} />
      </Section>
    </>
  );
}

function Figures({ figures }: { figures: UnitFigures }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const m = figures.movement;
  return (
    <Section
      title={t('reports.unitReport.figures')}
      intro={t('reports.unitReport.figuresAsOf', { date: formatDate(figures.asOf, locale) })}
    >
      <DataTable<UnitFigures['tasks']['rows'][number]>
        name="unit-tasks"
        caption={t('reports.unitReport.tasks')}
        rows={figures.tasks.rows}
        rowKey={(row) => row.code}
        empty={<p>{t('reports.unitReport.noTasks')}</p>}
        columns={[
          { key: 'task', header: t('reports.unitReport.task'), isRowHeader: true, cell: (row) => `${row.code} — ${localized(row.title)}` },
          { key: 'due', header: t('reports.unitReport.due'), cell: (row) => (row.dueOn ? formatDate(row.dueOn, locale) : '—') },
          { key: 'progress', header: t('reports.unitReport.progress'), align: 'end', cell: (row) => `${row.progressPercent}%` },
          { key: 'status', header: t('reports.unitReport.taskStatus'), cell: (row) => localized(taskStatusLabels[row.status]) },
        ]}
      />
      <DataTable<UnitFigures['indicators'][number]>
        name="unit-indicators"
        caption={t('reports.unitReport.indicators')}
        rows={figures.indicators}
        rowKey={(row) => row.code}
        empty={<p>{t('reports.unitReport.noIndicators')}</p>}
        columns={[
          { key: 'indicator', header: t('reports.unitReport.indicator'), isRowHeader: true, cell: (row) => localized(row.name) },
          { key: 'period', header: t('reports.common.period'), cell: (row) => formatPeriod(row.period, locale) },
          {
            key: 'value',
            header: t('reports.unitReport.value'),
            align: 'end',
            cell: (row) => `${formatNumber(row.value, locale)} ${localized(row.unit)}`,
          },
        ]}
      />
      <h3>{t('reports.unitReport.movement')}</h3>
      <SummaryList
        isCompact
        items={[
          { label: t('reports.unitReport.newInitiatives'), value: formatNumber(m.newInitiatives, locale) },
          { label: t('reports.unitReport.recognised'), value: formatNumber(m.recognised, locale) },
          { label: t('reports.unitReport.awards'), value: formatNumber(m.awards, locale) },
          { label: t('reports.unitReport.replications'), value: formatNumber(m.replications, locale) },
          { label: t('reports.unitReport.registrations'), value: formatNumber(m.registrations, locale) },
          { label: t('reports.unitReport.datasets'), value: formatNumber(figures.opendata.publishedDatasets, locale) },
          { label: t('reports.unitReport.organisations'), value: formatNumber(figures.ecosystem.organisations, locale) },
        ]}
      />
    </Section>
  );
}

function Sections({ report }: { report: UnitReport }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <Section title={t('reports.unitReport.write')}>
      {report.sections.map((s) => (
        <div key={s.key}>
          <h3>{localized(s.title)}</h3>
          <p className="prewrap">{s.text || t('reports.common.none')}</p>
        </div>
      ))}
    </Section>
  );
}

function WriteForm({ report }: { report: UnitReport }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { editUnitReport } = useReportMutations();
  const initialValues: Record<string, string> = {
    ...Object.fromEntries(report.sections.map((s) => [s.key, s.text])),
    documentNumber: report.documentNumber ?? '',
  };
  const form = useForm({
    id: 'unit-report',
    initialValues,
    labels: {
      ...Object.fromEntries(report.sections.map((s) => [s.key, localized(s.title)])),
      documentNumber: t('reports.common.documentNumber'),
    },
    schema: unitReportUpdateSchema,
    serverPaths: Object.fromEntries(report.sections.map((s) => [`sections.${s.key}`, s.key])),
    toInput: (v) => ({
      sections: Object.fromEntries(report.sections.map((s) => [s.key, v[s.key] ?? ''])),
      documentNumber: v.documentNumber ? v.documentNumber : null,
    }),
    onSubmit: async (body) => {
      await editUnitReport.mutateAsync({ id: report.id, body });
      return (tr) => tr('reports.common.saved');
    },
  });
  return (
    <Panel>
      <h2 id="write-heading">{t('reports.unitReport.write')}</h2>
      <Form form={form} headingLevel={3} labelledBy="write-heading" submitLabel={t('reports.common.save')}>
        {report.sections.map((s) => (
          <TextAreaField key={s.key} form={form} name={s.key} rows={6} maxLength={20_000} isOptional />
        ))}
        <TextField form={form} name="documentNumber" hint={t('reports.common.documentNumberHint')} isOptional maxLength={60} />
      </Form>
    </Panel>
  );
}

function Attachments({ report }: { report: UnitReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { attach } = useReportMutations();
  const form = useForm({
    id: 'attach',
    initialValues: { file: null as File | null },
    labels: { file: t('reports.unitReport.file') },
    schema: z.object({ file: z.instanceof(File) }),
    onSubmit: async ({ file }) => {
      await attach.mutateAsync({ id: report.id, file });
      form.reset();
      return (tr) => tr('reports.unitReport.attached');
    },
  });
  return (
    <Section title={t('reports.unitReport.attachments')}>
      {report.attachments.length ? (
        <ul className="plain-list link-list">
          {report.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/api/reports/unit-reports/${report.id}/attachments/${a.id}`} download>
                {a.fileName}
              </a>{' '}
              <span className="muted">({formatFileSize(a.sizeBytes, locale)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('reports.unitReport.noAttachments')}</p>
      )}
      {report.canEdit ? (
        <Form form={form} headingLevel={3} submitLabel={t('reports.unitReport.attach')}>
          <FileField form={form} name="file" />
        </Form>
      ) : null}
    </Section>
  );
}

/** The next step for the caller: send (officer), submit or return (leader), accept or return (manager). */
function Steps({ report }: { report: UnitReport }) {
  const { t } = useTranslation();
  const { stepUnitReport } = useReportMutations();
  const plain = report.allowedActions.filter((a) => a === 'send' || a === 'accept');
  const returnForm = useForm({
    id: 'return',
    initialValues: { reason: '' },
    labels: { reason: t('reports.common.reason') },
    schema: z.object({ reason: z.string().trim().min(1).max(2000) }),
    onSubmit: async (body) => {
      await stepUnitReport.mutateAsync({ id: report.id, action: 'return', body });
      returnForm.reset();
      return (tr) => tr('reports.common.done');
    },
  });
  const submitForm = useForm({
    id: 'submit',
    initialValues: { documentNumber: report.documentNumber ?? '' },
    labels: { documentNumber: t('reports.common.documentNumber') },
    schema: z.object({ documentNumber: documentNumberSchema.optional() }),
    toInput: (v) => (v.documentNumber ? { documentNumber: v.documentNumber } : {}),
    onSubmit: async (body) => {
      await stepUnitReport.mutateAsync({ id: report.id, action: 'submit', body });
      return (tr) => tr('reports.common.done');
    },
  });
  if (report.allowedActions.length === 0) return null;
  return (
    <Panel title={t('reports.unitReport.steps')}>
      {plain.length ? (
        <ButtonRow>
          {plain.map((action) => (
            <Button
              key={action}
              isBusy={stepUnitReport.isPending}
              onClick={() => stepUnitReport.mutate({ id: report.id, action, body: {} })}
            >
              {t(`reports.actions.${action}`)}
            </Button>
          ))}
        </ButtonRow>
      ) : null}
      {report.allowedActions.includes('submit') ? (
        <Form form={submitForm} headingLevel={3} submitLabel={t('reports.actions.submit')}>
          <TextField form={submitForm} name="documentNumber" hint={t('reports.common.documentNumberHint')} isOptional maxLength={60} />
        </Form>
      ) : null}
      {report.allowedActions.includes('return') ? (
        <Form form={returnForm} headingLevel={3} submitLabel={t('reports.actions.return')} variant="danger">
          <TextAreaField form={returnForm} name="reason" rows={3} maxLength={2000} />
        </Form>
      ) : null}
      {stepUnitReport.isError ? <WriteError error={stepUnitReport.error} /> : null}
    </Panel>
  );
}
