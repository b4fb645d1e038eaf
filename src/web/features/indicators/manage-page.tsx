import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import type { Me } from '../../../shared/contracts/identity.js';
import {
  importRowErrorSchema,
  observationBodySchema,
  returnBodySchema,
  type Observation,
  type WorkItem,
} from '../../../shared/contracts/indicators.js';
import { ApiError } from '../../api/client.js';
import { paths } from '../../app/paths.js';
import { Button } from '../../components/button/button.js';
import { Card, CardList } from '../../components/card/card.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { FileField, NumberField, SelectField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Notice, WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag, TagGroup } from '../../components/status-tag/status-tag.js';
import { useToast } from '../../components/toast/toast.js';
import { formatPeriod, formatQuantity } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { isProgrammeManager } from '../identity/roles.js';
import {
  useApproveObservation,
  useImportObservations,
  useIndicatorWork,
  useReturnObservation,
  useSubmitObservation,
  useUploadEvidence,
} from './api.js';
import { indicatorPath, indicatorPaths } from './paths.js';
import styles from './indicators.module.css';

const isStaff = (user: Me) =>
  user.grants.some((g) => g.role === 'unit_officer') ||
  (user.hasSecondFactor && user.grants.some((g) => g.role === 'programme_manager' || g.role === 'administrator'));

/** Officers enter their unit's values (one by one or from a file); programme managers approve or return them. */
export function ManageIndicatorsPage() {
  const { t } = useTranslation();
  return (
    <Page>
      <PageHeader
        title={t('indicators.manage.heading')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('indicators.dashboard.heading'), to: indicatorPaths.dashboard },
        ]}
      />
      <RequireSignedIn>
        {(user) =>
          isStaff(user) ? (
            <Workspace canSetTargets={isProgrammeManager(user)} />
          ) : (
            <Notice tone="warning">{t('indicators.manage.noAccess')}</Notice>
          )
        }
      </RequireSignedIn>
    </Page>
  );
}

function Workspace({ canSetTargets }: { canSetTargets: boolean }) {
  const { t } = useTranslation();
  const work = useIndicatorWork(true);
  if (work.isPending) return <Loading />;
  if (work.isError) return <QueryError error={work.error} onRetry={() => void work.refetch()} />;
  const enterable = work.data.items.filter((item) => item.canEnter);
  return (
    <>
      <MyIndicators items={work.data.items} canSetTargets={canSetTargets} />
      {enterable.length > 0 ? (
        <>
          <EnterValueForm items={enterable} />
          <ImportForm />
        </>
      ) : null}
      <Section title={t('indicators.manage.reviewHeading')}>
        <CardList
          items={work.data.reviewQueue}
          itemKey={(observation) => observation.id}
          layout="column"
          empty={<EmptyState title={t('indicators.manage.reviewEmpty')} />}
        >
          {(observation) => <ReviewItem observation={observation} />}
        </CardList>
      </Section>
    </>
  );
}

