import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { InitiativeDto, WorkflowAction } from '../../../shared/contracts/movement.js';
import type { Me } from '../../../shared/contracts/identity.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useAwardTypes, useConfirmAuthorship, useInitiative, useMakeAward, useReplicate, useTransition } from './api.js';
import { movementPaths } from './paths.js';
import { DossierAttachments } from './attachments.js';
import { Done, Field, StateTag, WriteError } from './ui.js';
import { useFieldNames } from './use-field-names.js';

/** Actions taken on this page; the council's decision is on the council page. */
const pageActions: WorkflowAction[] = ['submit', 'resubmit', 'start_screening', 'accept_for_review', 'return', 'withdraw'];

/** The whole dossier for its authors, managers and council, with what the reader may do next. */
export function DossierPage() {
  const { id = '' } = useParams();
  return (
    <div className="container page">
      <RequireSignedIn>{() => <Dossier id={id} />}</RequireSignedIn>
    </div>
  );
}

function Dossier({ id }: { id: string }) {
  const { t } = useTranslation();
  const initiative = useInitiative(id);
  const fieldName = useFieldNames();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.dossier.pageTitle', { code: initiative.data?.code ?? '' }) }));
  if (initiative.isPending) return <Loading />;
  if (initiative.isError) return <QueryError error={initiative.error} onRetry={() => void initiative.refetch()} />;
  const dto = initiative.data;
  const isPublic = ['recognised', 'awarded', 'replicated'].includes(dto.state);
  return (
    <>
      <p className="muted">{dto.code}</p>
      <h1>{dto.title}</h1>
      <p>
        <StateTag state={dto.state} /> {dto.scope ? <span className="tag tag--info">{t(`movement.scopes.${dto.scope}`)}</span> : null}
      </p>
      {isPublic ? <Link to={movementPaths.publicInitiative(dto.id)}>{t('movement.dossier.publicPage')}</Link> : null}
      <dl className="summary-list">
        <Row label={t('movement.common.field')} value={fieldName(dto.fieldCode)} />
        <Row label={t('movement.submit.kind')} value={t(`movement.kinds.${dto.kind}`)} />
        <Row label={t('movement.submit.firstAppliedOn')} value={dto.firstAppliedOn ?? '—'} />
        <Row label={t('movement.submit.essence')} value={dto.essence} />
        <Row label={t('movement.submit.confidentialInfo')} value={dto.confidentialInfo || '—'} />
        <Row label={t('movement.submit.conditions')} value={dto.conditions} />
        <Row label={t('movement.submit.benefits')} value={dto.benefits} />
      </dl>
      <DecisionDue dto={dto} />
      <DossierAttachments items={dto.attachments} />
      <Authors dto={dto} />
      <Actions dto={dto} />
      {dto.allowedActions.includes('award') ? <AwardForm dto={dto} /> : null}
      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('movement.dossier.history')}</h2>
        <ol className="movement-history">
          {dto.history.map((h, i) => (
            <li key={i}>
              <time dateTime={h.occurredAt}>{new Date(h.occurredAt).toLocaleString()}</time> — {t(`movement.states.${h.toState}`)} {h.reason ? `(${h.reason})` : ''}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd className="movement-prewrap">{value}</dd>
    </div>
  );
}

/** While the council deliberates: the date the unit must decide by, marked when it has passed. */
function DecisionDue({ dto }: { dto: InitiativeDto }) {
  const { t } = useTranslation();
  if (!dto.decisionDueOn) return null;
  return <p className={dto.isDecisionOverdue ? 'movement-warning' : 'muted'}>{dto.isDecisionOverdue ? t('movement.deadline.dossierOverdue', { date: dto.decisionDueOn }) : t('movement.deadline.dossier', { date: dto.decisionDueOn })}</p>;
}

function Authors({ dto }: { dto: InitiativeDto }) {
  const { t } = useTranslation();
  const confirm = useConfirmAuthorship(dto.id);
  const mine = dto.authors.find((a) => a.isMe && a.confirmedAt === null);
  return (
    <section className="section" aria-labelledby="authors-heading">
      <h2 id="authors-heading">{t('movement.dossier.authors')}</h2>
      <div className="movement-table-wrap">
        <table className="movement-table">
          <thead>
            <tr>
              <th scope="col">{t('movement.submit.authorName')}</th>
              <th scope="col">{t('movement.submit.authorWorkplace')}</th>
              <th scope="col">{t('movement.submit.authorShare')}</th>
              <th scope="col">{t('movement.common.state')}</th>
            </tr>
          </thead>
          <tbody>
            {dto.authors.map((a) => (
              <tr key={a.id}>
                <td>{a.fullName}</td>
                <td>{a.workplace}</td>
                <td>{a.contributionPercent}%</td>
                <td>
                  {a.confirmedAt ? (
                    <span title={t('movement.coauthor.confirmedAt', { time: new Date(a.confirmedAt).toLocaleString() })}>{t('movement.submit.confirmed')}</span>
                  ) : a.awaitsConfirmation ? (
                    t('movement.submit.notConfirmed')
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mine ? (
        <div className="panel movement-confirm">
          <h3>{t('movement.coauthor.askHeading')}</h3>
          <p>{t('movement.coauthor.ask', { share: mine.contributionPercent })}</p>
          <button type="button" className="button" disabled={confirm.isPending} onClick={() => confirm.mutate(mine.id)}>
            {t('movement.submit.confirmPart')}
          </button>
        </div>
      ) : null}
      <WriteError error={confirm.error} />
      <Done text={confirm.isSuccess ? t('movement.coauthor.done') : null} />
    </section>
  );
}

function Actions({ dto }: { dto: InitiativeDto }) {
  const { t } = useTranslation();
  const transition = useTransition();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const actions = dto.allowedActions.filter((a) => pageActions.includes(a));
  const canEdit = ['draft', 'returned'].includes(dto.state) && (dto.allowedActions.includes('submit') || dto.allowedActions.includes('resubmit'));
  const needsReason = actions.some((a) => a === 'return' || a === 'withdraw');
  return (
    <section className="section panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('movement.dossier.actionsHeading')}</h2>
      {actions.length === 0 ? <p>{t('movement.dossier.noActions')}</p> : null}
      {canEdit ? (
        <p>
          <Link to={movementPaths.edit(dto.id)}>{t('movement.dossier.edit')}</Link>
        </p>
      ) : null}
      {needsReason ? (
        <Field label={t('movement.common.reason')} hint={t('movement.common.reasonHint')}>
          {(p) => <textarea {...p} className="field__input" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      ) : null}
      <div className="button-row">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'withdraw' || action === 'return' ? 'button button--secondary' : 'button'}
            disabled={transition.isPending}
            onClick={() => {
              setDone(null);
              transition.mutate({ id: dto.id, action, reason }, { onSuccess: (next) => setDone(t(`movement.states.${next.state}`)) });
            }}
          >
            {t(`movement.actions.${action}`)}
          </button>
        ))}
      </div>
      <WriteError error={transition.error} />
      <Done text={done} />
    </section>
  );
}

function AwardForm({ dto }: { dto: InitiativeDto }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const types = useAwardTypes();
  const award = useMakeAward(dto.id);
  const [values, setValues] = useState({ awardTypeCode: '', decisionRef: '', awardedOn: new Date().toISOString().slice(0, 10), recipients: dto.authors.map((a) => a.fullName).join(', ') });
  return (
    <section className="section panel" aria-labelledby="award-heading">
      <h2 id="award-heading">{t('movement.dossier.awardHeading')}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          award.mutate(values);
        }}
      >
        <Field label={t('movement.dossier.awardType')}>
          {(p) => (
            <select {...p} className="field__select" value={values.awardTypeCode} onChange={(e) => setValues({ ...values, awardTypeCode: e.target.value })}>
              <option value="">—</option>
              {types.data?.types.map((type) => (
                <option key={type.code} value={type.code}>
                  {localized(type.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('movement.dossier.decisionRef')}>{(p) => <input {...p} className="field__input" value={values.decisionRef} onChange={(e) => setValues({ ...values, decisionRef: e.target.value })} />}</Field>
        <Field label={t('movement.dossier.awardedOn')}>{(p) => <input {...p} type="date" className="field__input movement-date" value={values.awardedOn} onChange={(e) => setValues({ ...values, awardedOn: e.target.value })} />}</Field>
        <Field label={t('movement.dossier.recipients')}>{(p) => <input {...p} className="field__input" value={values.recipients} onChange={(e) => setValues({ ...values, recipients: e.target.value })} />}</Field>
        <button type="submit" className="button" disabled={award.isPending}>
          {t('movement.actions.award')}
        </button>
        <WriteError error={award.error} />
        <Done text={award.data ? t('movement.common.done') : null} />
        {award.data ? <Link to={movementPaths.certificate(award.data.id)}>{t('movement.public.certificate')}</Link> : null}
      </form>
    </section>
  );
}

/** A unit officer records that their unit applies the initiative (from its public page). */
export function ReplicateForm({ initiativeId, user }: { initiativeId: string; user: Me }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const replicate = useReplicate(initiativeId);
  const officerUnits = user.grants.filter((g) => g.role === 'unit_officer');
  const [values, setValues] = useState({ unitId: officerUnits[0]?.unitId ?? '', adoptedOn: new Date().toISOString().slice(0, 10), results: '' });
  if (officerUnits.length === 0) return null;
  return (
    <section className="section panel" aria-labelledby="replicate-heading">
      <h2 id="replicate-heading">{t('movement.dossier.replicateHeading')}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          replicate.mutate(values);
        }}
      >
        <Field label={t('movement.common.unit')}>
          {(p) => (
            <select {...p} className="field__select" value={values.unitId} onChange={(e) => setValues({ ...values, unitId: e.target.value })}>
              {officerUnits.map((g) => (
                <option key={g.unitId} value={g.unitId}>
                  {localized(g.unitName)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('movement.dossier.adoptedOn')}>{(p) => <input {...p} type="date" className="field__input movement-date" value={values.adoptedOn} onChange={(e) => setValues({ ...values, adoptedOn: e.target.value })} />}</Field>
        <Field label={t('movement.dossier.results')}>{(p) => <textarea {...p} className="field__input" rows={3} value={values.results} onChange={(e) => setValues({ ...values, results: e.target.value })} />}</Field>
        <button type="submit" className="button" disabled={replicate.isPending}>
          {t('movement.actions.replicate')}
        </button>
        <WriteError error={replicate.error} />
        <Done text={replicate.data ? t('movement.common.done') : null} />
      </form>
    </section>
  );
}
