import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { assignBodySchema, decisionBodySchema, recognitionScopes, type InitiativeState } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { Panel } from '../../components/card/card.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { NumberField, SelectField, TextAreaField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { WhenLoaded } from '../../components/query-status/when-loaded.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useAssign, useCouncils, useDecide, useManageList, useRanking } from './api.js';
import { movementPaths } from './paths.js';
import { InitiativeStateTag } from './state-tag.js';
import styles from './movement.module.css';

const isManager = (user: { grants: Array<{ role: string }> }) =>
  user.grants.some((g) => g.role === 'programme_manager' || g.role === 'administrator');

/** The councils the person sits on (all, for managers). */
export function CouncilsPage() {
  const { t } = useTranslation();
  return (
    <Page>
      <PageHeader
        title={t('movement.council.heading')}
        documentTitle={t('movement.council.pageTitle')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
      />
      <RequireSignedIn>
        {(user) => (
          <>
            {isManager(user) ? (
              <p>
                <Link className={buttonClass()} to={movementPaths.newCouncil}>
                  {t('movement.councilSetup.link')}
                </Link>
              </p>
            ) : null}
            <CouncilLinks />
          </>
        )}
      </RequireSignedIn>
    </Page>
  );
}

function CouncilLinks() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const query = useCouncils();
  return (
    <WhenLoaded query={query}>
      {({ councils }) =>
        councils.length === 0 ? (
          <EmptyState title={t('movement.council.empty')}>{t('movement.council.emptyNext')}</EmptyState>
        ) : (
          <ul className={styles.list}>
            {councils.map((c) => (
              <li key={c.id}>
                <Link to={movementPaths.council(c.id)}>{localized(c.name)}</Link>
              </li>
            ))}
          </ul>
        )
      }
    </WhenLoaded>
  );
}

/** One council: members and load, assignment, ranking, the decision and the minutes. */
export function CouncilPage() {
  const { id = '' } = useParams();
  return (
    <Page>
      <RequireSignedIn>{(user) => <Council id={id} isManager={isManager(user)} />}</RequireSignedIn>
    </Page>
  );
}

function Council({ id, isManager }: { id: string; isManager: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const councils = useCouncils();
  const ranking = useRanking(id);
  const council = councils.data?.councils.find((c) => c.id === id);
  const two = (value: number | null) => (value === null ? '—' : formatNumber(value, locale, { fractionDigits: 2 }));
  if (councils.isPending || ranking.isPending) return <Loading />;
  if (ranking.isError) return <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />;
  if (!council) return <QueryError error={councils.error} />;
  return (
    <>
      <PageHeader
        title={localized(council.name)}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('movement.council.heading'), to: movementPaths.councils },
        ]}
        actions={
          isManager ? (
            <Link className={buttonClass('secondary')} to={movementPaths.editCouncil(id)}>
              {t('movement.councilSetup.editLink')}
            </Link>
          ) : undefined
        }
      />
      <Section title={t('movement.council.members')}>
        <ul className={styles.list}>
          {council.members.map((m) => (
            <li key={m.userId}>
              {m.displayName} — {t(`movement.council.roles.${m.role}`)}{' '}
              <span className="muted">({t('movement.council.load', { count: m.load })})</span>
            </li>
          ))}
        </ul>
      </Section>
      {isManager ? <AssignForm councilId={id} campaignId={council.campaignId} /> : null}
      <Section title={t('movement.council.ranking')}>
        <DataTable
          caption={t('movement.council.ranking')}
          isCaptionHidden
          rows={ranking.data.rows}
          rowKey={(r) => r.initiativeId}
          empty={<EmptyState title={t('movement.council.rankingEmpty')}>{t('movement.council.rankingEmptyNext')}</EmptyState>}
          initialSort={{ key: 'rank', direction: 'ascending' }}
          columns={[
            { key: 'rank', header: t('movement.council.rank'), align: 'end', cell: (r) => r.rank, sortValue: (r) => r.rank },
            {
              key: 'title',
              header: t('movement.common.title'),
              isRowHeader: true,
              cell: (r) => <Link to={movementPaths.dossier(r.initiativeId)}>{r.title}</Link>,
              sortValue: (r) => r.title,
            },
            { key: 'mean', header: t('movement.council.mean'), align: 'end', cell: (r) => two(r.mean), sortValue: (r) => r.mean },
            { key: 'spread', header: t('movement.council.spread'), align: 'end', cell: (r) => two(r.spread), sortValue: (r) => r.spread },
            {
              key: 'reviewers',
              header: t('movement.council.reviewers'),
              align: 'end',
              cell: (r) => `${r.reviewers}/${r.reviewers + r.pendingReviews}`,
            },
            {
              key: 'flag',
              header: t('movement.council.flag'),
              cell: (r) => (r.isDisputed ? <StatusTag tone="warning">{t('movement.council.yes')}</StatusTag> : t('movement.council.no')),
            },
            { key: 'state', header: t('movement.common.state'), cell: (r) => <InitiativeStateTag state={r.state as InitiativeState} /> },
          ]}
        />
        <p>
          <a href={`/api/movement/councils/${id}/minutes.docx`} download>
            {t('movement.council.minutes')}
          </a>
        </p>
      </Section>
      <DecisionForm
        councilId={id}
        initiatives={ranking.data.rows.filter((r) => r.state === 'under_review').map((r) => ({ id: r.initiativeId, title: r.title }))}
        memberCount={council.members.length}
      />
    </>
  );
}

