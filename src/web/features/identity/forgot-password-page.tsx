import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { passwordResetRequestBodySchema } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { usePasswordResetRequest } from './api.js';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const requestReset = usePasswordResetRequest();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sentHeadingRef = useRef<HTMLHeadingElement>(null);

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
    <Page width="form">
      {sentTo ? (
        <>
          <PageHeader title={t('auth.forgotPassword.sentHeading')} headingRef={sentHeadingRef} />
          <p>{t('auth.forgotPassword.sentBody', { email: sentTo })}</p>
          <p className="muted">{t('auth.forgotPassword.sentNoMail')}</p>
        </>
      ) : (
        <>
          <PageHeader
            title={t('auth.forgotPassword.heading')}
            subtitle={t('auth.forgotPassword.intro')}
            documentTitle={t('auth.forgotPassword.pageTitle')}
          />
          <Form form={form} submitLabel={t('auth.forgotPassword.submit')} submittingLabel={t('auth.forgotPassword.submitting')}>
            <TextField form={form} name="email" type="email" autoComplete="email" maxLength={254} />
          </Form>
        </>
      )}
      <p>
        <Link to={paths.signIn}>{t('auth.forgotPassword.backToSignIn')}</Link>
      </p>
    </Page>
  );
}
