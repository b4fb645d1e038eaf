import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { buildApiUrl } from '../../api/client.js';
import { Loading, QueryError, describeError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { auditFilterNames, auditPageSize, auditQuery, useAuditEvents, useVerifyAudit, type AuditFilters } from './api.js';
import { RequireAdministrator } from './require-administrator.js';

type FilterName = (typeof auditFilterNames)[number];

/** The audit log: filter it (the filters live in the URL, so a view can be shared), page back, export, verify. */
export function AuditLogPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('admin.audit.pageTitle') }));
  return <RequireAdministrator>{() => <AuditLog />}</RequireAdministrator>;
}

const dateTimeFormats = { vi: 'vi-VN', en: 'en-GB' } as const;

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
  const formatWhen = (iso: string) =>
    new Intl.DateTimeFormat(dateTimeFormats[locale], { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(iso),
    );

  const goTo = (next: Partial<AuditFilters>) => {
    const merged = { ...filters, ...next };
    setSearchParams(Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== '')));
  };

  return (
    <div className="container page page--wide">
      <h1>{t('admin.audit.heading')}</h1>
      <p>{t('admin.audit.intro')}</p>
      <AuditFiltersForm
        key={searchParams.toString()}
        filters={filters}
        onApply={(next) => goTo({ ...next, before: '' })}
        onClear={() => setSearchParams({})}
      />
      <p>
        <a className="button button--secondary" href={csvUrl} download>
          {t('admin.audit.exportCsv')}
        </a>
      </p>
      {events.isPending ? <Loading /> : null}
      {events.isError ? <QueryError error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.data ? (
        items.length === 0 ? (
          <p>{t('admin.audit.empty')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="audit-caption">{t('admin.audit.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('admin.audit.occurredAt')}</th>
                  <th scope="col">{t('admin.audit.actor')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.entity')}</th>
                  <th scope="col">{t('admin.audit.request')}</th>
                  <th scope="col">{t('admin.audit.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((event) => (
                  <tr key={event.id}>
                    <td>{event.id}</td>
                    <td>{formatWhen(event.occurredAt)}</td>
                    <td>
                      {isActorLabel(event.actorName) ? t(`admin.audit.actors.${event.actorName}`) : event.actorName}
                      {event.actorId ? <code className="audit__id">{event.actorId}</code> : null}
                    </td>
                    <td>
                      <code>{event.action}</code>
                    </td>
                    <td>
                      {event.entityType}
                      {event.entityId ? <code className="audit__id">{event.entityId}</code> : null}
                    </td>
                    <td>
                      {event.requestId ? <code className="audit__id">{event.requestId}</code> : null}
                      {event.ip ?? ''}
                    </td>
                    <td>
                      <details>
                        <summary>
                          {t('admin.audit.show')}
                          <span className="visually-hidden"> #{event.id}</span>
                        </summary>
                        <p className="audit__label">{t('admin.audit.before')}</p>
                        <pre className="audit__json">{JSON.stringify(event.before ?? null, null, 2)}</pre>
                        <p className="audit__label">{t('admin.audit.after')}</p>
                        <pre className="audit__json">{JSON.stringify(event.after ?? null, null, 2)}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <div className="button-row">
        {filters.before ? (
          <button type="button" className="button button--secondary" onClick={() => goTo({ before: '' })}>
            {t('admin.audit.newest')}
          </button>
        ) : null}
        {items.length === auditPageSize && lastId !== undefined ? (
          <button type="button" className="button button--secondary" onClick={() => goTo({ before: String(lastId) })}>
            {t('admin.audit.next')}
          </button>
        ) : null}
      </div>
      <VerifyChain />
    </div>
  );
}

const actorLabels = ['user', 'api-token', 'system'] as const;
const isActorLabel = (name: string): name is (typeof actorLabels)[number] => (actorLabels as readonly string[]).includes(name);

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
  const id = useId();
  const [draft, setDraft] = useState<Record<FilterName, string>>(
    () => Object.fromEntries(auditFilterNames.map((name) => [name, filters[name]])) as Record<FilterName, string>,
  );
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(Object.fromEntries(Object.entries(draft).map(([name, value]) => [name, value.trim()])));
  };
  return (
    <form className="filter-form" onSubmit={handleSubmit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('admin.audit.filtersHeading')}</h2>
      <div className="filter-form__grid">
        {filterInputs.map((input) => (
          <div className="field" key={input.name}>
            <label htmlFor={`${id}-${input.name}`} className="field__label">
              {t(`admin.audit.${input.name}`)}
            </label>
            {input.hint ? (
              <div id={`${id}-${input.name}-hint`} className="field__hint">
                {t(input.hint)}
              </div>
            ) : null}
            <input
              id={`${id}-${input.name}`}
              className="field__input"
              type={input.type}
              maxLength={80}
              value={draft[input.name]}
              aria-describedby={input.hint ? `${id}-${input.name}-hint` : undefined}
              onChange={(event) => setDraft((current) => ({ ...current, [input.name]: event.target.value }))}
            />
          </div>
        ))}
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          {t('admin.audit.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t('admin.audit.clear')}
        </button>
      </div>
    </form>
  );
}

function VerifyChain() {
  const { t } = useTranslation();
  const locale = useLocale();
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <section className="panel" aria-labelledby="audit-verify-heading">
      <h2 id="audit-verify-heading">{t('admin.audit.verifyHeading')}</h2>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={verify.isPending || undefined}
        onClick={() => !verify.isPending && verify.mutate()}
      >
        {verify.isPending ? t('admin.audit.verifying') : t('admin.audit.verify')}
      </button>
      <div role="status" className="form__status">
        {result && result.brokenAt === null ? (
          <p className="audit__ok">
            {t('admin.audit.verifyOk', { checked: formatNumber(result.checked, locale), pending: formatNumber(result.pending, locale) })}
          </p>
        ) : null}
        {result && result.brokenAt !== null ? (
          <p className="field__error">{t('admin.audit.verifyBroken', { row: result.brokenAt, reason: result.reason?.[locale] ?? '' })}</p>
        ) : null}
        {verify.isError ? <p className="field__error">{describeError(verify.error, locale, t)}</p> : null}
      </div>
    </section>
  );
}
