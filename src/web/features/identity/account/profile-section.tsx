import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountUpdateBodySchema, type Me } from '../../../../shared/contracts/identity.js';
import { SelectField, TextField } from '../../../components/form/form-field.js';
import { useForm } from '../../../components/form/use-form.js';
import { ValidatedForm } from '../../../components/form/validated-form.js';
import { describeError } from '../../../components/query-status.js';
import { useLocale, useLocalized } from '../../../i18n/use-locale.js';
import { useResendVerification, useUpdateAccount } from '../api.js';
import { AccountSection } from './account-section.js';

/** Who the person is: e-mail and roles (read-only) and the details they may change. */
export function ProfileSection({ user, title }: { user: Me; title: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const update = useUpdateAccount();
  const [isSaved, setIsSaved] = useState(false);
  const isEnterprise = user.accountKind === 'enterprise';

  const form = useForm({
    id: 'profile',
    initialValues: {
      displayName: user.displayName,
      phone: user.phone ?? '',
      organizationName: user.organizationName ?? '',
      locale: user.locale as string,
    },
    labels: {
      displayName: t('account.profile.displayName'),
      phone: t('account.profile.phone'),
      organizationName: t('account.profile.organizationName'),
      locale: t('account.profile.locale'),
    },
    schema: accountUpdateBodySchema,
    toInput: (values) => ({
      displayName: values.displayName,
      locale: values.locale,
      phone: values.phone.trim() === '' ? null : values.phone,
      ...(isEnterprise ? { organizationName: values.organizationName } : {}),
    }),
    messages: { phone: (tr) => tr('account.profile.phoneInvalid') },
    onSubmit: async (body) => {
      setIsSaved(false);
      await update.mutateAsync(body);
      setIsSaved(true);
    },
  });

  return (
    <AccountSection section="profile" title={title}>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('account.profile.email')}</dt>
          <dd>
            <span className="summary-list__value">{user.email}</span>{' '}
            {user.isEmailVerified ? <span className="tag tag--success">{t('account.profile.emailVerified')}</span> : <ResendVerification />}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('account.profile.accountKind')}</dt>
          <dd>{t(`account.profile.kinds.${user.accountKind}`)}</dd>
        </div>
        {user.grants.length > 0 ? (
          <div className="summary-list__row">
            <dt>{t('account.profile.roles')}</dt>
            <dd>
              <ul className="plain-list">
                {user.grants.map((grant) => (
                  <li key={grant.id}>
                    {t('account.profile.roleAtUnit', { role: t(`account.roles.${grant.role}`), unit: localized(grant.unitName) })}
                    {grant.includesSubtree ? ` ${t('account.profile.includesSubtree')}` : null}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      <ValidatedForm
        form={form}
        headingLevel={3}
        submitLabel={t('account.profile.save')}
        submittingLabel={t('account.profile.saving')}
        status={isSaved ? t('account.profile.saved') : null}
      >
        <TextField form={form} name="displayName" autoComplete="name" maxLength={120} />
        {isEnterprise ? <TextField form={form} name="organizationName" autoComplete="organization" maxLength={200} /> : null}
        <TextField form={form} name="phone" type="tel" autoComplete="tel" hint={t('account.profile.phoneHint')} isOptional maxLength={20} />
        <SelectField
          form={form}
          name="locale"
          options={[
            { value: 'vi', label: t('language.vi') },
            { value: 'en', label: t('language.en') },
          ]}
        />
      </ValidatedForm>
    </AccountSection>
  );
}

/** Until the address is confirmed the person cannot support, comment, report or submit: say so, and send a new link on request. */
function ResendVerification() {
  const { t } = useTranslation();
  const locale = useLocale();
  const resend = useResendVerification();
  return (
    <>
      <span className="tag tag--warning">{t('account.profile.emailNotVerified')}</span>
      <p>{t('account.profile.verifyToTakePart')}</p>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={resend.isPending || undefined}
        onClick={() => !resend.isPending && resend.mutate()}
      >
        {resend.isPending ? t('account.profile.resendingVerification') : t('account.profile.resendVerification')}
      </button>
      <p role="status">{resend.isSuccess ? t('account.profile.verificationResent') : null}</p>
      {resend.isError ? (
        <p className="field__error" role="alert">
          {describeError(resend.error, locale, t)}
        </p>
      ) : null}
    </>
  );
}
