import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  apiTokenCreateBodySchema,
  makesStaffTokens,
  rolesRequiringSecondFactor,
  staffApiTokenCreateBodySchema,
  staffTokenMaxDays,
  type apiTokenSchema,
} from '../../../../shared/contracts/identity.js';
import { Button, ButtonRow } from '../../../components/button/button.js';
import { Card, CardList, Panel } from '../../../components/card/card.js';
import { EmptyState } from '../../../components/empty-state/empty-state.js';
import { FieldShell, InputControl } from '../../../components/form/field-shell.js';
import { ChoiceField, SelectField, TextField } from '../../../components/form/fields.js';
import { Form } from '../../../components/form/form.js';
import { useForm } from '../../../components/form/use-form.js';
import { WriteError } from '../../../components/notice/notice.js';
import { Loading, QueryError } from '../../../components/query-status/query-status.js';
import { StatusTag } from '../../../components/status-tag/status-tag.js';
import { SummaryList } from '../../../components/summary-list/summary-list.js';
import { useToast } from '../../../components/toast/toast.js';
import { formatDate } from '../../../i18n/format.js';
import { useLocale } from '../../../i18n/use-locale.js';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api.js';
import { useCurrentUser } from '../session.js';
import { AccountSection } from './account-section.js';

type ApiToken = z.infer<typeof apiTokenSchema>;
type ApiTokenCreateBody = z.output<typeof apiTokenCreateBodySchema>;

const expiryChoicesInDays = ['30', '90', '180', '366'] as const;

/** Personal access tokens for the API: created here, shown once, listed and revoked. */
export function ApiTokensSection({ title }: { title: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const tokens = useApiTokens(true);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const isStaff = me ? makesStaffTokens(me) : false;
  // A manager or administrator signed in without the second factor: say why their tokens stay personal.
  const couldBeStaff = me !== null && !isStaff && me.grants.some((grant) => rolesRequiringSecondFactor.includes(grant.role));

  return (
    <AccountSection section="tokens" title={title}>
      <p>{t('account.tokens.intro')}</p>
      {isStaff ? <p>{t('account.tokens.staffIntro', { days: staffTokenMaxDays })}</p> : null}
      {couldBeStaff ? <p>{t('account.tokens.staffNeedsSecondFactor')}</p> : null}
      {created ? <CreatedToken name={created.name} token={created.token} onDone={() => setCreated(null)} /> : null}

      <h3>{t('account.tokens.listHeading')}</h3>
      {tokens.isPending ? <Loading /> : null}
      {tokens.isError ? <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} /> : null}
      {tokens.data ? (
        <CardList
          items={tokens.data.items}
          itemKey={(token) => token.id}
          layout="column"
          empty={<EmptyState title={t('account.tokens.empty')}>{t('account.tokens.emptyNext')}</EmptyState>}
        >
          {(token) => <TokenCard token={token} />}
        </CardList>
      ) : null}

      <h3>{t('account.tokens.createHeading')}</h3>
      {/* The schema and choices differ for a staff token; a new key starts the form afresh when that changes. */}
      <CreateTokenForm key={isStaff ? 'staff' : 'personal'} isStaff={isStaff} onCreated={setCreated} />
    </AccountSection>
  );
}

/** A staff token must expire within the limit, so its form offers no "never" and only the shorter periods. */
function CreateTokenForm({ isStaff, onCreated }: { isStaff: boolean; onCreated: (created: { name: string; token: string }) => void }) {
  const { t } = useTranslation();
  const createToken = useCreateApiToken();
  const expiryChoices = isStaff ? expiryChoicesInDays.filter((days) => Number(days) <= staffTokenMaxDays) : expiryChoicesInDays;

  const form = useForm<{ name: string; scopes: readonly string[]; expiresInDays: string }, ApiTokenCreateBody>({
    id: 'api-token',
    initialValues: { name: '', scopes: ['read'] as readonly string[], expiresInDays: '90' },
    labels: { name: t('account.tokens.name'), scopes: t('account.tokens.scopes'), expiresInDays: t('account.tokens.expiresIn') },
    schema: isStaff ? staffApiTokenCreateBodySchema : apiTokenCreateBodySchema,
    toInput: (values) => ({
      name: values.name,
      scopes: values.scopes,
      expiresInDays: values.expiresInDays === '' ? undefined : Number(values.expiresInDays),
    }),
    onSubmit: async (body) => {
      const result = await createToken.mutateAsync(body);
      onCreated({ name: result.name, token: result.token });
      form.reset();
    },
  });

  return (
    <Form form={form} headingLevel={3} submitLabel={t('account.tokens.create')} submittingLabel={t('account.tokens.creating')}>
      <TextField form={form} name="name" hint={t('account.tokens.nameHint')} maxLength={80} autoComplete="off" />
      <ChoiceField
        form={form}
        name="scopes"
        type="checkbox"
        options={[
          { value: 'read', label: t('account.tokens.scopeRead') },
          { value: 'write', label: t('account.tokens.scopeWrite') },
        ]}
      />
      <SelectField
        form={form}
        name="expiresInDays"
        hint={isStaff ? t('account.tokens.staffExpiryHint', { days: staffTokenMaxDays }) : undefined}
        options={[
          ...expiryChoices.map((days) => ({ value: days, label: t('account.tokens.expiresInDays', { days }) })),
          ...(isStaff ? [] : [{ value: '', label: t('account.tokens.noExpiry') }]),
        ]}
      />
    </Form>
  );
}

