import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { apiTokenCreateBodySchema, type apiTokenSchema } from '../../../../shared/contracts/identity.js';
import { ChoiceField, SelectField, TextField } from '../../../components/form/form-field.js';
import { useForm } from '../../../components/form/use-form.js';
import { ValidatedForm } from '../../../components/form/validated-form.js';
import { Loading, QueryError, describeError } from '../../../components/query-status.js';
import { formatDate } from '../../../i18n/format.js';
import { useLocale } from '../../../i18n/use-locale.js';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api.js';
import { AccountSection } from './account-section.js';

type ApiToken = z.infer<typeof apiTokenSchema>;

const expiryChoicesInDays = ['30', '90', '180', '366'] as const;

/** Personal access tokens for the API: created here, shown once, listed and revoked. */
export function ApiTokensSection({ title }: { title: string }) {
  const { t } = useTranslation();
  const tokens = useApiTokens(true);
  const createToken = useCreateApiToken();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [status, setStatus] = useState('');

  const form = useForm({
    id: 'api-token',
    initialValues: { name: '', scopes: ['read'] as readonly string[], expiresInDays: '90' },
    labels: { name: t('account.tokens.name'), scopes: t('account.tokens.scopes'), expiresInDays: t('account.tokens.expiresIn') },
    schema: apiTokenCreateBodySchema,
    toInput: (values) => ({
      name: values.name,
      scopes: values.scopes,
      expiresInDays: values.expiresInDays === '' ? undefined : Number(values.expiresInDays),
    }),
    onSubmit: async (body: z.output<typeof apiTokenCreateBodySchema>) => {
      setStatus('');
      const result = await createToken.mutateAsync(body);
      setCreated({ name: result.name, token: result.token });
      form.reset();
    },
  });

  return (
    <AccountSection section="tokens" title={title}>
      <p>{t('account.tokens.intro')}</p>
      <p role="status" className="form__status">
        {status}
      </p>
      {created ? <CreatedToken name={created.name} token={created.token} onDone={() => setCreated(null)} /> : null}

      <h3>{t('account.tokens.listHeading')}</h3>
      {tokens.isPending ? <Loading /> : null}
      {tokens.isError ? <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} /> : null}
      {tokens.data ? (
        tokens.data.items.length === 0 ? (
          <p className="muted">{t('account.tokens.empty')}</p>
        ) : (
          <ul className="plain-list card-list">
            {tokens.data.items.map((token) => (
              <li key={token.id}>
                <TokenCard token={token} onRevoked={(name) => setStatus(t('account.tokens.revoked', { name }))} />
              </li>
            ))}
          </ul>
        )
      ) : null}

      <h3>{t('account.tokens.createHeading')}</h3>
      <ValidatedForm form={form} headingLevel={3} submitLabel={t('account.tokens.create')} submittingLabel={t('account.tokens.creating')}>
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
          options={[
            ...expiryChoicesInDays.map((days) => ({ value: days, label: t('account.tokens.expiresInDays', { days }) })),
            { value: '', label: t('account.tokens.noExpiry') },
          ]}
        />
      </ValidatedForm>
    </AccountSection>
  );
}

/** The new token, in a read-only field that is easy to select, with a copy button. */
function CreatedToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputId = useId();
  const [copyStatus, setCopyStatus] = useState('');

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const handleCopy = () => {
    navigator.clipboard.writeText(token).then(
      () => setCopyStatus(t('account.tokens.copied')),
      () => setCopyStatus(t('account.tokens.copyFailed')),
    );
  };

  return (
    <div className="panel panel--highlight">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('account.tokens.createdHeading', { name })}
      </h3>
      <p>{t('account.tokens.createdIntro')}</p>
      <div className="field">
        <label htmlFor={inputId} className="field__label">
          {t('account.tokens.tokenValue')}
        </label>
        <input
          id={inputId}
          className="field__input field__input--code"
          readOnly
          value={token}
          onFocus={(event) => event.target.select()}
          spellCheck={false}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={handleCopy}>
          {t('account.tokens.copy')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('account.tokens.dismiss')}
        </button>
      </div>
      <p role="status" className="form__status">
        {copyStatus}
      </p>
    </div>
  );
}

function tokenState(token: ApiToken, now: number): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

function TokenCard({ token, onRevoked }: { token: ApiToken; onRevoked: (name: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const revoke = useRevokeApiToken();
  const headingId = useId();
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
    if (revoke.isPending || !window.confirm(t('account.tokens.revokeConfirm', { name: token.name }))) return;
    revoke.mutate(token.id, { onSuccess: () => onRevoked(token.name) });
  };

  return (
    <article className="card token-card" aria-labelledby={headingId}>
      <h4 id={headingId} className="token-card__name">
        {token.name}
      </h4>
      <dl className="summary-list summary-list--compact">
        <div className="summary-list__row">
          <dt>{t('account.tokens.status')}</dt>
          <dd>
            <span className={`tag ${state === 'active' ? 'tag--success' : 'tag--neutral'}`}>{stateText}</span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('account.tokens.prefix')}</dt>
          <dd>
            <code>{token.tokenPrefix}…</code>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('account.tokens.scopesLabel')}</dt>
          <dd>{scopeText}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('account.tokens.createdAt')}</dt>
          <dd>{formatDate(token.createdAt, locale)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('account.tokens.lastUsedAt')}</dt>
          <dd>{token.lastUsedAt ? formatDate(token.lastUsedAt, locale) : t('account.tokens.neverUsed')}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('account.tokens.expiresAt')}</dt>
          <dd>{token.expiresAt ? formatDate(token.expiresAt, locale) : t('account.tokens.never')}</dd>
        </div>
      </dl>
      {state === 'active' ? (
        <button type="button" className="button button--secondary button--danger-outline" aria-disabled={revoke.isPending || undefined} onClick={handleRevoke}>
          {revoke.isPending ? t('account.tokens.revoking') : t('account.tokens.revoke')}
          <span className="visually-hidden"> {token.name}</span>
        </button>
      ) : null}
      {revoke.isError ? (
        <p className="field__error" role="alert">
          {describeError(revoke.error, locale, t)}
        </p>
      ) : null}
    </article>
  );
}
