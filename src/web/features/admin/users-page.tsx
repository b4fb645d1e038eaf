import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { grantCreateBodySchema, roleNames, type Unit } from '../../../shared/contracts/identity.js';
import { CheckboxField, SelectField } from '../../components/form/form-field.js';
import { useForm } from '../../components/form/use-form.js';
import { ValidatedForm } from '../../components/form/validated-form.js';
import { Loading, QueryError, describeError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useAdminUnits, useAdminUsers, useGrantRole, useRevokeGrant, type AdminUser } from './api.js';
import { RequireAdministrator } from './require-administrator.js';

/** Accounts found by e-mail or name, each with its roles to revoke and a form to grant one. */
export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('admin.users.pageTitle') }));
  return <RequireAdministrator>{() => <UsersAdministration />}</RequireAdministrator>;
}

function UsersAdministration() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const [status, setStatus] = useState('');
  const users = useAdminUsers(q);
  const units = useAdminUnits();
  const searchId = useId();

  const handleSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearchParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <div className="container page">
      <h1>{t('admin.users.heading')}</h1>
      <form role="search" className="search-form" onSubmit={handleSearch}>
        <label htmlFor={searchId} className="search-form__label">
          {t('admin.users.search')}
        </label>
        <div className="search-form__row">
          <input id={searchId} className="search-form__input" type="search" value={draft} maxLength={100} onChange={(event) => setDraft(event.target.value)} />
          <button type="submit" className="button">
            {t('admin.users.searchSubmit')}
          </button>
        </div>
      </form>
      <p role="status" className="form__status">
        {status}
      </p>
      {users.isPending ? <Loading /> : null}
      {users.isError ? <QueryError error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data ? (
        <>
          <p className="muted">{t('admin.users.results', { count: users.data.items.length })}</p>
          {users.data.items.length === 0 ? <p>{t('admin.users.empty')}</p> : null}
          <ul className="plain-list card-list">
            {users.data.items.map((user) => (
              <li key={user.id}>
                <UserCard user={user} units={units.data?.items ?? []} onChanged={setStatus} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function UserCard({ user, units, onChanged }: { user: AdminUser; units: readonly Unit[]; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const revoke = useRevokeGrant();
  const headingId = useId();
  const [isGranting, setIsGranting] = useState(false);

  const handleRevoke = (grant: AdminUser['grants'][number]) => {
    const role = t(`admin.roles.${grant.role}`);
    const unit = localized(grant.unitName);
    if (revoke.isPending || !window.confirm(t('admin.users.revokeConfirm', { role, name: user.displayName, unit }))) return;
    revoke.mutate({ userId: user.id, grantId: grant.id }, { onSuccess: () => onChanged(t('admin.users.revoked', { role, name: user.displayName })) });
  };

  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="user-card__name">
        {user.displayName}
      </h2>
      <p className="user-card__email">{user.email}</p>
      <p>
        <span className="tag tag--neutral">{t(`admin.users.kinds.${user.accountKind}`)}</span>{' '}
        <span className={`tag ${user.hasTotp ? 'tag--success' : 'tag--neutral'}`}>{user.hasTotp ? t('admin.users.withTotp') : t('admin.users.withoutTotp')}</span>
        {user.isActive ? null : <span className="tag tag--warning">{t('admin.users.inactive')}</span>}
      </p>
      <h3>{t('admin.users.grantsHeading')}</h3>
      {user.grants.length === 0 ? <p className="muted">{t('admin.users.noGrants')}</p> : null}
      <ul className="grant-list">
        {user.grants.map((grant) => (
          <li key={grant.id} className="grant-list__item">
            <span>
              {t('admin.users.onUnit', { role: t(`admin.roles.${grant.role}`), unit: localized(grant.unitName) })}
              {grant.includesSubtree ? ` ${t('admin.users.subtree')}` : ''}
            </span>
            <button type="button" className="button button--secondary button--small button--danger-outline" onClick={() => handleRevoke(grant)}>
              {t('admin.users.revoke')}
              <span className="visually-hidden">
                {' '}
                {t('admin.users.onUnit', { role: t(`admin.roles.${grant.role}`), unit: localized(grant.unitName) })}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {revoke.isError ? (
        <p className="field__error" role="alert">
          {describeError(revoke.error, locale, t)}
        </p>
      ) : null}
      {isGranting ? (
        <GrantForm user={user} units={units} onDone={(message) => {
          setIsGranting(false);
          if (message) onChanged(message);
        }} />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setIsGranting(true)}>
          {t('admin.users.grantHeading')}
          <span className="visually-hidden"> — {user.displayName}</span>
        </button>
      )}
    </article>
  );
}

function GrantForm({ user, units, onDone }: { user: AdminUser; units: readonly Unit[]; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const grantRole = useGrantRole();
  const unitOptions = units
    .filter((unit) => unit.isActive)
    .sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi'))
    .map((unit) => ({ value: unit.id, label: `${localized(unit.name)} (${unit.code})` }));
  const form = useForm({
    id: `grant-${user.id}`,
    initialValues: { role: 'unit_officer', unitId: unitOptions[0]?.value ?? '', includesSubtree: false },
    labels: { role: t('admin.users.role'), unitId: t('admin.users.unit'), includesSubtree: t('admin.users.includesSubtree') },
    schema: grantCreateBodySchema,
    onSubmit: async (body: z.output<typeof grantCreateBodySchema>) => {
      await grantRole.mutateAsync({ userId: user.id, body });
      onDone(t('admin.users.granted', { role: t(`admin.roles.${body.role}`), name: user.displayName }));
    },
  });
  return (
    <section className="panel" aria-label={`${t('admin.users.grantHeading')} — ${user.displayName}`}>
      <ValidatedForm
        form={form}
        headingLevel={3}
        submitLabel={t('admin.users.grant')}
        submittingLabel={t('admin.users.granting')}
        actions={
          <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
            {t('admin.units.cancel')}
          </button>
        }
      >
        <SelectField form={form} name="role" options={roleNames.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }))} />
        <SelectField form={form} name="unitId" options={unitOptions} />
        <CheckboxField form={form} name="includesSubtree" />
      </ValidatedForm>
    </section>
  );
}
