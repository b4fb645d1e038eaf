import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { documentNumberSchema, unitReportUpdateSchema, type UnitFigures, type UnitReport } from '../../../shared/contracts/reports.js';
import { taskStatusLabels } from '../../../shared/contracts/plans.js';
import { Panel } from '../../components/card/card.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { FileField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Notice } from '../../components/notice/notice.js';
import { Section } from '../../components/page/page.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { formatDate, formatDateTime, formatFileSize, formatNumber, formatPeriod } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { documentUrls, reportPaths, useReportMutations, useUnitReport } from './api.js';
import { StateTag, TimelinessTag } from './parts.js';
import { DownloadsSection, FiguresSection, ReportHeader, ReportPage } from './report-page.js';
import { SectionFields, SectionTexts, sectionForm } from './report-sections.js';
import { ReportSteps } from './report-steps.js';

/** A unit's report: figures prefilled from the platform, the sections its officer writes, its files and its next step. */
export function UnitReportPage() {
  return <ReportPage useReport={useUnitReport}>{(report) => <UnitReportView report={report} />}</ReportPage>;
}

function UnitReportView({ report: r }: { report: UnitReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <>
      <ReportHeader
        title={`${localized(r.unit.name)} · ${localized(r.period.name)}`}
        documentTitle={t('reports.unitReport.pageTitle')}
        regimeName={r.period.regimeName}
        trail={[{ label: t('reports.mine.pageTitle'), to: reportPaths.mine }]}
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
      <DownloadsSection urls={documentUrls('unit-reports', r.id)} />
    </>
  );
}

function Figures({ figures }: { figures: UnitFigures }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const m = figures.movement;
  return (
    <FiguresSection asOf={figures.asOf}>
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
    </FiguresSection>
  );
}

function Sections({ report }: { report: UnitReport }) {
  const { t } = useTranslation();
  return (
    <Section title={t('reports.unitReport.write')}>
      <SectionTexts sections={report.sections} />
    </Section>
  );
}

function WriteForm({ report }: { report: UnitReport }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { editUnitReport } = useReportMutations();
  const sections = sectionForm(report.sections, localized);
  const initialValues: Record<string, string> = { ...sections.values, documentNumber: report.documentNumber ?? '' };
  const form = useForm({
    id: 'unit-report',
    initialValues,
    labels: { ...sections.labels, documentNumber: t('reports.common.documentNumber') },
    schema: unitReportUpdateSchema,
    serverPaths: sections.serverPaths,
    toInput: (v) => ({
      sections: sections.toInput(v),
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
        <SectionFields form={form} sections={report.sections} rows={6} maxLength={20_000} />
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
  return (
    <ReportSteps report={report} step={stepUnitReport} oneClick={report.allowedActions.filter((a) => a === 'send' || a === 'accept')}>
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
    </ReportSteps>
  );
}
