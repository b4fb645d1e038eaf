import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Me } from '../../../shared/contracts/identity.js';
import { registrationBodySchema, registrationReportSchema } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { Card, CardList, Panel } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { RepeatingRows } from '../../components/form/repeating-rows.js';
import { useForm } from '../../components/form/use-form.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useCampaigns, useUnits } from './api.js';
import { useRegister, useRegistrations, useRegistrationToReport, useReportOnRegistration } from './pages-api.js';
import { movementPaths } from './paths.js';

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
  return (
    <Page>
      <RequireSignedIn>{(user) => <Registrations phaseId={phaseId} user={user} />}</RequireSignedIn>
    </Page>
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
      <PageHeader
        title={t('movement.registration.heading', { phase: phase ? localized(phase.name) : '' })}
        documentTitle={t('movement.registration.pageTitle')}
        subtitle={t('movement.registration.intro')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('movement.campaign.listTitle'), to: movementPaths.campaigns },
          ...(campaign ? [{ label: localized(campaign.title), to: movementPaths.campaign(campaign.code) }] : []),
        ]}
      />
      <Section title={t('movement.registration.listHeading')}>
        <CardList
          items={registrations.data.registrations}
          itemKey={(r) => r.id}
          layout="column"
          empty={
            <EmptyState title={t('movement.registration.none')}>{mine.length > 0 ? t('movement.registration.noneNext') : null}</EmptyState>
          }
        >
          {(r) => (
            <Card title={localized(r.unitName)}>
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
              <p className="prewrap">{r.interimReport ?? t('movement.registration.notYet')}</p>
              <h4>{t('movement.registration.finalReport')}</h4>
              <p className="prewrap">{r.finalReport ?? t('movement.registration.notYet')}</p>
              {mineIds.has(r.unitId) ? (
                <LoadedReportForm registrationId={r.id} unitName={localized(r.unitName)} defaultReview={phase?.review ?? 'interim'} />
              ) : null}
            </Card>
          )}
        </CardList>
      </Section>
      {open.length > 0 ? <RegisterForm phaseId={phaseId} units={open} /> : null}
      {mine.length === 0 ? <p className="muted">{t('movement.registration.officersOnly')}</p> : null}
    </>
  );
}

const newCommitment = () => ({ text: '', target: '' });

function RegisterForm({ phaseId, units }: { phaseId: string; units: Unit[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const register = useRegister(phaseId);
  const form = useForm({
    id: 'register',
    initialValues: { unitId: units[0]!.id, commitments: [newCommitment()] },
    labels: {
      unitId: t('movement.common.unit'),
      commitments: {
        label: t('movement.registration.commitments'),
        row: (n) => t('movement.registration.commitmentN', { n }),
        fields: { text: t('movement.registration.text'), target: t('movement.registration.target') },
      },
    },
    schema: registrationBodySchema,
    onSubmit: async (body) => {
      await register.mutateAsync(body);
      form.reset({ unitId: units[0]!.id, commitments: [newCommitment()] });
      return (tr) => tr('movement.registration.registered');
    },
  });
  return (
    <Panel>
      <h2 id="register-heading">{t('movement.registration.formHeading')}</h2>
      <Form form={form} headingLevel={3} labelledBy="register-heading" submitLabel={t('movement.registration.submit')}>
        <SelectField form={form} name="unitId" options={units.map((u) => ({ value: u.id, label: localized(u.name) }))} />
        <RepeatingRows
          form={form}
          name="commitments"
          newRow={newCommitment}
          addLabel={t('movement.registration.addCommitment')}
          minRows={1}
        >
          {(row) => (
            <>
              <TextAreaField form={form} name={row.path('text')} rows={2} maxLength={1000} />
              <TextField form={form} name={row.path('target')} hint={t('movement.registration.targetHint')} isOptional maxLength={300} />
            </>
          )}
        </RepeatingRows>
      </Form>
    </Panel>
  );
}

type Registration = { id: string; interimReport: string | null; finalReport: string | null };

/** The report form starts from the registration as loaded for editing, so a save from an older version is refused (412). */
function LoadedReportForm({ registrationId, ...props }: { registrationId: string; unitName: string; defaultReview: 'interim' | 'final' }) {
  const registration = useRegistrationToReport(registrationId);
  if (registration.isPending) return <Loading />;
  if (registration.isError) return <QueryError error={registration.error} onRetry={() => void registration.refetch()} />;
  return <ReportForm registration={registration.data} {...props} />;
}

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
  const existing = (review: string) => (review === 'interim' ? registration.interimReport : registration.finalReport) ?? '';
  const save = useReportOnRegistration();
  const formId = `report-${registration.id}`;
  const form = useForm({
    id: formId,
    initialValues: { review: defaultReview as string, report: existing(defaultReview) },
    labels: { review: t('movement.registration.review'), report: t('movement.registration.report') },
    schema: registrationReportSchema,
    onSubmit: async (body) => {
      await save.mutateAsync({ id: registration.id, ...body });
      return (tr) => tr('movement.registration.reportSaved');
    },
  });
  return (
    <>
      <h4 id={`${formId}-heading`}>{t('movement.registration.reportHeading', { unit: unitName })}</h4>
      <Form form={form} headingLevel={4} labelledBy={`${formId}-heading`} submitLabel={t('movement.registration.saveReport')}>
        <SelectField
          form={form}
          name="review"
          options={[
            { value: 'interim', label: t('movement.launch.reviews.interim') },
            { value: 'final', label: t('movement.launch.reviews.final') },
          ]}
          onValueChange={(review) => form.setValue('report', existing(review))}
        />
        <TextAreaField form={form} name="report" hint={t('movement.registration.reportHint')} rows={4} />
      </Form>
    </>
  );
}
