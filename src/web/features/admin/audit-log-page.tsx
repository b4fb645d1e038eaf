import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { buildApiUrl } from '../../api/client.js';
import { paths } from '../../app/paths.js';
import { Button, buttonClass, ButtonRow } from '../../components/button/button.js';
import { Panel } from '../../components/card/card.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledInput } from '../../components/form/field-shell.js';
import { filterGridClass } from '../../components/form/filter-bar.js';
import { Notice, WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { adminPaths } from './admin-paths.js';
import { auditFilterNames, auditPageSize, auditQuery, useAuditEvents, useVerifyAudit, type AuditEvent, type AuditFilters } from './api.js';
import { RequireAdministrator } from './require-administrator.js';
import styles from './admin.module.css';

type FilterName = (typeof auditFilterNames)[number];

/** The audit log: filter it (the filters live in the URL, so a view can be shared), page back, export, verify. */
export function AuditLogPage() {
  return (
    <Page width="wide">
      <RequireAdministrator>{() => <AuditLog />}</RequireAdministrator>
    </Page>
  );
}

const actorLabels = ['user', 'api-token', 'system'] as const;
const isActorLabel = (name: string): name is (typeof actorLabels)[number] => (actorLabels as readonly string[]).includes(name);

function AuditLog() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = Object.fromEntries([...auditFilterNames, 'before'].map((name) => [name, searchParams.get(name) ?? ''])) as AuditFilters;
  const events = useAuditEvents(filters);
  const { before: _before, ...exportFilters } = filters;
  const csvUrl = buildApiUrl('/api/admin/audit.csv', { ...auditQuery({ ...exportFilters, before: '' }), limit: 500 });
  const items = events.data?.items ?? [];
  const lastId = items.at(-1)?.id;

  const goTo = (next: Partial<AuditFilters>) => {
    const merged = { ...filters, ...next };
    setSearchParams(Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== '')));
  };

  return (
    <>
      <PageHeader
        title={t('admin.audit.heading')}
        documentTitle={t('admin.audit.pageTitle')}
        subtitle={t('admin.audit.intro')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('admin.home.heading'), to: adminPaths.home },
        ]}
      />
      <AuditFiltersForm
        key={searchParams.toString()}
        filters={filters}
        onApply={(next) => goTo({ ...next, before: '' })}
        onClear={() => setSearchParams({})}
      />
      <p>
        <a className={buttonClass('secondary')} href={csvUrl} download>
          {t('admin.audit.exportCsv')}
        </a>
      </p>
      {events.isPending ? <Loading /> : null}
      {events.isError ? <QueryError error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.data ? (
        <DataTable
          caption={t('admin.audit.tableCaption')}
          rows={items}
          rowKey={(event) => String(event.id)}
          empty={<EmptyState title={t('admin.audit.empty')}>{t('admin.audit.emptyNext')}</EmptyState>}
          columns={[
            { key: 'id', header: '#', cell: (event: AuditEvent) => event.id, align: 'end' },
            { key: 'occurredAt', header: t('admin.audit.occurredAt'), cell: (event) => formatDateTime(event.occurredAt, locale) },
            {
              key: 'actor',
              header: t('admin.audit.actor'),
              cell: (event) => (
                <>
                  {isActorLabel(event.actorName) ? t(`admin.audit.actors.${event.actorName}`) : event.actorName}
                  {event.actorId ? <code className={styles.id}>{event.actorId}</code> : null}
                </>
              ),
            },
            { key: 'action', header: t('admin.audit.action'), cell: (event) => <code>{event.action}</code> },
            {
              key: 'entity',
              header: t('admin.audit.entity'),
              cell: (event) => (
                <>
                  {event.entityType}
                  {event.entityId ? <code className={styles.id}>{event.entityId}</code> : null}
                </>
              ),
            },
            {
              key: 'request',
              header: t('admin.audit.request'),
              cell: (event) => (
                <>
                  {event.requestId ? <code className={styles.id}>{event.requestId}</code> : null}
                  {event.ip ?? ''}
                </>
              ),
            },
            {
              key: 'changes',
              header: t('admin.audit.changes'),
              cell: (event) => (
                <details>
                  <summary>
                    {t('admin.audit.show')}
                    <span className="visually-hidden"> #{event.id}</span>
                  </summary>
                  <p className={styles.label}>{t('admin.audit.before')}</p>
                  <pre className={styles.json}>{JSON.stringify(event.before ?? null, null, 2)}</pre>
                  <p className={styles.label}>{t('admin.audit.after')}</p>
                  <pre className={styles.json}>{JSON.stringify(event.after ?? null, null, 2)}</pre>
                </details>
              ),
            },
          ]}
        />
      ) : null}
      <ButtonRow>
        {filters.before ? (
          <Button variant="secondary" onClick={() => goTo({ before: '' })}>
            {t('admin.audit.newest')}
          </Button>
        ) : null}
        {items.length === auditPageSize && lastId !== undefined ? (
          <Button variant="secondary" onClick={() => goTo({ before: String(lastId) })}>
            {t('admin.audit.next')}
          </Button>
        ) : null}
      </ButtonRow>
      <VerifyChain />
    </>
  );
}

