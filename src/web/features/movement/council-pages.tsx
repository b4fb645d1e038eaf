import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { recognitionScopes } from '../../../shared/contracts/movement.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useAssign, useCouncils, useDecide, useManageList, useRanking } from './api.js';
import { movementPaths } from './paths.js';
import { Done, Field, StateTag, WriteError } from './ui.js';

/** The councils the person sits on (all, for managers). */
export function CouncilsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.council.pageTitle') }));
  return (
    <div className="container page">
      <h1>{t('movement.council.heading')}</h1>
      <RequireSignedIn>
        {(user) => (
          <>
            {user.grants.some((g) => g.role === 'programme_manager' || g.role === 'administrator') ? (
              <p>
                <Link className="button" to={movementPaths.newCouncil}>
                  {t('movement.councilSetup.link')}
                </Link>
              </p>
            ) : null}
            <CouncilList />
          </>
        )}
      </RequireSignedIn>
    </div>
  );
}

function CouncilList() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const councils = useCouncils();
  if (councils.isPending) return <Loading />;
  if (councils.isError) return <QueryError error={councils.error} onRetry={() => void councils.refetch()} />;
  if (councils.data.councils.length === 0) return <p>{t('movement.council.empty')}</p>;
  return (
    <ul className="plain-list movement-list">
      {councils.data.councils.map((c) => (
        <li key={c.id}>
          <Link to={movementPaths.council(c.id)}>{localized(c.name)}</Link>
        </li>
      ))}
    </ul>
  );
}

/** One council: members and load, assignment, ranking, the decision and the minutes. */
export function CouncilPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.council.pageTitle') }));
  return (
    <div className="container page">
      <RequireSignedIn>{(user) => <Council id={id} isManager={user.grants.some((g) => g.role === 'programme_manager' || g.role === 'administrator')} />}</RequireSignedIn>
    </div>
  );
}