const assignFormSchema = assignBodySchema.omit({ initiativeIds: true });

/** Sends to this council the initiatives of its campaign that no council has been given yet. */
function AssignForm({ councilId, campaignId }: { councilId: string; campaignId: string }) {
  const { t } = useTranslation();
  const waiting = useManageList('under_review', { campaignId, assignment: 'none' });
  const assign = useAssign(councilId);
  const ids = waiting.data?.items.map((i) => i.id) ?? [];
  const form = useForm({
    id: 'assign',
    initialValues: { reviewersPerInitiative: '3' },
    labels: { reviewersPerInitiative: t('movement.council.perInitiative') },
    schema: assignFormSchema,
    toInput: (values, read) => ({ reviewersPerInitiative: read.number(values.reviewersPerInitiative) }),
    onSubmit: async ({ reviewersPerInitiative }) => {
      const result = await assign.mutateAsync({ initiativeIds: ids, reviewersPerInitiative });
      return (tr) => tr('movement.council.assigned', { count: result.assignments.length });
    },
  });
  return (
    <Panel title={t('movement.council.assignHeading')}>
      {ids.length === 0 ? (
        <p className="muted">{t('movement.council.nothingToAssign')}</p>
      ) : (
        <Form form={form} headingLevel={3} submitLabel={t('movement.council.assign')}>
          <NumberField form={form} name="reviewersPerInitiative" hint={t('movement.council.assignHint')} maxLength={2} />
        </Form>
      )}
    </Panel>
  );
}

const decisionFormSchema = decisionBodySchema.extend({ initiativeId: z.uuid() });

function DecisionForm({
  councilId,
  initiatives,
  memberCount,
}: {
  councilId: string;
  initiatives: Array<{ id: string; title: string }>;
  memberCount: number;
}) {
  const { t } = useTranslation();
  const decide = useDecide(councilId);
  const form = useForm({
    id: 'decision',
    initialValues: {
      initiativeId: initiatives[0]?.id ?? '',
      outcome: 'recognised',
      scope: 'unit',
      votesFor: String(memberCount),
      votesAgainst: '0',
      votesAbstain: '0',
      reason: '',
    },
    labels: {
      initiativeId: t('movement.council.initiative'),
      outcome: t('movement.council.outcome'),
      scope: t('movement.common.scope'),
      votesFor: t('movement.council.votesFor'),
      votesAgainst: t('movement.council.votesAgainst'),
      votesAbstain: t('movement.council.votesAbstain'),
      reason: t('movement.council.reason'),
    },
    schema: decisionFormSchema,
    toInput: (v, read) => ({
      initiativeId: v.initiativeId,
      outcome: v.outcome,
      scope: v.outcome === 'recognised' ? v.scope : null,
      votesFor: read.number(v.votesFor),
      votesAgainst: read.number(v.votesAgainst),
      votesAbstain: read.number(v.votesAbstain),
      reason: v.reason,
    }),
    onSubmit: async (body) => {
      await decide.mutateAsync(body);
      return (tr) => tr('movement.council.recorded');
    },
  });
  if (initiatives.length === 0) return null;
  return (
    <Panel title={t('movement.council.decisionHeading')}>
      <Form form={form} headingLevel={3} submitLabel={t('movement.council.record')}>
        <SelectField form={form} name="initiativeId" options={initiatives.map((i) => ({ value: i.id, label: i.title }))} />
        <SelectField
          form={form}
          name="outcome"
          options={[
            { value: 'recognised', label: t('movement.actions.recognise') },
            { value: 'not_recognised', label: t('movement.actions.refuse') },
          ]}
        />
        {form.values.outcome === 'recognised' ? (
          <SelectField form={form} name="scope" options={recognitionScopes.map((s) => ({ value: s, label: t(`movement.scopes.${s}`) }))} />
        ) : null}
        <div className={styles.inline}>
          <NumberField form={form} name="votesFor" maxLength={3} />
          <NumberField form={form} name="votesAgainst" maxLength={3} />
          <NumberField form={form} name="votesAbstain" maxLength={3} />
        </div>
        <TextAreaField
          form={form}
          name="reason"
          rows={2}
          isOptional={form.values.outcome === 'recognised'}
          hint={t('movement.council.reasonHint')}
        />
      </Form>
    </Panel>
  );
}
