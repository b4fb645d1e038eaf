import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import {
  commentInputSchema,
  compiledUpdateSchema,
  documentNumberSchema,
  indicatorStatusNames,
  signerCapacities,
  type CityFigures,
  type CompiledReport,
} from '../../../shared/contracts/reports.js';
import { isoDateSchema } from '../../../shared/contracts/dates.js';
import { Panel } from '../../components/card/card.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { RepeatingRows } from '../../components/form/repeating-rows.js';
import { useForm } from '../../components/form/use-form.js';
import { Notice } from '../../components/notice/notice.js';
import { Section } from '../../components/page/page.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { formatDate, formatDateTime, formatNumber, formatPeriod } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { documentUrls, reportPaths, useCompiled, useReportMutations } from './api.js';
import { CompiledStateTag, TallyTable } from './parts.js';
import { DownloadsSection, FiguresSection, ReportHeader, ReportPage } from './report-page.js';
import { SectionFields, SectionTexts, sectionForm } from './report-sections.js';
import { ReportSteps } from './report-steps.js';

/** The city's compiled report: figures and the units' narratives, edited as a draft, approved and issued by a leader, then published. */
export function CompiledPage() {
  return (
    <ReportPage width="wide" useReport={useCompiled}>
      {(report) => <CompiledView report={report} />}
    </ReportPage>
  );
}

function CompiledView({ report: c }: { report: CompiledReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <>
      <ReportHeader
        title={t('reports.compiled.heading', { period: localized(c.period.name), revision: c.revision })}
        documentTitle={t('reports.compiled.pageTitle')}
        regimeName={c.period.regimeName}
        trail={[
          { label: t('reports.regimes.pageTitle'), to: reportPaths.regimes },
          { label: t('reports.board.pageTitle'), to: reportPaths.board(c.period.id) },
        ]}
      />
      <SummaryList
        items={[
          { label: t('reports.common.state'), value: <CompiledStateTag state={c.state} /> },
          { label: t('reports.published.issuedBy'), value: c.issuer },
          { label: t('reports.common.documentNumber'), value: c.documentNumber ?? t('reports.common.none') },
          { label: t('reports.compiled.issuedOn'), value: c.issuedOn ? formatDate(c.issuedOn, locale) : t('reports.common.none') },
          c.publishedAt ? { label: t('reports.compiledStates.published'), value: formatDateTime(c.publishedAt, locale) } : null,
          c.supersedesId
            ? {
                label: t('reports.board.revision', { revision: c.revision - 1 }),
                value: <Link to={reportPaths.compiled(c.supersedesId)}>{t('reports.common.open')}</Link>,
              }
            : null,
        ]}
      />
      {c.state === 'issued' || c.state === 'published' ? <Notice tone="info">{t('reports.compiled.frozen')}</Notice> : null}
      <Steps report={c} />
      {c.canEdit ? <EditForm report={c} /> : <ReadOnly report={c} />}
      <Figures figures={c.figures} />
      <Comments report={c} />
      <DownloadsSection urls={documentUrls('compiled', c.id)} />
    </>
  );
}

function ReadOnly({ report }: { report: CompiledReport }) {
  const { t } = useTranslation();
  return (
    <Section title={t('reports.compiled.sections')}>
      <h3>{t('reports.compiled.summary')}</h3>
      <p className="prewrap">{report.summary || t('reports.common.none')}</p>
      <SectionTexts sections={report.sections} />
    </Section>
  );
}

/** The draft's form: fixed fields, a text per section (keyed by the section) and the recipients as rows. */
type DraftValues = {
  summary: string;
  capacity: string;
  onBehalfOf: string;
  position: string;
  name: string;
  recipients: Array<{ text: string }>;
  [section: string]: string | Array<{ text: string }>;
};

function EditForm({ report }: { report: CompiledReport }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { editCompiled } = useReportMutations();
  const sections = sectionForm(report.sections, localized);
  const form = useForm({
    id: 'compiled',
    initialValues: {
      summary: report.summary,
      ...sections.values,
      capacity: report.signature.capacity ?? '',
      onBehalfOf: report.signature.onBehalfOf,
      position: report.signature.position,
      name: report.signature.name,
      recipients: report.recipients.map((text) => ({ text })),
    } as DraftValues,
    labels: {
      summary: t('reports.compiled.summary'),
      ...sections.labels,
      capacity: t('reports.compiled.capacity'),
      onBehalfOf: t('reports.compiled.onBehalfOf'),
      position: t('reports.compiled.position'),
      name: t('reports.compiled.signerName'),
      recipients: {
        label: t('reports.compiled.recipients'),
        row: (n: number) => t('reports.compiled.recipientN', { n }),
        fields: { text: t('reports.compiled.recipients') },
      },
    } as never,
    schema: compiledUpdateSchema,
    serverPaths: {
      ...sections.serverPaths,
      'signature.capacity': 'capacity',
      'signature.onBehalfOf': 'onBehalfOf',
      'signature.position': 'position',
      'signature.name': 'name',
    },
    toInput: (v) => ({
      summary: v.summary,
      sections: sections.toInput(v),
      signature: { capacity: v.capacity || null, onBehalfOf: v.onBehalfOf, position: v.position, name: v.name },
      recipients: v.recipients.map((r) => r.text),
    }),
    onSubmit: async (body) => {
      await editCompiled.mutateAsync({ id: report.id, body });
      return (tr) => tr('reports.common.saved');
    },
  });
  return (
    <Panel>
      <h2 id="compiled-heading">{t('reports.compiled.sections')}</h2>
      <Form form={form} headingLevel={3} labelledBy="compiled-heading" submitLabel={t('reports.common.save')}>
        <TextAreaField form={form} name="summary" hint={t('reports.compiled.summaryHint')} rows={3} maxLength={4000} isOptional />
        <SectionFields form={form} sections={report.sections} rows={8} maxLength={200_000} />
        <SelectField
          form={form}
          name="capacity"
          options={signerCapacities.map((c) => ({ value: c, label: c }))}
          emptyOption="—"
          isOptional
        />
        <TextField form={form} name="onBehalfOf" maxLength={200} isOptional />
        <TextField form={form} name="position" maxLength={200} />
        <TextField form={form} name="name" maxLength={200} isOptional />
        <RepeatingRows form={form} name="recipients" newRow={() => ({ text: '' })} addLabel={t('reports.compiled.addRecipient')}>
          {(row) => <TextField form={form} name={row.path('text')} maxLength={300} />}
        </RepeatingRows>
      </Form>
    </Panel>
  );
}

