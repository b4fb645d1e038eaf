import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { periodInputSchema, type Regime } from '../../../shared/contracts/reports.js';
import { paths } from '../../app/paths.js';
import { Panel } from '../../components/card/card.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { DateField, SelectField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useCampaigns } from '../movement/api.js';
import { reportPaths, useRegime, useReportMutations } from './api.js';
import { isManager } from './regimes-page.js';

/** One regime: its units, its sections, its periods; a manager opens the next period here. */
export function RegimePage() {
  const { id = '' } = useParams();
  return (
    <Page>
      <RequireSignedIn>{(user) => <RegimeView id={id} canOpen={isManager(user)} />}</RequireSignedIn>
    </Page>
  );
}

function RegimeView({ id, canOpen }: { id: string; canOpen: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const regime = useRegime(id);
  if (regime.isPending) return <Loading />;
  if (regime.isError) return <QueryError error={regime.error} onRetry={() => void regime.refetch()} />;
  const r = regime.data;
  return (
    <>
      <PageHeader
        title={localized(r.name)}
        documentTitle={t('reports.regimes.pageTitle')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('reports.regimes.pageTitle'), to: reportPaths.regimes },
        ]}
      />
      <SummaryList
        items={[
          { label: t('reports.regimes.code'), value: r.code },
          { label: t('reports.regimes.kind'), value: t(`reports.periodKinds.${r.periodKind}`) },
          { label: t('reports.regimes.issuer'), value: localized(r.issuerUnit.name) },
          { label: t('reports.regimes.reportingUnits'), value: r.units.map((u) => localized(u.name)).join('; ') },
          { label: t('reports.regime.sections'), value: r.sections.map((s) => localized(s.title)).join('; ') },
        ]}
      />
      <Section title={t('reports.regime.periods')}>
        <DataTable<Regime['periods'][number]>
          name="periods"
          caption={t('reports.regime.periods')}
          isCaptionHidden
          rows={r.periods}
          rowKey={(p) => p.id}
          empty={<p>{t('reports.regime.noPeriods')}</p>}
          columns={[
            {
              key: 'name',
              header: t('reports.common.period'),
              isRowHeader: true,
              cell: (p) => <Link to={reportPaths.board(p.id)}>{localized(p.name)}</Link>,
            },
            {
              key: 'cutoff',
              header: t('reports.common.cutoff'),
              cell: (p) => t('reports.common.cutoffRange', { from: formatDate(p.cutoffFrom, locale), to: formatDate(p.cutoffTo, locale) }),
            },
            { key: 'due', header: t('reports.common.dueOn'), cell: (p) => formatDate(p.dueOn, locale) },
          ]}
        />
      </Section>
      {canOpen ? <OpenPeriod regime={r} /> : null}
    </>
  );
}

function OpenPeriod({ regime }: { regime: Regime }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { openPeriod } = useReportMutations();
  const isPhase = regime.periodKind === 'phase';
  // A phase's review is opened by choosing the phase; a calendar period by its label.
  const campaigns = useCampaigns();
  const phases = (campaigns.data?.campaigns ?? []).flatMap((c) =>
    c.phases.map((p) => ({ value: p.id, label: `${localized(c.title)} · ${localized(p.name)}` })),
  );
  const initialValues = { label: '', phaseId: '', cutoffFrom: '', cutoffTo: '', dueOn: '' };
  const form = useForm({
    id: 'period',
    initialValues,
    labels: {
      label: t('reports.regime.label'),
      phaseId: t('reports.regime.phase'),
      cutoffFrom: t('reports.regime.cutoffFrom'),
      cutoffTo: t('reports.regime.cutoffTo'),
      dueOn: t('reports.regime.dueOn'),
    },
    schema: periodInputSchema,
    toInput: (v) => Object.fromEntries(Object.entries(v).filter(([, value]) => value !== '')),
    onSubmit: async (body) => {
      await openPeriod.mutateAsync({ regimeId: regime.id, body });
      form.reset(initialValues);
      return (tr) => tr('reports.regime.opened');
    },
  });
  return (
    <Panel>
      <h2 id="period-heading">{t('reports.regime.open')}</h2>
      <p className="muted">{t('reports.regime.datesHint')}</p>
      <Form form={form} headingLevel={3} labelledBy="period-heading" submitLabel={t('reports.regime.open')}>
        {isPhase ? (
          <SelectField form={form} name="phaseId" options={phases} emptyOption="—" />
        ) : (
          <TextField form={form} name="label" hint={t('reports.regime.labelHint')} maxLength={20} />
        )}
        <DateField form={form} name="cutoffFrom" isOptional />
        <DateField form={form} name="cutoffTo" isOptional />
        <DateField form={form} name="dueOn" isOptional />
      </Form>
    </Panel>
  );
}