/** The new token, in a read-only field that is easy to select, with a copy button. */
function CreatedToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputId = useId();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const handleCopy = () => {
    navigator.clipboard.writeText(token).then(
      () => toast.show((tr) => tr('account.tokens.copied')),
      () => toast.show((tr) => tr('account.tokens.copyFailed')),
    );
  };

  return (
    <Panel tone="highlight">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('account.tokens.createdHeading', { name })}
      </h3>
      <p>{t('account.tokens.createdIntro')}</p>
      <FieldShell id={inputId} label={t('account.tokens.tokenValue')}>
        <InputControl id={inputId} readOnly value={token} onFocus={(event) => event.target.select()} spellCheck={false} />
      </FieldShell>
      <ButtonRow>
        <Button variant="secondary" onClick={handleCopy}>
          {t('account.tokens.copy')}
        </Button>
        <Button onClick={onDone}>{t('account.tokens.dismiss')}</Button>
      </ButtonRow>
    </Panel>
  );
}

function tokenState(token: ApiToken, now: number): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

function TokenCard({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const toast = useToast();
  const revoke = useRevokeApiToken();
  const state = tokenState(token, Date.now());
  const stateText = {
    active: t('account.tokens.statusActive'),
    revoked: t('account.tokens.statusRevoked'),
    expired: t('account.tokens.statusExpired'),
  }[state];
  const scopeText = token.scopes
    .map((scope) => (scope === 'read' ? t('account.tokens.scopeRead') : scope === 'write' ? t('account.tokens.scopeWrite') : scope))
    .join(', ');

  const handleRevoke = () => {
    if (!window.confirm(t('account.tokens.revokeConfirm', { name: token.name }))) return;
    revoke.mutate(token.id, { onSuccess: () => toast.show((tr) => tr('account.tokens.revoked', { name: token.name })) });
  };

  return (
    <Card title={token.name} headingLevel={4}>
      <SummaryList
        isCompact
        items={[
          {
            label: t('account.tokens.status'),
            value: <StatusTag tone={state === 'active' ? 'success' : 'neutral'}>{stateText}</StatusTag>,
          },
          { label: t('account.tokens.prefix'), value: <code>{token.tokenPrefix}…</code> },
          { label: t('account.tokens.kind'), value: token.isStaff ? t('account.tokens.kindStaff') : t('account.tokens.kindPersonal') },
          { label: t('account.tokens.scopesLabel'), value: scopeText },
          { label: t('account.tokens.createdAt'), value: formatDate(token.createdAt, locale) },
          {
            label: t('account.tokens.lastUsedAt'),
            value: token.lastUsedAt ? formatDate(token.lastUsedAt, locale) : t('account.tokens.neverUsed'),
          },
          {
            label: t('account.tokens.expiresAt'),
            value: token.expiresAt ? formatDate(token.expiresAt, locale) : t('account.tokens.never'),
          },
        ]}
      />
      {state === 'active' ? (
        <Button variant="danger-outline" isBusy={revoke.isPending} onClick={handleRevoke}>
          {revoke.isPending ? t('account.tokens.revoking') : t('account.tokens.revoke')}
          <span className="visually-hidden"> {token.name}</span>
        </Button>
      ) : null}
      <WriteError error={revoke.error} />
    </Card>
  );
}
