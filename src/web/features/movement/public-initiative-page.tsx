import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { useCurrentUser } from '../identity/api.js';
import { useAddComment, useComments, usePublicInitiative, useReportComment, useSupport } from './api.js';
import { AttachmentList } from './attachments.js';
import { ReplicateForm } from './dossier-page.js';
import { movementPaths } from './paths.js';
import { Done, StateTag, WriteError } from './ui.js';
import { useFieldNames } from './use-field-names.js';

/** A recognised initiative for everyone: no confidential part; supports, comments, awards and adopting units. */
export function PublicInitiativePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localized = useLocalized();
  const fieldName = useFieldNames();
  const initiative = usePublicInitiative(id);
  const user = useCurrentUser();
  const support = useSupport(id);
  useDocumentTitle(t('app.pageTitle', { page: initiative.data?.title ?? t('movement.gallery.pageTitle') }));
  if (initiative.isPending) return <div className="container page"><Loading /></div>;
  if (initiative.isError) return <div className="container page"><QueryError error={initiative.error} onRetry={() => void initiative.refetch()} /></div>;
  const dto = initiative.data;
  return (
    <div className="container page">
      <p className="muted">{dto.code}</p>
      <h1>{dto.title}</h1>
      <p>
        <StateTag state={dto.state} /> {dto.scope ? <span className="tag tag--info">{t(`movement.scopes.${dto.scope}`)}</span> : null} · {fieldName(dto.fieldCode)}
        {dto.unitName ? ` · ${localized(dto.unitName)}` : ''}
      </p>
      <div className="movement-support">
        <p role="status" className="movement-support__count">
          {t('movement.public.supportCount', { count: dto.supportCount })}
        </p>
        {user ? (
          <button type="button" className="button" aria-pressed={dto.supportedByMe} disabled={dto.supportedByMe || support.isPending} onClick={() => support.mutate()}>
            {dto.supportedByMe ? t('movement.public.supported') : t('movement.public.support')}
          </button>
        ) : (
          <p>
            <Link to={`/dang-nhap?returnTo=${encodeURIComponent(movementPaths.publicInitiative(id))}`}>{t('movement.common.signInToAct')}</Link>
          </p>
        )}
        <WriteError error={support.error} />
      </div>
      <section className="section" aria-labelledby="essence-heading">
        <h2 id="essence-heading">{t('movement.public.essence')}</h2>
        <p className="movement-prewrap">{dto.essence}</p>
        <h3>{t('movement.public.conditions')}</h3>
        <p className="movement-prewrap">{dto.conditions}</p>
        <h3>{t('movement.public.benefits')}</h3>
        <p className="movement-prewrap">{dto.benefits}</p>
        <h3>{t('movement.public.authors')}</h3>
        <ul className="plain-list">
          {dto.authors.map((a, i) => (
            <li key={i}>
              {a.fullName} ({a.contributionPercent}%)
            </li>
          ))}
        </ul>
        <p>
          {t('movement.public.firstAppliedOn')}: {dto.firstAppliedOn ?? '—'}
        </p>
      </section>
      <section className="section" aria-labelledby="files-heading">
        <h2 id="files-heading">{t('movement.files.heading')}</h2>
        <AttachmentList items={dto.attachments} headingId="files-heading" />
      </section>
      <section className="section" aria-labelledby="awards-heading">
        <h2 id="awards-heading">{t('movement.public.awards')}</h2>
        {dto.awards.length === 0 ? <p>{t('movement.common.noneYet')}</p> : null}
        <ul className="plain-list">
          {dto.awards.map((a) => (
            <li key={a.id}>
              {localized(a.type)} — {a.decisionRef} ({a.awardedOn}) · <Link to={movementPaths.certificate(a.id)}>{t('movement.public.certificate')}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="replications-heading">
        <h2 id="replications-heading">{t('movement.public.replications')}</h2>
        {dto.replications.length === 0 ? <p>{t('movement.common.noneYet')}</p> : null}
        <ul className="plain-list movement-list">
          {dto.replications.map((r, i) => (
            <li key={i}>
              <strong>{localized(r.unitName)}</strong> ({r.adoptedOn}): {r.results}
            </li>
          ))}
        </ul>
      </section>
      {user && user.grants.some((g) => g.role === 'unit_officer') ? <ReplicateForm initiativeId={id} user={user} /> : null}
      <Comments id={id} isSignedIn={user !== null} />
    </div>
  );
}

function Comments({ id, isSignedIn }: { id: string; isSignedIn: boolean }) {
  const { t } = useTranslation();
  const comments = useComments(id);
  const add = useAddComment(id);
  const report = useReportComment();
  const [text, setText] = useState('');
  const [reported, setReported] = useState<string[]>([]);
  const inputId = useId();
  return (
    <section className="section" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('movement.public.comments')}</h2>
      {comments.data?.comments.length === 0 ? <p>{t('movement.public.noComments')}</p> : null}
      <ul className="plain-list movement-list">
        {comments.data?.comments.map((c) => (
          <li key={c.id} className="movement-comment">
            <p>
              <strong>{c.authorName}</strong> · <time dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString()}</time>
            </p>
            <p className="movement-prewrap">{c.body}</p>
            {isSignedIn ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={reported.includes(c.id)}
                onClick={() => report.mutate({ id: c.id, reason: 'inappropriate' }, { onSuccess: () => setReported([...reported, c.id]) })}
              >
                {reported.includes(c.id) ? t('movement.public.reported') : t('movement.public.report')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {isSignedIn ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(text, { onSuccess: () => setText('') });
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={inputId}>
              {t('movement.public.commentLabel')}
            </label>
            <textarea id={inputId} className="field__input" rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit" className="button button--secondary" disabled={add.isPending}>
            {t('movement.public.send')}
          </button>
          <WriteError error={add.error} />
          <Done text={add.data?.status === 'held' ? t('movement.public.held') : null} />
        </form>
      ) : null}
    </section>
  );
}