function Council({ id, isManager }: { id: string; isManager: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const councils = useCouncils();
  const ranking = useRanking(id);
  const council = councils.data?.councils.find((c) => c.id === id);
  if (councils.isPending || ranking.isPending) return <Loading />;
  if (ranking.isError) return <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />;
  if (!council) return <QueryError error={councils.error} />;
  return (
    <>
      <h1>{localized(council.name)}</h1>
      <section className="section" aria-labelledby="members-heading">
        <h2 id="members-heading">{t('movement.council.members')}</h2>
        <ul className="plain-list">
          {council.members.map((m) => (
            <li key={m.userId}>
              {m.displayName} — {t(`movement.council.roles.${m.role}`)} <span className="muted">({t('movement.council.load', { count: m.load })})</span>
            </li>
          ))}
        </ul>
      </section>
      {isManager ? <AssignForm councilId={id} /> : null}
      <section className="section" aria-labelledby="ranking-heading">
        <h2 id="ranking-heading">{t('movement.council.ranking')}</h2>
        <div className="movement-table-wrap">
          <table className="movement-table">
            <thead>
              <tr>
                <th scope="col">{t('movement.council.rank')}</th>
                <th scope="col">{t('movement.common.title')}</th>
                <th scope="col">{t('movement.council.mean')}</th>
                <th scope="col">{t('movement.council.spread')}</th>
                <th scope="col">{t('movement.council.reviewers')}</th>
                <th scope="col">{t('movement.council.flag')}</th>
                <th scope="col">{t('movement.common.state')}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.data.rows.map((r) => (
                <tr key={r.initiativeId}>
                  <td>{r.rank}</td>
                  <td>
                    <Link to={movementPaths.dossier(r.initiativeId)}>{r.title}</Link>
                  </td>
                  <td>{r.mean?.toFixed(2) ?? '—'}</td>
                  <td>{r.spread?.toFixed(2) ?? '—'}</td>
                  <td>
                    {r.reviewers}/{r.reviewers + r.pendingReviews}
                  </td>
                  <td>{r.isDisputed ? t('movement.council.yes') : t('movement.council.no')}</td>
                  <td>
                    <StateTag state={r.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <a href={`/api/movement/councils/${id}/minutes.docx`} download>
            {t('movement.council.minutes')}
          </a>
        </p>
      </section>
      <DecisionForm councilId={id} initiatives={ranking.data.rows.filter((r) => r.state === 'under_review').map((r) => ({ id: r.initiativeId, title: r.title }))} memberCount={council.members.length} />
    </>
  );
}

function AssignForm({ councilId }: { councilId: string }) {
  const { t } = useTranslation();
  const waiting = useManageList('under_review');
  const assign = useAssign(councilId);
  const [perInitiative, setPerInitiative] = useState(3);
  const ids = waiting.data?.items.map((i) => i.id) ?? [];
  return (
    <section className="section panel" aria-labelledby="assign-heading">
      <h2 id="assign-heading">{t('movement.council.assignHeading')}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          assign.mutate({ initiativeIds: ids, reviewersPerInitiative: perInitiative });
        }}
      >
        <Field label={t('movement.council.perInitiative')} hint={t('movement.council.assignHint')}>
          {(p) => <input {...p} type="number" min={1} max={15} className="field__input movement-number" value={perInitiative} onChange={(e) => setPerInitiative(Number(e.target.value))} />}
        </Field>
        <button type="submit" className="button" disabled={ids.length === 0 || assign.isPending}>
          {t('movement.council.assign')}
        </button>
        <WriteError error={assign.error} />
        <Done text={assign.data ? t('movement.council.assigned', { count: assign.data.assignments.length }) : null} />
      </form>
    </section>
  );
}

function DecisionForm({ councilId, initiatives, memberCount }: { councilId: string; initiatives: Array<{ id: string; title: string }>; memberCount: number }) {
  const { t } = useTranslation();
  const decide = useDecide(councilId);
  const [values, setValues] = useState({ initiativeId: '', outcome: 'recognised', scope: 'unit', votesFor: memberCount, votesAgainst: 0, votesAbstain: 0, reason: '' });
  const initiativeId = values.initiativeId || initiatives[0]?.id || '';
  if (initiatives.length === 0) return null;
  return (
    <section className="section panel" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('movement.council.decisionHeading')}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          decide.mutate({ ...values, initiativeId, scope: values.outcome === 'recognised' ? values.scope : null });
        }}
      >
        <Field label={t('movement.council.initiative')}>
          {(p) => (
            <select {...p} className="field__select" value={initiativeId} onChange={(e) => setValues({ ...values, initiativeId: e.target.value })}>
              {initiatives.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('movement.council.outcome')}>
          {(p) => (
            <select {...p} className="field__select" value={values.outcome} onChange={(e) => setValues({ ...values, outcome: e.target.value })}>
              <option value="recognised">{t('movement.actions.recognise')}</option>
              <option value="not_recognised">{t('movement.actions.refuse')}</option>
            </select>
          )}
        </Field>
        {values.outcome === 'recognised' ? (
          <Field label={t('movement.common.scope')}>
            {(p) => (
              <select {...p} className="field__select" value={values.scope} onChange={(e) => setValues({ ...values, scope: e.target.value })}>
                {recognitionScopes.map((s) => (
                  <option key={s} value={s}>
                    {t(`movement.scopes.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field label={t('movement.council.votesFor')}>{(p) => <input {...p} type="number" min={0} className="field__input movement-number" value={values.votesFor} onChange={(e) => setValues({ ...values, votesFor: Number(e.target.value) })} />}</Field>
        <Field label={t('movement.council.votesAgainst')}>{(p) => <input {...p} type="number" min={0} className="field__input movement-number" value={values.votesAgainst} onChange={(e) => setValues({ ...values, votesAgainst: Number(e.target.value) })} />}</Field>
        <Field label={t('movement.council.votesAbstain')}>{(p) => <input {...p} type="number" min={0} className="field__input movement-number" value={values.votesAbstain} onChange={(e) => setValues({ ...values, votesAbstain: Number(e.target.value) })} />}</Field>
        <Field label={t('movement.common.reason')}>{(p) => <textarea {...p} className="field__input" rows={2} value={values.reason} onChange={(e) => setValues({ ...values, reason: e.target.value })} />}</Field>
        <button type="submit" className="button" disabled={decide.isPending}>
          {t('movement.council.record')}
        </button>
        <WriteError error={decide.error} />
        <Done text={decide.data ? t('movement.council.recorded') : null} />
      </form>
    </section>
  );
}
