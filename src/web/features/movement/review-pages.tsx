import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useCampaigns, useDeclareConflict, useInitiative, useMyReviews, useScores, useSubmitScores } from './api.js';
import { movementPaths } from './paths.js';
import { Done, Field, WriteError } from './ui.js';

/** The reviewer's assignments. */
export function ReviewsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.review.pageTitle') }));
  return (
    <div className="container page">
      <h1>{t('movement.review.heading')}</h1>
      <RequireSignedIn>{() => <ReviewList />}</RequireSignedIn>
    </div>
  );
}

function ReviewList() {
  const { t } = useTranslation();
  const reviews = useMyReviews();
  if (reviews.isPending) return <Loading />;
  if (reviews.isError) return <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />;
  if (reviews.data.tasks.length === 0) return <p>{t('movement.review.empty')}</p>;
  return (
    <ul className="plain-list movement-list">
      {reviews.data.tasks.map((task) => (
        <li key={task.assignmentId}>
          <Link to={movementPaths.score(task.initiativeId)}>
            {task.initiativeCode} — {task.initiativeTitle}
          </Link>{' '}
          <span className={task.submittedAt ? 'tag tag--success' : 'tag tag--warning'}>{task.submittedAt ? t('movement.review.done') : t('movement.review.pending')}</span>
        </li>
      ))}
    </ul>
  );
}

/** One initiative's score sheet: independent scoring, others' scores only after submitting one's own. */
export function ScorePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.review.scoreHeading') }));
  const { id = '' } = useParams();
  return (
    <div className="container page page--form">
      <RequireSignedIn>{() => <ScoreSheet id={id} />}</RequireSignedIn>
    </div>
  );
}

function ScoreSheet({ id }: { id: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const initiative = useInitiative(id);
  const scores = useScores(id);
  const campaigns = useCampaigns();
  const submit = useSubmitScores(id);
  const declare = useDeclareConflict(id);
  const [values, setValues] = useState<Record<string, { score: string; comment: string }>>({});
  const [conflictReason, setConflictReason] = useState('');
  if (initiative.isPending || scores.isPending || campaigns.isPending) return <Loading />;
  if (initiative.isError) return <QueryError error={initiative.error} />;
  if (scores.isError) return <QueryError error={scores.error} />;
  const campaign = campaigns.data?.campaigns.find((c) => c.id === initiative.data.campaignId);
  const criteria = campaign?.criteria ?? [];
  const view = scores.data;
  return (
    <>
      <p className="muted">{initiative.data.code}</p>
      <h1>{initiative.data.title}</h1>
      <p>
        <Link to={movementPaths.dossier(id)}>{t('movement.dossier.pageTitle', { code: initiative.data.code })}</Link>
      </p>
      <section className="section" aria-labelledby="sheet-heading">
        <h2 id="sheet-heading">{t('movement.review.scoreHeading')}</h2>
        {view.mySubmittedAt ? (
          <p className="status-message status-message--success">{t('movement.review.submitted', { time: new Date(view.mySubmittedAt).toLocaleString() })}</p>
        ) : (
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              submit.mutate({ scores: criteria.map((c) => ({ criterionId: c.id, score: Number(values[c.id]?.score ?? ''), comment: values[c.id]?.comment ?? '' })) });
            }}
          >
            {criteria.map((c) => (
              <fieldset key={c.id} className="movement-person">
                <legend>{localized(c.name)}</legend>
                <Field label={t('movement.review.criterion', { name: localized(c.name), weight: c.weight, min: c.scaleMin, max: c.scaleMax })}>
                  {(p) => (
                    <input
                      {...p}
                      type="number"
                      min={c.scaleMin}
                      max={c.scaleMax}
                      required
                      className="field__input movement-number"
                      value={values[c.id]?.score ?? ''}
                      onChange={(e) => setValues({ ...values, [c.id]: { comment: values[c.id]?.comment ?? '', score: e.target.value } })}
                    />
                  )}
                </Field>
                <Field label={t('movement.review.comment', { name: localized(c.name) })}>
                  {(p) => <textarea {...p} className="field__input" rows={2} value={values[c.id]?.comment ?? ''} onChange={(e) => setValues({ ...values, [c.id]: { score: values[c.id]?.score ?? '', comment: e.target.value } })} />}
                </Field>
              </fieldset>
            ))}
            <button type="submit" className="button" disabled={submit.isPending}>
              {t('movement.review.submit')}
            </button>
            <WriteError error={submit.error} />
          </form>
        )}
      </section>
      <section className="section" aria-labelledby="others-heading">
        <h2 id="others-heading">{t('movement.review.others')}</h2>
        {view.mySubmittedAt === null && view.others.length === 0 ? <p>{t('movement.review.othersHidden')}</p> : null}
        {view.aggregate ? (
          <p>
            {t('movement.review.aggregate', { mean: view.aggregate.mean.toFixed(2), spread: view.aggregate.spread.toFixed(2) })}{' '}
            {view.aggregate.isDisputed ? <span className="tag tag--warning">{t('movement.review.disputed')}</span> : null}
          </p>
        ) : null}
        <ul className="plain-list">
          {view.others.map((o, i) => (
            <li key={i}>
              {o.reviewerName}: {o.total.toFixed(2)}/100
            </li>
          ))}
        </ul>
      </section>
      {view.mySubmittedAt === null ? (
        <section className="section panel" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">{t('movement.review.conflict')}</h2>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              declare.mutate(conflictReason);
            }}
          >
            <Field label={t('movement.review.conflictReason')}>{(p) => <textarea {...p} className="field__input" rows={2} value={conflictReason} onChange={(e) => setConflictReason(e.target.value)} />}</Field>
            <button type="submit" className="button button--secondary">
              {t('movement.review.conflict')}
            </button>
            <WriteError error={declare.error} />
            <Done text={declare.isSuccess ? t('movement.common.done') : null} />
          </form>
        </section>
      ) : null}
    </>
  );
}
