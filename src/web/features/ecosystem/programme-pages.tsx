import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useState } from 'react';
import {
  applicationBodySchema,
  applicationStatuses,
  startupStageNames,
  type ApplicationStatus,
} from '../../../shared/contracts/ecosystem.js';
import { paths } from '../../app/paths.js';
import { Button, ButtonRow, buttonClass } from '../../components/button/button.js';
import { Card, CardList, Panel } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledInput } from '../../components/form/field-shell.js';
import { NumberField, SelectField, TextAreaField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag, TagGroup, WindowStatusTag } from '../../components/status-tag/status-tag.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { useToast } from '../../components/toast/toast.js';
import { formatDate, formatDateRange } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useSession } from '../identity/session.js';
import { useApplications, useApply, useMine, useMoveApplication, useProgramme, useProgrammes } from './api.js';
import { ecosystemPaths } from './paths.js';

const statusTone = { received: 'info', shortlisted: 'warning', accepted: 'success', not_accepted: 'danger' } as const;
/** The moves offered from each status; the server's table decides, this only avoids offering refused ones. */
const nextStatuses: Record<ApplicationStatus, ApplicationStatus[]> = {
  received: ['shortlisted', 'not_accepted'],
  shortlisted: ['accepted', 'not_accepted'],
  accepted: [],
  not_accepted: [],
};

/** Every programme and call, open ones marked. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const programmes = useProgrammes();
  const session = useSession();
  return (
    <Page>
      <PageHeader
        title={t('ecosystem.programmes.heading')}
        documentTitle={t('ecosystem.programmes.pageTitle')}
        subtitle={t('ecosystem.programmes.lead')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('ecosystem.directory.pageTitle'), to: ecosystemPaths.directory },
        ]}
        actions={
          session.data?.user ? (
            <Link className={buttonClass()} to={ecosystemPaths.newProgramme}>
              {t('ecosystem.newProgramme.announce')}
            </Link>
          ) : undefined
        }
      />
      {programmes.isPending ? <Loading /> : null}
      {programmes.isError ? <QueryError error={programmes.error} onRetry={() => void programmes.refetch()} /> : null}
      <div data-list="programmes">
        <CardList
          items={programmes.data?.items ?? []}
          itemKey={(p) => p.id}
          layout="column"
          empty={programmes.data ? <EmptyState title={t('ecosystem.programmes.none')} /> : null}
        >
          {(p) => (
            <Card headingLevel={2} title={<Link to={ecosystemPaths.programme(p.slug)}>{locale === 'en' ? p.titleEn : p.titleVi}</Link>}>
              <p className="muted">
                {t(`ecosystem.programmes.kinds.${p.kind}`)} · {localized(p.runBy)} · {formatDateRange(p.opensOn, p.closesOn, locale)}
              </p>
              <TagGroup>
                <WindowStatusTag state={p.state} />
              </TagGroup>
            </Card>
          )}
        </CardList>
      </div>
    </Page>
  );
}

/** One programme: eligibility, dates, benefits; the apply form for keepers; the board link for its staff. */
export function ProgrammePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const session = useSession();
  const programme = useProgramme(slug);
  if (programme.isPending) return <Loading />;
  if (programme.isError) return <QueryError error={programme.error} onRetry={() => void programme.refetch()} />;
  const p = programme.data;
  const title = locale === 'en' ? p.titleEn : p.titleVi;
  return (
    <Page>
      <PageHeader
        title={title}
        documentTitle={title}
        subtitle={t(`ecosystem.programmes.kinds.${p.kind}`)}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('ecosystem.programmes.pageTitle'), to: ecosystemPaths.programmes },
        ]}
        actions={
          p.canManage ? (
            <Link className={buttonClass()} to={ecosystemPaths.applications(p.slug)}>
              {t('ecosystem.programmes.openBoard')}
            </Link>
          ) : undefined
        }
      />
      <TagGroup>
        <WindowStatusTag state={p.state} />
      </TagGroup>
      <SummaryList
        items={[
          { label: t('ecosystem.programmes.runBy'), value: localized(p.runBy) },
          { label: t('ecosystem.programmes.dates'), value: formatDateRange(p.opensOn, p.closesOn, locale) },
          p.stages.length > 0 && {
            label: t('ecosystem.programmes.stages'),
            value: p.stages.map((s) => localized(startupStageNames[s])).join(', '),
          },
        ]}
      />
      <Section title={t('ecosystem.programmes.eligibility')}>
        <p className="prewrap">{locale === 'en' ? p.eligibilityEn || p.eligibilityVi : p.eligibilityVi}</p>
      </Section>
      <Section title={t('ecosystem.programmes.benefits')}>
        <p className="prewrap">{locale === 'en' ? p.benefitsEn || p.benefitsVi : p.benefitsVi}</p>
      </Section>
      {p.isOpen && session.data?.user ? <ApplyForm programmeId={p.id} /> : null}
    </Page>
  );
}

const applySchema = applicationBodySchema;