const filterInputs: ReadonlyArray<{ name: FilterName; type: 'text' | 'date'; hint?: 'admin.audit.actionHint' }> = [
  { name: 'action', type: 'text', hint: 'admin.audit.actionHint' },
  { name: 'entityType', type: 'text' },
  { name: 'entityId', type: 'text' },
  { name: 'actorId', type: 'text' },
  { name: 'from', type: 'date' },
  { name: 'to', type: 'date' },
];

function AuditFiltersForm({
  filters,
  onApply,
  onClear,
}: {
  filters: AuditFilters;
  onApply: (next: Partial<AuditFilters>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Record<FilterName, string>>(
    () => Object.fromEntries(auditFilterNames.map((name) => [name, filters[name]])) as Record<FilterName, string>,
  );
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(Object.fromEntries(Object.entries(draft).map(([name, value]) => [name, value.trim()])));
  };
  return (
    <Section title={t('admin.audit.filtersHeading')}>
      <form onSubmit={handleSubmit} role="search" aria-label={t('admin.audit.filtersHeading')}>
        <div className={filterGridClass}>
          {filterInputs.map((input) => (
            <LabelledInput
              key={input.name}
              label={t(`admin.audit.${input.name}`)}
              hint={input.hint ? t(input.hint) : undefined}
              type={input.type}
              maxLength={80}
              value={draft[input.name]}
              onChange={(event) => setDraft((current) => ({ ...current, [input.name]: event.target.value }))}
            />
          ))}
        </div>
        <ButtonRow>
          <Button type="submit">{t('admin.audit.apply')}</Button>
          <Button variant="secondary" onClick={onClear}>
            {t('admin.audit.clear')}
          </Button>
        </ButtonRow>
      </form>
    </Section>
  );
}

function VerifyChain() {
  const { t } = useTranslation();
  const locale = useLocale();
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <Panel title={t('admin.audit.verifyHeading')}>
      <Button variant="secondary" isBusy={verify.isPending} onClick={() => verify.mutate()}>
        {verify.isPending ? t('admin.audit.verifying') : t('admin.audit.verify')}
      </Button>
      <div role="status">
        {result && result.brokenAt === null ? (
          <p className={styles.ok}>{t('admin.audit.verifyOk', { checked: formatNumber(result.checked, locale), pending: formatNumber(result.pending, locale) })}</p>
        ) : null}
        {result && result.brokenAt !== null ? (
          <Notice tone="error">{t('admin.audit.verifyBroken', { row: result.brokenAt, reason: result.reason?.[locale] ?? '' })}</Notice>
        ) : null}
      </div>
      <WriteError error={verify.error} />
    </Panel>
  );
}