function MyIndicators({ items, canSetTargets }: { items: WorkItem[]; canSetTargets: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <Section title={t('indicators.manage.myIndicators')}>
      <DataTable
        caption={t('indicators.manage.myIndicators')}
        isCaptionHidden
        rows={items}
        rowKey={(item) => item.id}
        empty={<EmptyState title={t('indicators.manage.noIndicators')}>{t('indicators.manage.noIndicatorsNext')}</EmptyState>}
        columns={[
          {
            key: 'indicator',
            header: t('indicators.manage.indicator'),
            isRowHeader: true,
            sortValue: (item: WorkItem) => item.code,
            cell: (item) => (
              <>
                <Link to={indicatorPath(item.code)}>{item.code}</Link> · {localized(item.name)}
              </>
            ),
          },
          { key: 'frequency', header: t('indicators.detail.frequency'), cell: (item) => t(`indicators.frequency.${item.frequency}`) },
          {
            key: 'missing',
            header: t('indicators.manage.missing'),
            sortValue: (item) => item.missingPeriods.length,
            cell: (item) => (
              <TagGroup>
                {item.missingPeriods.length > 0 ? (
                  <StatusTag tone="warning">
                    {t('indicators.manage.missing')}: {item.missingPeriods.map((p) => formatPeriod(p, locale)).join(', ')}
                  </StatusTag>
                ) : (
                  <StatusTag tone="success">{t('indicators.manage.upToDate')}</StatusTag>
                )}
                {item.pendingCount > 0 ? (
                  <StatusTag tone="info">{t('indicators.manage.pending', { count: item.pendingCount })}</StatusTag>
                ) : null}
              </TagGroup>
            ),
          },
          ...(canSetTargets
            ? [
                {
                  key: 'targets',
                  header: t('indicators.targets.column'),
                  cell: (item: WorkItem) => (
                    <Link to={indicatorPaths.targets(item.id)} aria-label={t('indicators.targets.linkFor', { code: item.code })}>
                      {t('indicators.targets.link')}
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Section>
  );
}

const enterSchema = observationBodySchema.extend({ indicatorId: z.uuid() });

function EnterValueForm({ items }: { items: WorkItem[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const submit = useSubmitObservation();
  const upload = useUploadEvidence();
  const first = items[0]!;
  const initialValues = {
    indicatorId: first.id,
    period: first.missingPeriods[0] ?? '',
    value: '',
    sourceNote: '',
    evidence: null as File | null,
  };
  const form = useForm({
    id: 'enter-value',
    initialValues,
    labels: {
      indicatorId: t('indicators.manage.indicator'),
      period: t('indicators.manage.period'),
      value: t('indicators.manage.value'),
      sourceNote: t('indicators.manage.sourceNote'),
      evidence: t('indicators.manage.evidence'),
    },
    schema: enterSchema,
    toInput: (values, read) => ({
      indicatorId: values.indicatorId,
      period: values.period,
      value: read.number(values.value),
      ...(values.sourceNote.trim() ? { sourceNote: values.sourceNote } : {}),
    }),
    messages: { value: (tr) => tr('indicators.manage.notANumber') },
    onSubmit: async ({ indicatorId, ...body }, values) => {
      // The evidence file goes first; the value then names it.
      const attachment = values.evidence ? await upload.mutateAsync({ indicatorId, file: values.evidence }) : null;
      await submit.mutateAsync({ indicatorId, body: attachment ? { ...body, attachmentId: attachment.id } : body });
      form.reset({ ...initialValues, indicatorId });
      return (tr) => tr('indicators.manage.submitted');
    },
  });
  const selected = items.find((item) => item.id === form.values.indicatorId) ?? first;

  return (
    <Section title={t('indicators.manage.enterHeading')}>
      <Form form={form} headingLevel={3} submitLabel={t('indicators.manage.submit')} submittingLabel={t('indicators.manage.submitting')}>
        <SelectField
          form={form}
          name="indicatorId"
          options={items.map((item) => ({ value: item.id, label: `${item.code} · ${localized(item.name)}` }))}
        />
        <TextField
          form={form}
          name="period"
          width="short"
          maxLength={7}
          autoComplete="off"
          hint={t('indicators.manage.periodHint', { example: selected.periodExample })}
        />
        <NumberField form={form} name="value" unit={localized(selected.unit)} hint={t('indicators.manage.valueHint')} />
        <TextField form={form} name="sourceNote" isOptional maxLength={2000} />
        <FileField form={form} name="evidence" isOptional hint={t('indicators.manage.evidenceHint')} />
      </Form>
    </Section>
  );
}

const rowErrorsSchema = z.object({ rows: z.array(importRowErrorSchema) });
const importSchema = z.object({ file: z.custom<File>((file) => file instanceof File && /\.(csv|xlsx)$/i.test(file.name)) });

function ImportForm() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const importFile = useImportObservations();
  const form = useForm({
    id: 'import',
    initialValues: { file: null as File | null },
    labels: { file: t('indicators.manage.file') },
    schema: importSchema,
    messages: { file: (tr) => tr('indicators.manage.chooseFile') },
    onSubmit: async ({ file }) => {
      const result = await importFile.mutateAsync(file);
      form.reset();
      return (tr) => tr('indicators.manage.imported', { count: result.imported });
    },
  });
  const rowErrors = importFile.error instanceof ApiError ? (rowErrorsSchema.safeParse(importFile.error.details).data?.rows ?? []) : [];

  return (
    <Section title={t('indicators.manage.importHeading')} intro={t('indicators.manage.importIntro')}>
      <Form
        form={form}
        headingLevel={3}
        submitLabel={t('indicators.manage.importSubmit')}
        submittingLabel={t('indicators.manage.importing')}
      >
        <FileField form={form} name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
      </Form>
      {rowErrors.length > 0 ? (
        <Notice tone="error" title={t('indicators.manage.rowErrors')}>
          <ul>
            {rowErrors.map((row) => (
              <li key={`${row.row}-${row.column ?? ''}`}>{localized(row.message)}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </Section>
  );
}

function ReviewItem({ observation }: { observation: Observation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const toast = useToast();
  const approve = useApproveObservation();
  const giveBack = useReturnObservation();
  const names = { code: observation.indicatorCode, period: formatPeriod(observation.period, locale) };
  const form = useForm({
    id: `return-${observation.id}`,
    initialValues: { note: '' },
    labels: { note: t('indicators.manage.returnLabel') },
    schema: returnBodySchema,
    messages: { note: (tr) => tr('indicators.manage.reasonRequired') },
    onSubmit: async ({ note }) => {
      await giveBack.mutateAsync({ id: observation.id, note });
      return (tr) => tr('indicators.manage.returned', names);
    },
  });

  return (
    <Card title={`${observation.indicatorCode} · ${names.period} · ${t('indicators.manage.revision', { revision: observation.revision })}`}>
      <p>{localized(observation.indicatorName)}</p>
      <p className={styles.value}>{formatQuantity(observation.value, localized(observation.unit), locale)}</p>
      {observation.sourceNote ? <p className="muted">{observation.sourceNote}</p> : null}
      <p className="muted">
        {t('indicators.manage.enteredBy')}: {observation.enteredBy?.displayName ?? '—'}
      </p>
      <WriteError error={approve.error} />
      {observation.canReview ? (
        <>
          <Button
            isBusy={approve.isPending}
            onClick={() => approve.mutate(observation.id, { onSuccess: () => toast.show((tr) => tr('indicators.manage.approved', names)) })}
          >
            {t('indicators.manage.approve')}
          </Button>
          <Form form={form} headingLevel={4} variant="primary" submitLabel={t('indicators.manage.returnSubmit')}>
            <TextField form={form} name="note" maxLength={2000} />
          </Form>
        </>
      ) : (
        <p className="muted">{t('indicators.manage.ownValue')}</p>
      )}
    </Card>
  );
}
