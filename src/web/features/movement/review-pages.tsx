import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { conflictBodySchema, scoreSheetSchema, type CampaignDto, type InitiativeDto } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { Panel } from '../../components/card/card.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { NumberField, TextAreaField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { RepeatingRows } from '../../components/form/repeating-rows.js';
import { useForm } from '../../components/form/use-form.js';
import type { ErrorMap } from '../../components/form/messages.js';
import { Notice } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { formatDateTime, formatNumber, parseDecimal } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useCampaigns, useDeclareConflict, useInitiative, useMyReviews, useScores, useSubmitScores } from './api.js';
import { movementPaths } from './paths.js';

/** The reviewer's assignments. */
export function ReviewsPage() {
  const { t } = useTranslation();
  return (
    <Page>
      <PageHeader
        title={t('movement.review.heading')}
        documentTitle={t('movement.review.pageTitle')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
      />
      <RequireSignedIn>{() => <ReviewList />}</RequireSignedIn>
    </Page>
  );
}

function ReviewList() {
  const { t } = useTranslation();
  const reviews = useMyReviews();
  if (reviews.isPending) return <Loading />;
  if (reviews.isError) return <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />;
  return (
    <DataTable
      caption={t('movement.review.heading')}
      isCaptionHidden
      rows={reviews.data.tasks}
      rowKey={(task) => task.assignmentId}
      empty={<EmptyState title={t('movement.review.empty')}>{t('movement.review.emptyNext')}</EmptyState>}
      columns={[
        {
          key: 'initiative',
          header: t('movement.common.title'),
          isRowHeader: true,
          cell: (task) => <Link to={movementPaths.score(task.initiativeId)}>{`${task.initiativeCode} — ${task.initiativeTitle}`}</Link>,
        },
        {
          key: 'state',
          header: t('movement.common.state'),
          sortValue: (task) => (task.submittedAt ? 1 : 0),
          cell: (task) => (
            <StatusTag tone={task.submittedAt ? 'success' : 'warning'}>
              {task.submittedAt ? t('movement.review.done') : t('movement.review.pending')}
            </StatusTag>
          ),
        },
      ]}
    />
  );
}

/** One initiative's score sheet: independent scoring, others' scores only after submitting one's own. */
export function ScorePage() {
  const { id = '' } = useParams();
  return (
    <Page width="narrow">
      <RequireSignedIn>{() => <ScoreSheet id={id} />}</RequireSignedIn>
    </Page>
  );
}

function ScoreSheet({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const initiative = useInitiative(id);
  const scores = useScores(id);
  const campaigns = useCampaigns();
  if (initiative.isPending || scores.isPending || campaigns.isPending) return <Loading />;
  if (initiative.isError) return <QueryError error={initiative.error} />;
  if (scores.isError) return <QueryError error={scores.error} />;
  const campaign = campaigns.data?.campaigns.find((c) => c.id === initiative.data.campaignId);
  const view = scores.data;
  const two = (value: number) => formatNumber(value, locale, { fractionDigits: 2 });
  return (
    <>
      <PageHeader
        title={initiative.data.title}
        kicker={initiative.data.code}
        documentTitle={t('movement.review.scoreHeading')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('movement.review.heading'), to: movementPaths.reviews },
        ]}
        actions={<Link to={movementPaths.dossier(id)}>{t('movement.dossier.pageTitle', { code: initiative.data.code })}</Link>}
      />
      <Section title={t('movement.review.scoreHeading')}>
        {view.mySubmittedAt ? (
          <Notice tone="success">{t('movement.review.submitted', { time: formatDateTime(view.mySubmittedAt, locale) })}</Notice>
        ) : campaign ? (
          <ScoreForm initiative={initiative.data} criteria={campaign.criteria} />
        ) : null}
      </Section>
      <Section title={t('movement.review.others')}>
        {view.mySubmittedAt === null && view.others.length === 0 ? <p>{t('movement.review.othersHidden')}</p> : null}
        {view.mySubmittedAt !== null && view.others.length === 0 ? <p className="muted">{t('movement.review.othersNone')}</p> : null}
        <ul className="plain-list">
          {view.others.map((o, i) => (
            <li key={i}>
              {o.reviewerName}: {two(o.total)}/100
            </li>
          ))}
        </ul>
        {view.aggregate ? (
          <p>
            {t('movement.review.aggregateAll', {
              mean: two(view.aggregate.mean),
              spread: two(view.aggregate.spread),
              count: view.aggregate.reviewers,
            })}{' '}
            {view.aggregate.isDisputed ? <StatusTag tone="warning">{t('movement.review.disputed')}</StatusTag> : null}
          </p>
        ) : null}
      </Section>
      {view.mySubmittedAt === null ? <ConflictForm id={id} /> : null}
    </>
  );
}

function ScoreForm({ initiative, criteria }: { initiative: InitiativeDto; criteria: CampaignDto['criteria'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const submit = useSubmitScores(initiative.id);
  const form = useForm({
    id: 'scores',
    initialValues: { scores: criteria.map((c) => ({ criterionId: c.id, score: '', comment: '' })) },
    labels: {
      scores: {
        label: t('movement.review.scoreHeading'),
        row: (n) => {
          const c = criteria[n - 1];
          return c ? t('movement.review.criterion', { name: localized(c.name), weight: c.weight, min: c.scaleMin, max: c.scaleMax }) : '';
        },
        fields: {
          criterionId: t('movement.review.criterionLabel'),
          score: t('movement.review.score'),
          comment: t('movement.review.commentLabel'),
        },
      },
    },
    schema: scoreSheetSchema,
    toInput: (values, read) => ({
      scores: values.scores.map((row) => ({ criterionId: row.criterionId, score: read.number(String(row.score)), comment: row.comment })),
    }),
    // Each criterion has its own scale, which the shared schema cannot know.
    validate: (values) => {
      const errors: ErrorMap = {};
      values.scores.forEach((row, i) => {
        const c = criteria[i];
        const score = parseDecimal(String(row.score), locale);
        if (c && score !== undefined && Number.isFinite(score) && (score < c.scaleMin || score > c.scaleMax)) {
          errors[`scores.${i}.score`] = (tr) => tr('movement.review.outOfScale', { min: c.scaleMin, max: c.scaleMax });
        }
      });
      return errors;
    },
    onSubmit: async (body) => {
      await submit.mutateAsync(body);
      return (tr) => tr('movement.review.sent');
    },
  });
  return (
    <Form form={form} headingLevel={3} submitLabel={t('movement.review.submit')}>
      <RepeatingRows form={form} name="scores" canRemove={false}>
        {(row) => (
          <>
            <NumberField form={form} name={row.path('score')} maxLength={3} />
            <TextAreaField form={form} name={row.path('comment')} rows={2} isOptional />
          </>
        )}
      </RepeatingRows>
    </Form>
  );
}

function ConflictForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const declare = useDeclareConflict(id);
  const form = useForm({
    id: 'conflict',
    initialValues: { reason: '' },
    labels: { reason: t('movement.review.conflictReason') },
    schema: conflictBodySchema,
    onSubmit: async ({ reason }) => {
      await declare.mutateAsync(reason);
      return (tr) => tr('movement.review.conflictDeclared');
    },
  });
  return (
    <Panel title={t('movement.review.conflict')}>
      <Form form={form} headingLevel={3} variant="primary" submitLabel={t('movement.review.conflict')}>
        <TextAreaField form={form} name="reason" rows={2} />
      </Form>
    </Panel>
  );
}
