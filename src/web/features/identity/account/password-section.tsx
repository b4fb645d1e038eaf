import { useTranslation } from 'react-i18next';
import { passwordChangeBodySchema, type Me } from '../../../../shared/contracts/identity.js';
import { TextField } from '../../../components/form/fields.js';
import { Form } from '../../../components/form/form.js';
import { useForm } from '../../../components/form/use-form.js';
import { useChangePassword } from '../api.js';
import { AccountSection } from './account-section.js';
import { NewPasswordField } from '../new-password-field.js';

/** Change the password, giving the current one; people who only use single sign-on have none. */
export function PasswordSection({ user, title }: { user: Me; title: string }) {
  const { t } = useTranslation();
  const changePassword = useChangePassword();

  const form = useForm({
    id: 'password',
    initialValues: { currentPassword: '', newPassword: '' },
    labels: { currentPassword: t('account.password.current'), newPassword: t('account.password.new') },
    schema: passwordChangeBodySchema,
    onSubmit: async (body) => {
      await changePassword.mutateAsync(body);
      form.reset();
      return (tr) => tr('account.password.changed');
    },
  });

  return (
    <AccountSection section="password" title={title}>
      {user.hasPassword ? (
        <Form form={form} headingLevel={3} submitLabel={t('account.password.submit')} submittingLabel={t('account.password.submitting')}>
          <TextField form={form} name="currentPassword" type="password" autoComplete="current-password" maxLength={200} />
          <NewPasswordField form={form} name="newPassword" />
        </Form>
      ) : (
        <p>{t('account.password.noPassword')}</p>
      )}
    </AccountSection>
  );
}