function Figures({ figures }: { figures: CityFigures }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const target = (row: CityFigures['indicators'][number]) => {
    if (!row.target) return '—';
    const { min, max } = row.target;
    if (min !== null && max !== null && min !== max) return `${formatNumber(min, locale)}–${formatNumber(max, locale)}`;
    const value = min ?? max;
    return value === null ? '—' : formatNumber(value, locale);
  };
  return (
    <FiguresSection asOf={figures.asOf}>
      <TallyTable
        name="by-group"
        caption={t('reports.compiled.tasksByGroup')}
        first={t('reports.compiled.tasksByGroup')}
        rows={figures.tasksByGroup}
      />
      <TallyTable name="by-unit" caption={t('reports.compiled.tasksByUnit')} first={t('reports.common.unit')} rows={figures.tasksByUnit} />
      <DataTable<CityFigures['indicators'][number]>
        name="indicators"
        caption={t('reports.compiled.indicators')}
        rows={figures.indicators}
        rowKey={(row) => row.code}
        columns={[
          { key: 'name', header: t('reports.unitReport.indicator'), isRowHeader: true, cell: (row) => localized(row.name) },
          {
            key: 'latest',
            header: t('reports.compiled.latest'),
            align: 'end',
            cell: (row) =>
              row.latest
                ? `${formatNumber(row.latest.value, locale)} ${localized(row.unit)} (${formatPeriod(row.latest.period, locale)})`
                : '—',
          },
          { key: 'target', header: t('reports.compiled.target'), align: 'end', cell: target },
          {
            key: 'status',
            header: t('reports.compiled.status'),
            cell: (row) => (indicatorStatusNames[row.status] ? localized(indicatorStatusNames[row.status]!) : '—'),
          },
        ]}
      />
    </FiguresSection>
  );
}

function Comments({ report }: { report: CompiledReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const { comment } = useReportMutations();
  const isOpen = report.state === 'draft' || report.state === 'approved';
  const form = useForm({
    id: 'comment',
    initialValues: { sectionKey: '', body: '' },
    labels: { sectionKey: t('reports.compiled.commentSection'), body: t('reports.compiled.comment') },
    schema: commentInputSchema,
    toInput: (v) => ({ sectionKey: v.sectionKey || null, body: v.body }),
    onSubmit: async (body) => {
      await comment.mutateAsync({ id: report.id, body });
      form.reset();
      return (tr) => tr('reports.compiled.commented');
    },
  });
  const titleOf = (key: string | null) => {
    const section = report.sections.find((s) => s.key === key);
    return section ? localized(section.title) : t('reports.compiled.wholeReport');
  };
  return (
    <Section title={t('reports.compiled.comments')}>
      {report.comments.length ? (
        <ul className="plain-list">
          {report.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author}</strong> · {titleOf(c.sectionKey)} · <span className="muted">{formatDateTime(c.createdAt, locale)}</span>
              <p className="prewrap">{c.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('reports.compiled.noComments')}</p>
      )}
      {isOpen ? (
        <Form form={form} headingLevel={3} submitLabel={t('reports.compiled.addComment')}>
          <SelectField
            form={form}
            name="sectionKey"
            options={report.sections.map((s) => ({ value: s.key, label: localized(s.title) }))}
            emptyOption={t('reports.compiled.wholeReport')}
            isOptional
          />
          <TextAreaField form={form} name="body" rows={3} maxLength={4000} />
        </Form>
      ) : null}
    </Section>
  );
}

function Steps({ report }: { report: CompiledReport }) {
  const { t } = useTranslation();
  const { stepCompiled } = useReportMutations();
  const issueForm = useForm({
    id: 'issue',
    initialValues: { documentNumber: report.documentNumber ?? '', issuedOn: '' },
    labels: { documentNumber: t('reports.common.documentNumber'), issuedOn: t('reports.compiled.issuedOn') },
    schema: z.object({ documentNumber: documentNumberSchema, issuedOn: isoDateSchema.optional() }),
    toInput: (v) => ({ documentNumber: v.documentNumber, ...(v.issuedOn ? { issuedOn: v.issuedOn } : {}) }),
    onSubmit: async (body) => {
      await stepCompiled.mutateAsync({ id: report.id, action: 'issue', body });
      return (tr) => tr('reports.common.done');
    },
  });
  return (
    <ReportSteps
      report={report}
      step={stepCompiled}
      oneClick={report.allowedActions.filter((a) => a !== 'issue')}
      variantOf={(action) => (action === 'reopen' ? 'secondary' : 'primary')}
    >
      {report.allowedActions.includes('issue') ? (
        <Form form={issueForm} headingLevel={3} submitLabel={t('reports.actions.issue')}>
          <TextField form={issueForm} name="documentNumber" hint={t('reports.common.documentNumberHint')} maxLength={60} />
          <DateField form={issueForm} name="issuedOn" isOptional />
        </Form>
      ) : null}
    </ReportSteps>
  );
}
