import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { grantCreateBodySchema, roleNames, type Unit } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { Button } from '../../components/button/button.js';
import { Card, CardList, Panel } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { SearchBox } from '../../components/form/search-box.js';
import { CheckboxField, SelectField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { WriteError } from '../../components/notice/notice.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag, TagGroup } from '../../components/status-tag/status-tag.js';
import { useToast } from '../../components/toast/toast.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { adminPaths } from './admin-paths.js';
import { useAdminUnits, useAdminUsers, useGrantRole, useRevokeGrant, type AdminUser } from './api.js';
import { RequireAdministrator } from './require-administrator.js';
import styles from './admin.module.css';

/** Accounts found by e-mail or name, each with its roles to revoke and a form to grant one. */
export function UsersPage() {
  return (
    <Page>
      <RequireAdministrator>{() => <UsersAdministration />}</RequireAdministrator>
    </Page>
  );
}

function UsersAdministration() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const users = useAdminUsers(q);
  const units = useAdminUnits();

  const handleSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearchParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <>
      <PageHeader
        title={t('admin.users.heading')}
        documentTitle={t('admin.users.pageTitle')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('admin.home.heading'), to: adminPaths.home },
        ]}
      />
      <form role="search" onSubmit={handleSearch}>
        <SearchBox
          label={t('admin.users.search')}
          submitLabel={t('admin.users.searchSubmit')}
          value={draft}
          maxLength={100}
          onChange={(event) => setDraft(event.target.value)}
        />
      </form>
      {users.isPending ? <Loading /> : null}
      {users.isError ? <QueryError error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data ? (
        <>
          <p className="muted" role="status">
            {t('admin.users.results', { count: users.data.items.length })}
          </p>
          <CardList
            items={users.data.items}
            itemKey={(user) => user.id}
            layout="column"
            empty={<EmptyState title={t('admin.users.empty')}>{t('admin.users.emptyNext')}</EmptyState>}
          >
            {(user) => <UserCard user={user} units={units.data?.items ?? []} />}
          </CardList>
        </>
      ) : null}
    </>
  );
}

function UserCard({ user, units }: { user: AdminUser; units: readonly Unit[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const toast = useToast();
  const revoke = useRevokeGrant();
  const [isGranting, setIsGranting] = useState(false);

  const handleRevoke = (grant: AdminUser['grants'][number]) => {
    const role = t(`admin.roles.${grant.role}`);
    const unit = localized(grant.unitName);
    if (!window.confirm(t('admin.users.revokeConfirm', { role, name: user.displayName, unit }))) return;
    revoke.mutate(
      { userId: user.id, grantId: grant.id },
      { onSuccess: () => toast.show((tr) => tr('admin.users.revoked', { role, name: user.displayName })) },
    );
  };

  return (
    <Card title={user.displayName} headingLevel={2}>
      <p className={styles.email}>{user.email}</p>
      <p>
        <TagGroup>
          <StatusTag tone="neutral">{t(`admin.users.kinds.${user.accountKind}`)}</StatusTag>
          <StatusTag tone={user.hasTotp ? 'success' : 'neutral'}>
            {user.hasTotp ? t('admin.users.withTotp') : t('admin.users.withoutTotp')}
          </StatusTag>
          {user.isActive ? null : <StatusTag tone="warning">{t('admin.users.inactive')}</StatusTag>}
        </TagGroup>
      </p>
      <h3>{t('admin.users.grantsHeading')}</h3>
      {user.grants.length === 0 ? <p className="muted">{t('admin.users.noGrants')}</p> : null}
      <ul className={styles.grants}>
        {user.grants.map((grant) => {
          const grantText = t('admin.users.onUnit', { role: t(`admin.roles.${grant.role}`), unit: localized(grant.unitName) });
          return (
            <li key={grant.id} className={styles.grant} data-grant="">
              <span>
                {grantText}
                {grant.includesSubtree ? ` ${t('admin.users.subtree')}` : ''}
              </span>
              <Button variant="danger-outline" size="small" isBusy={revoke.isPending} onClick={() => handleRevoke(grant)}>
                {t('admin.users.revoke')}
                <span className="visually-hidden"> {grantText}</span>
              </Button>
            </li>
          );
        })}
      </ul>
      <WriteError error={revoke.error} />
      {isGranting ? (
        <GrantForm user={user} units={units} onDone={() => setIsGranting(false)} />
      ) : (
        <Button variant="secondary" onClick={() => setIsGranting(true)}>
          {t('admin.users.grantHeading')}
          <span className="visually-hidden"> — {user.displayName}</span>
        </Button>
      )}
    </Card>
  );
}

function GrantForm({ user, units, onDone }: { user: AdminUser; units: readonly Unit[]; onDone: () => void }) {
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
      onDone();
      return (tr) => tr('admin.users.granted', { role: tr(`admin.roles.${body.role}`), name: user.displayName });
    },
  });
  return (
    <Panel>
      <h3 className="visually-hidden">{`${t('admin.users.grantHeading')} — ${user.displayName}`}</h3>
      <Form
        form={form}
        headingLevel={4}
        submitLabel={t('admin.users.grant')}
        submittingLabel={t('admin.users.granting')}
        actions={
          <Button variant="secondary" onClick={onDone}>
            {t('admin.units.cancel')}
          </Button>
        }
      >
        <SelectField form={form} name="role" options={roleNames.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }))} />
        <SelectField form={form} name="unitId" options={unitOptions} />
        <CheckboxField form={form} name="includesSubtree" />
      </Form>
    </Panel>
  );
}
