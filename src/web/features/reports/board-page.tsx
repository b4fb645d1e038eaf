import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Board } from '../../../shared/contracts/reports.js';
import { paths } from '../../app/paths.js';
import { Button } from '../../components/button/button.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatCard, StatGrid } from '../../components/stat-card/stat-card.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { reportPaths, useBoard, useReportMutations } from './api.js';
import { CompiledStateTag, StateTag, TimelinessTag } from './parts.js';
import { isManager } from './regimes-page.js';

/** Who has reported for a period, on time or late, and the city's compiled report. */
export function BoardPage() {
  const { periodId = '' } = useParams();
  return (
    <Page width="wide">
      <RequireSignedIn>{(user) => <BoardView periodId={periodId} canCompile={isManager(user)} />}</RequireSignedIn>
    </Page>
  );
}

function BoardView({ periodId, canCompile }: { periodId: string; canCompile: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const navigate = useNavigate();
  const board = useBoard(periodId);
  const { compile } = useReportMutations();
  if (board.isPending) return <Loading />;
  if (board.isError) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  const b = board.data;
  const latest = b.compiled.at(-1);
  const canMakeNew = canCompile && (!latest || latest.state === 'issued' || latest.state === 'published');
  return (
    <>
      <PageHeader
        title={t('reports.board.heading', { period: localized(b.period.name) })}
        documentTitle={t('reports.board.pageTitle')}
        subtitle={`${localized(b.period.regimeName)} · ${t('reports.common.dueOn')}: ${formatDate(b.period.dueOn, locale)}`}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('reports.regimes.pageTitle'), to: reportPaths.regimes },
          { label: localized(b.period.regimeName), to: reportPaths.regime(b.period.regimeId) },
        ]}
      />
      <StatGrid label={t('reports.common.timeliness')}>
        {(['on_time', 'late', 'missing', 'pending'] as const).map((k) => (
          <StatCard key={k} name={k} label={t(`reports.timeliness.${k}`)} value={String(b.counts[k])} />
        ))}
      </StatGrid>
      <Section title={t('reports.board.rows')}>
        <DataTable<Board['rows'][number]>
          name="board"
          caption={t('reports.board.rows')}
          isCaptionHidden
          rows={b.rows}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'unit',
              header: t('reports.common.unit'),
              isRowHeader: true,
              cell: (r) => <Link to={reportPaths.unitReport(r.id)}>{localized(r.unit.name)}</Link>,
              sortValue: (r) => localized(r.unit.name),
            },
            { key: 'state', header: t('reports.common.state'), cell: (r) => <StateTag state={r.state} /> },
            {
              key: 'timeliness',
              header: t('reports.common.timeliness'),
              cell: (r) => <TimelinessTag timeliness={r.timeliness} />,
              sortValue: (r) => r.timeliness,
            },
            {
              key: 'submitted',
              header: t('reports.common.submittedAt'),
              cell: (r) => (r.submittedAt ? formatDateTime(r.submittedAt, locale) : '—'),
            },
            {
              key: 'late',
              header: t('reports.common.daysLate'),
              align: 'end',
              cell: (r) => r.daysLate ?? '—',
              sortValue: (r) => r.daysLate ?? 0,
            },
          ]}
        />
      </Section>
      <Section title={t('reports.board.compiled')}>
        {b.compiled.length ? (
          <ul className="plain-list link-list">
            {b.compiled.map((c) => (
              <li key={c.id}>
                <Link to={reportPaths.compiled(c.id)}>{t('reports.board.revision', { revision: c.revision })}</Link>{' '}
                <CompiledStateTag state={c.state} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('reports.board.noCompiled')}</p>
        )}
        {canMakeNew ? (
          <Button
            isBusy={compile.isPending}
            onClick={() => compile.mutate(periodId, { onSuccess: (created) => void navigate(reportPaths.compiled(created.id)) })}
          >
            {latest ? t('reports.board.compileNew') : t('reports.board.compile')}
          </Button>
        ) : null}
        {compile.isError ? <WriteError error={compile.error} /> : null}
      </Section>
    </>
  );
}