function ApplyForm({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const mine = useMine();
  const apply = useApply(programmeId);
  const organisations = mine.data?.organisations ?? [];
  const form = useForm({
    id: 'apply',
    initialValues: { organisationId: '', pitch: '', teamSize: '', request: '' },
    labels: {
      organisationId: t('ecosystem.programmes.organisation'),
      pitch: t('ecosystem.programmes.pitch'),
      teamSize: t('ecosystem.programmes.teamSize'),
      request: t('ecosystem.programmes.request'),
    },
    schema: applySchema,
    toInput: (v, read) => ({ ...v, teamSize: read.number(v.teamSize) }),
    onSubmit: async (body) => {
      await apply.mutateAsync(body);
      form.reset();
      return (tr) => tr('ecosystem.programmes.applied');
    },
  });
  return (
    <Panel title={t('ecosystem.programmes.applyHeading')}>
      <p>{t('ecosystem.programmes.applyIntro')}</p>
      {mine.isPending ? <Loading quiet /> : null}
      {mine.data && organisations.length === 0 ? (
        <p>
          {t('ecosystem.programmes.noOrganisation')} <Link to={ecosystemPaths.register}>{t('ecosystem.directory.register')}</Link>
        </p>
      ) : null}
      {organisations.length > 0 ? (
        <Form form={form} headingLevel={3} submitLabel={t('ecosystem.programmes.submit')}>
          <SelectField
            form={form}
            name="organisationId"
            emptyOption="—"
            options={organisations.map((o) => ({ value: o.id, label: o.nameVi }))}
          />
          <TextAreaField form={form} name="pitch" rows={4} maxLength={2000} />
          <NumberField form={form} name="teamSize" maxLength={6} />
          <TextAreaField form={form} name="request" isOptional rows={3} maxLength={1000} />
        </Form>
      ) : null}
    </Panel>
  );
}

/** The programme's staff move applications received → shortlisted → accepted / not accepted. */
export function ApplicationsBoardPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const programme = useProgramme(slug);
  const applications = useApplications(programme.data?.id);
  if (programme.isPending) return <Loading />;
  if (programme.isError) return <QueryError error={programme.error} onRetry={() => void programme.refetch()} />;
  const title = locale === 'en' ? programme.data.titleEn : programme.data.titleVi;
  return (
    <Page width="wide">
      <PageHeader
        title={t('ecosystem.programmes.board')}
        documentTitle={t('ecosystem.programmes.board')}
        subtitle={title}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('ecosystem.programmes.pageTitle'), to: ecosystemPaths.programmes },
          { label: title, to: ecosystemPaths.programme(slug) },
        ]}
      />
      {applications.isPending ? <Loading /> : null}
      {applications.isError ? <QueryError error={applications.error} onRetry={() => void applications.refetch()} /> : null}
      {applications.data
        ? applicationStatuses.map((status) => (
            <Section key={status} title={t(`ecosystem.programmes.statuses.${status}`)}>
              <CardList
                items={applications.data.items.filter((a) => a.status === status)}
                itemKey={(a) => a.id}
                layout="column"
                empty={<p className="muted">—</p>}
              >
                {(a) => <ApplicationCard application={a} />}
              </CardList>
            </Section>
          ))
        : null}
    </Page>
  );
}

type Application = NonNullable<ReturnType<typeof useApplications>['data']>['items'][number];

function ApplicationCard({ application: a }: { application: Application }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const toast = useToast();
  const move = useMoveApplication();
  const [note, setNote] = useState('');
  const doMove = (to: ApplicationStatus) =>
    move.mutate({ id: a.id, to, note }, { onSuccess: () => toast.show((tr) => tr('ecosystem.programmes.moved')) });
  return (
    <Card title={<Link to={ecosystemPaths.organisation(a.organisation.slug)}>{a.organisation.nameVi}</Link>} name="application">
      <p className="muted">{t('ecosystem.programmes.submittedOn', { date: formatDate(a.createdAt, locale) })}</p>
      <StatusTag tone={statusTone[a.status]} status={a.status}>
        {t(`ecosystem.programmes.statuses.${a.status}`)}
      </StatusTag>
      <p className="prewrap">{a.pitch}</p>
      {nextStatuses[a.status].length > 0 ? (
        <>
          <LabelledInput
            id={`move-note-${a.id}`}
            label={t('ecosystem.common.note')}
            value={note}
            maxLength={1000}
            onChange={(event) => setNote(event.target.value)}
          />
          <ButtonRow>
            {nextStatuses[a.status].map((to) => (
              <Button key={to} variant={to === 'not_accepted' ? 'secondary' : 'primary'} isBusy={move.isPending} onClick={() => doMove(to)}>
                {t('ecosystem.programmes.moveTo', { status: t(`ecosystem.programmes.statuses.${to}`) })}
              </Button>
            ))}
          </ButtonRow>
          <WriteError error={move.error} />
        </>
      ) : null}
    </Card>
  );
}
