import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signUpBodySchema } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { CheckboxField, ChoiceField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { useLocale } from '../../i18n/use-locale.js';
import { useSignUp } from './api.js';
import { NewPasswordField } from './new-password-field.js';

/** Registration for a resident or a business; the account is usable at once, verified by e-mail link. */
export function SignUpPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const signUp = useSignUp();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sentHeadingRef = useRef<HTMLHeadingElement>(null);

  const form = useForm({
    id: 'sign-up',
    initialValues: { accountKind: 'citizen', displayName: '', organizationName: '', email: '', password: '', consent: false },
    labels: {
      accountKind: t('auth.signUp.accountKind'),
      displayName: t('auth.signUp.displayName'),
      organizationName: t('auth.signUp.organizationName'),
      email: t('auth.email'),
      password: t('auth.password'),
      consent: t('auth.signUp.consent'),
    },
    schema: signUpBodySchema,
    toInput: (values) => ({
      ...values,
      // Only a business names its organisation; for a resident a left-over value is not sent.
      organizationName: values.accountKind === 'enterprise' ? values.organizationName : undefined,
      locale,
    }),
    messages: { consent: (tr) => tr('auth.signUp.consentRequired') },
    onSubmit: async (body) => {
      await signUp.mutateAsync(body);
      setSentTo(body.email);
    },
  });

  useEffect(() => {
    if (sentTo) sentHeadingRef.current?.focus();
  }, [sentTo]);

  if (sentTo) {
    return (
      <Page width="form">
        <PageHeader title={t('auth.signUp.sentHeading')} headingRef={sentHeadingRef} />
        <p>{t('auth.signUp.sentBody', { email: sentTo })}</p>
        <p>{t('auth.signUp.sentSignIn')}</p>
        <p>
          <Link to={paths.signIn} className={buttonClass()}>
            {t('auth.signUp.signInLink')}
          </Link>
        </p>
        <p className="muted">{t('auth.signUp.sentNoMail')}</p>
      </Page>
    );
  }

  return (
    <Page width="form">
      <PageHeader title={t('auth.signUp.heading')} subtitle={t('auth.signUp.intro')} documentTitle={t('auth.signUp.pageTitle')} />
      <p>
        {t('auth.signUp.haveAccount')} <Link to={paths.signIn}>{t('auth.signUp.signInLink')}</Link>
      </p>
      <Form form={form} submitLabel={t('auth.signUp.submit')} submittingLabel={t('auth.signUp.submitting')} hasRequiredNote>
        <ChoiceField
          form={form}
          name="accountKind"
          type="radio"
          options={[
            { value: 'citizen', label: t('auth.signUp.citizen'), hint: t('auth.signUp.citizenHint') },
            { value: 'enterprise', label: t('auth.signUp.enterprise'), hint: t('auth.signUp.enterpriseHint') },
          ]}
        />
        <TextField form={form} name="displayName" autoComplete="name" hint={t('auth.signUp.displayNameHint')} maxLength={120} />
        {form.values.accountKind === 'enterprise' ? (
          <TextField form={form} name="organizationName" autoComplete="organization" maxLength={200} />
        ) : null}
        <TextField form={form} name="email" type="email" autoComplete="email" hint={t('auth.signUp.emailHint')} maxLength={254} />
        <NewPasswordField form={form} name="password" />
        <CheckboxField
          form={form}
          name="consent"
          hint={
            <Link to={paths.privacy} target="_blank" rel="noopener">
              {t('auth.signUp.consentLink')}
            </Link>
          }
        />
      </Form>
    </Page>
  );
}
