import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { moderateCommentSchema, type ModerationItem } from '../../../shared/contracts/movement.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useModerate, useModerationQueue } from './pages-api.js';
import { movementPaths } from './paths.js';
import { Done, Field, WriteError } from './ui.js';

const filterReasons = ['links', 'spam_phrase', 'shouting', 'repetition'] as const;

/** Comments waiting for a moderator (managers): why each waits, and hide or show with a note. */
export function ModerationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.moderation.pageTitle') }));
  return (
    <div className="container page">
      <h1>{t('movement.moderation.heading')}</h1>
      <p>{t('movement.moderation.intro')}</p>
      <RequireSignedIn>{() => <Queue />}</RequireSignedIn>
    </div>
  );
}

function Queue() {
  const { t } = useTranslation();
  const queue = useModerationQueue();
  const [lastDone, setLastDone] = useState<string | null>(null);
  // The decided comment leaves the list with the button that had focus: focus moves to the outcome.
  const outcome = useRef<HTMLDivElement>(null);
  const done = (text: string) => {
    setLastDone(text);
    outcome.current?.focus();
  };
  if (queue.isPending) return <Loading />;
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <>
      <div ref={outcome} tabIndex={-1} className="movement-outcome">
        <Done text={lastDone} />
      </div>
      {queue.data.comments.length === 0 ? <p>{t('movement.moderation.empty')}</p> : null}
      <ul className="plain-list movement-moderation">
        {queue.data.comments.map((c) => (
          <QueueItem key={c.id} comment={c} onDone={done} />
        ))}
      </ul>
    </>
  );
}

function QueueItem({ comment, onDone }: { comment: ModerationItem; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const moderate = useModerate();
  const [note, setNote] = useState('');
  const headingId = `comment-${comment.id}`;
  const why =
    comment.heldBy === 'filter'
      ? t('movement.moderation.byFilter', { reason: (filterReasons as readonly string[]).includes(comment.heldReason) ? t(`movement.moderation.reasons.${comment.heldReason as (typeof filterReasons)[number]}`) : comment.heldReason })
      : comment.heldBy === 'reports'
        ? t('movement.moderation.byReports', { count: comment.reportCount })
        : t('movement.moderation.byModerator', { note: comment.heldReason });
  const act = (action: 'hide' | 'show') => {
    if (moderate.isPending) return;
    const body = moderateCommentSchema.parse({ action, note });
    moderate.mutate({ id: comment.id, ...body }, { onSuccess: () => onDone(t(action === 'hide' ? 'movement.moderation.hidden' : 'movement.moderation.shown', { author: comment.authorName })) });
  };
  return (
    <li>
      <article className="panel movement-comment" aria-labelledby={headingId}>
        <h2 id={headingId} className="movement-card__title">
          {t('movement.moderation.commentBy', { author: comment.authorName, date: formatDate(comment.createdAt.slice(0, 10), locale) })}
        </h2>
        <p>
          {t('movement.moderation.on')} <Link to={movementPaths.publicInitiative(comment.initiativeId)}>{comment.initiativeTitle}</Link>
        </p>
        <blockquote className="movement-prewrap">{comment.body}</blockquote>
        <p>
          <span className={`tag tag--${comment.status === 'held' ? 'warning' : 'info'}`}>{t(`movement.moderation.status.${comment.status}`)}</span> {why}
        </p>
        {comment.reportReasons.length > 0 ? (
          <>
            <h3>{t('movement.moderation.reportReasons')}</h3>
            <ul>
              {comment.reportReasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </>
        ) : null}
        <Field label={t('movement.moderation.note')} hint={t('movement.moderation.noteHint')}>
          {(p) => <input {...p} className="field__input" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <div className="button-row">
          <button type="button" className="button button--danger" aria-disabled={moderate.isPending || undefined} onClick={() => act('hide')}>
            {t('movement.moderation.hide')}
          </button>
          <button type="button" className="button button--secondary" aria-disabled={moderate.isPending || undefined} onClick={() => act('show')}>
            {t('movement.moderation.show')}
          </button>
        </div>
        <WriteError error={moderate.error} />
      </article>
    </li>
  );
}
