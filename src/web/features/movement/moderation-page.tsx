import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { moderateCommentSchema, type ModerationItem } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { Button, ButtonRow } from '../../components/button/button.js';
import { Card, CardList } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledInput } from '../../components/form/field-shell.js';
import { WriteError } from '../../components/notice/notice.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { useToast } from '../../components/toast/toast.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { RequirePermission } from '../identity/require-permission.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useModerate, useModerationQueue } from './pages-api.js';
import { movementPaths } from './paths.js';
import { useState } from 'react';

const filterReasons = ['links', 'spam_phrase', 'shouting', 'repetition'] as const;

/** Comments waiting for a moderator (managers): why each waits, and hide or show with a note. */
export function ModerationPage() {
  const { t } = useTranslation();
  return (
    <Page width="narrow">
      <PageHeader
        title={t('movement.moderation.heading')}
        documentTitle={t('movement.moderation.pageTitle')}
        subtitle={t('movement.moderation.intro')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('movement.campaign.listTitle'), to: movementPaths.campaigns },
        ]}
      />
      <RequirePermission allows={isProgrammeManager}>{() => <Queue />}</RequirePermission>
    </Page>
  );
}

function Queue() {
  const { t } = useTranslation();
  const queue = useModerationQueue();
  if (queue.isPending) return <Loading />;
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <CardList
      items={queue.data.comments}
      itemKey={(c) => c.id}
      layout="column"
      empty={<EmptyState title={t('movement.moderation.empty')} />}
    >
      {(c) => <QueueItem comment={c} />}
    </CardList>
  );
}

function QueueItem({ comment }: { comment: ModerationItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const toast = useToast();
  const moderate = useModerate();
  const [note, setNote] = useState('');
  const why =
    comment.heldBy === 'filter'
      ? t('movement.moderation.byFilter', {
          reason: (filterReasons as readonly string[]).includes(comment.heldReason)
            ? t(`movement.moderation.reasons.${comment.heldReason as (typeof filterReasons)[number]}`)
            : comment.heldReason,
        })
      : comment.heldBy === 'reports'
        ? t('movement.moderation.byReports', { count: comment.reportCount })
        : t('movement.moderation.byModerator', { note: comment.heldReason });
  const act = (action: 'hide' | 'show') => {
    const body = moderateCommentSchema.parse({ action, note });
    // The decided comment leaves the list with the button that had focus; the toast says what happened.
    moderate.mutate(
      { id: comment.id, ...body },
      {
        onSuccess: () =>
          toast.show((tr) =>
            tr(action === 'hide' ? 'movement.moderation.hidden' : 'movement.moderation.shown', { author: comment.authorName }),
          ),
      },
    );
  };
  return (
    <Card
      headingLevel={2}
      title={t('movement.moderation.commentBy', { author: comment.authorName, date: formatDate(comment.createdAt, locale) })}
    >
      <p>
        {t('movement.moderation.on')} <Link to={movementPaths.publicInitiative(comment.initiativeId)}>{comment.initiativeTitle}</Link>
      </p>
      <blockquote className="prewrap">{comment.body}</blockquote>
      <p className="cluster">
        <StatusTag tone={comment.status === 'held' ? 'warning' : 'info'}>{t(`movement.moderation.status.${comment.status}`)}</StatusTag>{' '}
        {why}
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
      <LabelledInput
        label={t('movement.moderation.note')}
        hint={t('movement.moderation.noteHint')}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <ButtonRow>
        <Button variant="danger" isBusy={moderate.isPending} onClick={() => act('hide')}>
          {t('movement.moderation.hide')}
        </Button>
        <Button variant="secondary" isBusy={moderate.isPending} onClick={() => act('show')}>
          {t('movement.moderation.show')}
        </Button>
      </ButtonRow>
      <WriteError error={moderate.error} />
    </Card>
  );
}
