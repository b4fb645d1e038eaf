import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/identity.js';
import { periodKinds, regimeInputSchema, type Regime } from '../../../shared/contracts/reports.js';
import { paths } from '../../app/paths.js';
import { Panel } from '../../components/card/card.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { ChoiceField, NumberField, SelectField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { usePublicUnits } from '../units/api.js';
import { reportPaths, useRegimes, useReportMutations } from './api.js';

export const isManager = (user: Me) => user.grants.some((g) => g.role === 'programme_manager' || g.role === 'administrator');

/** The reporting regimes: managers define them and open their periods; everyone on staff follows them. */
export function RegimesPage() {
  const { t } = useTranslation();
  return (
    <Page>
      <PageHeader
        title={t('reports.regimes.heading')}
        documentTitle={t('reports.regimes.pageTitle')}
        subtitle={t('reports.regimes.intro')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
      />
      <p>
        <Link to={reportPaths.mine}>{t('reports.regimes.mine')}</Link> ·{' '}
        <Link to={reportPaths.published}>{t('reports.regimes.published')}</Link>
      </p>
      <RequireSignedIn>{(user) => <Regimes user={user} />}</RequireSignedIn>
    </Page>
  );
}

function Regimes({ user }: { user: Me }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const regimes = useRegimes();
  if (regimes.isPending) return <Loading />;
  if (regimes.isError) return <QueryError error={regimes.error} onRetry={() => void regimes.refetch()} />;
  return (
    <>
      <Section title={t('reports.regimes.list')}>
        <DataTable<Regime>
          name="regimes"
          caption={t('reports.regimes.list')}
          isCaptionHidden
          rows={regimes.data}
          rowKey={(r) => r.id}
          empty={<p>{t('reports.regimes.empty')}</p>}
          columns={[
            {
              key: 'name',
              header: t('reports.regimes.name'),
              isRowHeader: true,
              cell: (r) => <Link to={reportPaths.regime(r.id)}>{localized(r.name)}</Link>,
            },
            { key: 'kind', header: t('reports.regimes.kind'), cell: (r) => t(`reports.periodKinds.${r.periodKind}`) },
            { key: 'units', header: t('reports.regimes.units'), align: 'end', cell: (r) => r.units.length },
            {
              key: 'periods',
              header: t('reports.regime.periods'),
              cell: (r) =>
                r.periods.length ? (
                  <ul className="plain-list">
                    {r.periods.map((p) => (
                      <li key={p.id}>
                        <Link to={reportPaths.board(p.id)}>{localized(p.name)}</Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('reports.regime.noPeriods')
                ),
            },
          ]}
        />
      </Section>
      {isManager(user) ? <CreateRegime /> : null}
    </>
  );
}

function CreateRegime() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const units = usePublicUnits();
  const { createRegime } = useReportMutations();
  const all = (units.data?.items ?? []).filter((u) => u.kind !== 'city');
  const initialValues = {
    code: '',
    nameVi: '',
    nameEn: '',
    periodKind: 'quarter',
    issuerUnitId: '',
    unitIds: [] as string[],
    dueDayOfMonth: '20',
  };
  const form = useForm({
    id: 'regime',
    initialValues,
    labels: {
      code: t('reports.regimes.code'),
      nameVi: t('reports.regimes.nameVi'),
      nameEn: t('reports.regimes.nameEn'),
      periodKind: t('reports.regimes.kind'),
      issuerUnitId: t('reports.regimes.issuer'),
      unitIds: t('reports.regimes.reportingUnits'),
      dueDayOfMonth: t('reports.regimes.dueDay'),
    },
    schema: regimeInputSchema,
    serverPaths: { 'name.vi': 'nameVi', 'name.en': 'nameEn' },
    toInput: (v, read) => ({
      code: v.code,
      name: { vi: v.nameVi, en: v.nameEn },
      periodKind: v.periodKind,
      issuerUnitId: v.issuerUnitId,
      unitIds: v.unitIds,
      dueDayOfMonth: read.number(v.dueDayOfMonth),
    }),
    onSubmit: async (body) => {
      await createRegime.mutateAsync(body);
      form.reset(initialValues);
      return (tr) => tr('reports.regimes.created');
    },
  });
  if (units.isPending) return <Loading />;
  const options = all.map((u) => ({ value: u.id, label: localized(u.name) }));
  return (
    <Panel>
      <h2 id="regime-heading">{t('reports.regimes.create')}</h2>
      <Form form={form} headingLevel={3} labelledBy="regime-heading" submitLabel={t('reports.regimes.create')}>
        <TextField form={form} name="code" hint={t('reports.regimes.codeHint')} maxLength={40} />
        <TextField form={form} name="nameVi" hint={t('reports.regimes.nameVi_hint')} maxLength={300} />
        <TextField form={form} name="nameEn" maxLength={300} />
        <SelectField form={form} name="periodKind" options={periodKinds.map((k) => ({ value: k, label: t(`reports.periodKinds.${k}`) }))} />
        <SelectField form={form} name="issuerUnitId" options={options} emptyOption="—" />
        <NumberField form={form} name="dueDayOfMonth" hint={t('reports.regimes.dueDayHint')} maxLength={2} />
        <ChoiceField form={form} name="unitIds" type="checkbox" options={options} />
      </Form>
    </Panel>
  );
}
