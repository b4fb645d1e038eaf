import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { passwordResetRequestBodySchema } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { TextField } from '../../components/form/form-field.js';
import { useForm } from '../../components/form/use-form.js';
import { ValidatedForm } from '../../components/form/validated-form.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { usePasswordResetRequest } from './api.js';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const requestReset = usePasswordResetRequest();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sentHeadingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('app.pageTitle', { page: sentTo ? t('auth.forgotPassword.sentHeading') : t('auth.forgotPassword.pageTitle') }));

  const form = useForm({
    id: 'forgot-password',
    initialValues: { email: '' },
    labels: { email: t('auth.email') },
    schema: passwordResetRequestBodySchema,
    onSubmit: async (body) => {
      await requestReset.mutateAsync(body);
      setSentTo(body.email);
    },
  });

  useEffect(() => {
    if (sentTo) sentHeadingRef.current?.focus();
  }, [sentTo]);

  return (
    <div className="container page page--form">
      {sentTo ? (
        <>
          <h1 ref={sentHeadingRef} tabIndex={-1}>
            {t('auth.forgotPassword.sentHeading')}
          </h1>
          <p>{t('auth.forgotPassword.sentBody', { email: sentTo })}</p>
          <p className="muted">{t('auth.forgotPassword.sentNoMail')}</p>
        </>
      ) : (
        <>
          <h1>{t('auth.forgotPassword.heading')}</h1>
          <p className="lead">{t('auth.forgotPassword.intro')}</p>
          <ValidatedForm form={form} submitLabel={t('auth.forgotPassword.submit')} submittingLabel={t('auth.forgotPassword.submitting')}>
            <TextField form={form} name="email" type="email" autoComplete="email" maxLength={254} />
          </ValidatedForm>
        </>
      )}
      <p>
        <Link to={paths.signIn}>{t('auth.forgotPassword.backToSignIn')}</Link>
      </p>
    </div>
  );
}
