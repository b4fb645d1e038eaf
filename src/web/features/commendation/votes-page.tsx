import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag, TagGroup } from '../../components/status-tag/status-tag.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useMyVotes } from './api.js';
import { CommendationLinks, useTrail } from './common.js';
import { commendationPaths } from './paths.js';

/** A council member's ballots: the nominations their councils are voting on, each one click from its ballot. */
export function VotesPage() {
  const { t } = useTranslation();
  return (
    <Page width="wide">
      <PageHeader
        title={t('commendation.votes.heading')}
        documentTitle={t('commendation.votes.pageTitle')}
        subtitle={t('commendation.votes.intro')}
        breadcrumbs={useTrail()}
      />
      <RequireSignedIn>
        {(user) => (
          <>
            <CommendationLinks user={user} />
            <VoteList />
          </>
        )}
      </RequireSignedIn>
    </Page>
  );
}

function VoteList() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const votes = useMyVotes();
  if (votes.isPending) return <Loading />;
  if (votes.isError) return <QueryError error={votes.error} onRetry={() => void votes.refetch()} />;
  return (
    <DataTable
      caption={t('commendation.votes.heading')}
      isCaptionHidden
      name="votes"
      rows={votes.data.items}
      rowKey={(v) => v.id}
      empty={<EmptyState title={t('commendation.votes.empty')} />}
      columns={[
        {
          key: 'nominee',
          header: t('commendation.columns.nominee'),
          isRowHeader: true,
          cell: (v) => <Link to={commendationPaths.nomination(v.id)}>{v.nomineeName}</Link>,
        },
        { key: 'title', header: t('commendation.columns.title'), cell: (v) => `${localized(v.title.name)} ${v.year}` },
        { key: 'council', header: t('commendation.columns.council'), cell: (v) => localized(v.council) },
        {
          key: 'ballot',
          header: t('commendation.columns.ballot'),
          cell: (v) => (
            <TagGroup>
              <StatusTag tone={v.hasVoted ? 'success' : 'warning'}>
                {v.hasVoted ? t('commendation.votes.done') : t('commendation.votes.waiting')}
              </StatusTag>
              {v.isChair ? <StatusTag tone="info">{t('commendation.votes.chair')}</StatusTag> : null}
            </TagGroup>
          ),
        },
      ]}
    />
  );
}
