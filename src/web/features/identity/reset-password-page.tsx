import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { passwordResetConfirmBodySchema, tokenBodySchema } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Notice } from '../../components/notice/notice.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { toastState } from '../../components/toast/toast.js';
import { usePasswordResetConfirm } from './api.js';
import { NewPasswordField } from './new-password-field.js';

/** Opened from the reset e-mail (`?token=`): choose a new password, then sign in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const isTokenWellFormed = tokenBodySchema.safeParse({ token }).success;
  const confirmReset = usePasswordResetConfirm();

  const form = useForm({
    id: 'reset-password',
    initialValues: { password: '' },
    labels: { password: t('auth.resetPassword.newPassword') },
    schema: passwordResetConfirmBodySchema,
    toInput: (values) => ({ token, password: values.password }),
    onSubmit: async (body) => {
      await confirmReset.mutateAsync(body);
      await navigate(paths.signIn, { state: toastState('flash.passwordReset') });
    },
  });

  return (
    <Page width="form">
      <PageHeader
        title={t('auth.resetPassword.heading')}
        subtitle={isTokenWellFormed ? t('auth.resetPassword.intro') : undefined}
        documentTitle={t('auth.resetPassword.pageTitle')}
      />
      {isTokenWellFormed ? (
        <Form form={form} submitLabel={t('auth.resetPassword.submit')} submittingLabel={t('auth.resetPassword.submitting')}>
          <NewPasswordField form={form} name="password" />
        </Form>
      ) : (
        <Notice tone="error">{t('auth.resetPassword.invalidLink')}</Notice>
      )}
      <p>
        <Link to={paths.forgotPassword}>{t('auth.resetPassword.requestNew')}</Link>
      </p>
    </Page>
  );
}
