import { useTranslation } from 'react-i18next';
import { accountUpdateBodySchema, type Me } from '../../../../shared/contracts/identity.js';
import { Button } from '../../../components/button/button.js';
import { SelectField, TextField } from '../../../components/form/fields.js';
import { Form } from '../../../components/form/form.js';
import { useForm } from '../../../components/form/use-form.js';
import { WriteError } from '../../../components/notice/notice.js';
import { Loading, QueryError } from '../../../components/query-status/query-status.js';
import { StatusTag } from '../../../components/status-tag/status-tag.js';
import { SummaryList } from '../../../components/summary-list/summary-list.js';
import { useLocalized } from '../../../i18n/use-locale.js';
import { useAccount, useResendVerification, useUpdateAccount } from '../api.js';
import { AccountSection } from './account-section.js';

/** Who the person is: e-mail and roles (read-only) and the details they may change. */
export function ProfileSection({ user, title }: { user: Me; title: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const account = useAccount();

  return (
    <AccountSection section="profile" title={title}>
      <SummaryList
        items={[
          {
            label: t('account.profile.email'),
            value: (
              <span className="cluster">
                <span>{user.email}</span>
                {user.isEmailVerified ? (
                  <StatusTag tone="success">{t('account.profile.emailVerified')}</StatusTag>
                ) : (
                  <StatusTag tone="warning">{t('account.profile.emailNotVerified')}</StatusTag>
                )}
              </span>
            ),
          },
          { label: t('account.profile.accountKind'), value: t(`account.profile.kinds.${user.accountKind}`) },
          user.grants.length > 0 && {
            label: t('account.profile.roles'),
            value: (
              <ul className="plain-list">
                {user.grants.map((grant) => (
                  <li key={grant.id}>
                    {t('account.profile.roleAtUnit', { role: t(`account.roles.${grant.role}`), unit: localized(grant.unitName) })}
                    {grant.includesSubtree ? ` ${t('account.profile.includesSubtree')}` : null}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {user.isEmailVerified ? null : <ResendVerification />}
      {account.data ? (
        <ProfileForm account={account.data} />
      ) : account.isError ? (
        <QueryError error={account.error} onRetry={() => void account.refetch()} />
      ) : (
        <Loading />
      )}
    </AccountSection>
  );
}

/** The details the person may change, starting from the version of the account just loaded. */
function ProfileForm({ account: user }: { account: Me }) {
  const { t } = useTranslation();
  const update = useUpdateAccount();
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
      await update.mutateAsync(body);
      return (tr) => tr('account.profile.saved');
    },
  });

  return (
    <Form form={form} headingLevel={3} submitLabel={t('account.profile.save')} submittingLabel={t('account.profile.saving')}>
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
    </Form>
  );
}

/** Until the address is confirmed a person writes drafts only; the e-mail can be sent again. */
function ResendVerification() {
  const { t } = useTranslation();
  const resend = useResendVerification();
  return (
    <>
      <p>{t('account.profile.verifyToTakePart')}</p>
      <Button variant="secondary" isBusy={resend.isPending} onClick={() => resend.mutate()}>
        {resend.isPending ? t('account.profile.resendingVerification') : t('account.profile.resendVerification')}
      </Button>
      <p role="status">{resend.isSuccess ? t('account.profile.verificationResent') : null}</p>
      <WriteError error={resend.error} />
    </>
  );
}
