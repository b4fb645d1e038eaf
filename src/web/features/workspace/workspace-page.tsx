import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roleNames, type RoleName } from '../../../shared/contracts/identity.js';
import type { WorkItem, WorkItemUrgency } from '../../../shared/contracts/workspace.js';
import { paths } from '../../app/paths.js';
import { Card, CardList } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag, type Tone } from '../../components/status-tag/status-tag.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useWorkspace } from './api.js';
import styles from './workspace.module.css';

const tones: Record<WorkItemUrgency, Tone> = { overdue: 'danger', due: 'warning', info: 'info' };

/** "Việc của tôi": the signed-in person's jobs by role, each with its count and one click from its page. */
export function WorkspacePage() {
  const { t } = useTranslation();
  return (
    <Page>
      <PageHeader title={t('workspace.heading')} documentTitle={t('workspace.pageTitle')} subtitle={t('workspace.intro')} breadcrumbs={[{ label: t('nav.home'), to: paths.home }]} />
      <RequireSignedIn>{() => <Workspace />}</RequireSignedIn>
    </Page>
  );
}

function Workspace() {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  if (workspace.isPending) return <Loading />;
  if (workspace.isError) return <QueryError error={workspace.error} onRetry={() => void workspace.refetch()} />;
  const { items, openCount } = workspace.data;
  const groups = roleNames.map((role) => ({ role, items: items.filter((item) => item.role === role) })).filter((group) => group.items.length > 0);
  return (
    <>
      <p className={styles.summary} data-open-count={openCount}>
        {openCount > 0 ? t('workspace.openCount', { total: formatNumber(openCount, locale) }) : t('workspace.nothingOpen')}
      </p>
      {groups.length === 0 ? <EmptyState title={t('workspace.nothingOpen')} /> : null}
      {groups.map((group) => (
        <RoleSection key={group.role} role={group.role} items={group.items} />
      ))}
    </>
  );
}

function RoleSection({ role, items }: { role: RoleName; items: WorkItem[] }) {
  const { t } = useTranslation();
  const headingId = `workspace-${role}`;
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h2 id={headingId}>{t(`workspace.roles.${role}`)}</h2>
      <CardList items={items} itemKey={(item) => item.id}>
        {(item) => <WorkItemCard item={item} />}
      </CardList>
    </section>
  );
}

function WorkItemCard({ item }: { item: WorkItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const label = localized(item.label);
  return (
    <Card name={item.id} title={<Link to={item.href}>{label}</Link>}>
      <p className={styles.figure}>
        <span className={styles.count} data-count={item.count}>
          {formatNumber(item.count, locale)}
        </span>
        {item.count > 0 ? (
          <StatusTag tone={tones[item.urgency]} status={item.urgency}>
            {t(`workspace.urgency.${item.urgency}`)}
          </StatusTag>
        ) : (
          <span className={styles.quiet}>{t('workspace.nothingWaiting')}</span>
        )}
      </p>
      {item.parts && item.parts.length > 0 ? (
        <ul className={styles.parts} aria-label={t('workspace.breakdown', { label })}>
          {item.parts.map((part) => (
            <li key={`${part.href}|${part.label.vi}`}>
              <Link to={part.href}>{localized(part.label)}</Link> <span className={styles.partCount}>({formatNumber(part.count, locale)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
