import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { passwordMinLength, passwordResetConfirmBodySchema, tokenBodySchema } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { flashState } from '../../components/flash-message.js';
import { TextField } from '../../components/form/form-field.js';
import { useForm } from '../../components/form/use-form.js';
import { ValidatedForm } from '../../components/form/validated-form.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { usePasswordResetConfirm } from './api.js';

/** Opened from the reset e-mail (`?token=`): choose a new password, then sign in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const isTokenWellFormed = tokenBodySchema.safeParse({ token }).success;
  const confirmReset = usePasswordResetConfirm();
  useDocumentTitle(t('app.pageTitle', { page: t('auth.resetPassword.pageTitle') }));

  const form = useForm({
    id: 'reset-password',
    initialValues: { password: '' },
    labels: { password: t('auth.resetPassword.newPassword') },
    schema: passwordResetConfirmBodySchema,
    toInput: (values) => ({ token, password: values.password }),
    onSubmit: async (body) => {
      await confirmReset.mutateAsync(body);
      await navigate(paths.signIn, { state: flashState('passwordReset') });
    },
  });

  return (
    <div className="container page page--form">
      <h1>{t('auth.resetPassword.heading')}</h1>
      {isTokenWellFormed ? (
        <>
          <p className="lead">{t('auth.resetPassword.intro')}</p>
          <ValidatedForm form={form} submitLabel={t('auth.resetPassword.submit')} submittingLabel={t('auth.resetPassword.submitting')}>
            <TextField
              form={form}
              name="password"
              type="password"
              autoComplete="new-password"
              hint={t('auth.passwordHint', { min: passwordMinLength })}
              maxLength={200}
            />
          </ValidatedForm>
        </>
      ) : (
        <div className="status-message status-message--error">
          <p>{t('auth.resetPassword.invalidLink')}</p>
        </div>
      )}
      <p>
        <Link to={paths.forgotPassword}>{t('auth.resetPassword.requestNew')}</Link>
      </p>
    </div>
  );
}
