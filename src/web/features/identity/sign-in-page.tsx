import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { signInBodySchema, ssoErrorReasons } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Notice } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { useSignIn } from './api.js';
import { useSession } from './session.js';
import { safeReturnTo, secondFactorPath } from './return-to.js';

/** E-mail and password (then, if the account has one, the second factor); single sign-on when offered. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const ssoError = ssoErrorReasons.find((reason) => reason === searchParams.get('sso_error'));
  const session = useSession();
  const signIn = useSignIn();

  const form = useForm({
    id: 'sign-in',
    initialValues: { email: '', password: '' },
    labels: { email: t('auth.email'), password: t('auth.password') },
    schema: signInBodySchema,
    onSubmit: async (body) => {
      const result = await signIn.mutateAsync(body);
      await navigate(result.status === 'second_factor_required' ? secondFactorPath(returnTo) : returnTo);
    },
  });

  const user = session.data?.user ?? null;
  const header = <PageHeader title={t('auth.signIn.heading')} documentTitle={t('auth.signIn.pageTitle')} />;
  // Right after a successful sign-in the session already has the person: keep the form until we leave.
  if (user && signIn.isIdle) {
    return (
      <Page width="form">
        {header}
        <p>{t('auth.signIn.alreadySignedIn', { name: user.displayName })}</p>
        <p>
          <Link to={paths.workspace} className={buttonClass()}>
            {t('auth.signIn.goToWorkspace')}
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <Page width="form">
      {header}
      {ssoError ? (
        <Notice tone="error" role="alert">
          {t(`auth.signIn.ssoErrors.${ssoError}`)}
        </Notice>
      ) : null}
      <Form form={form} submitLabel={t('auth.signIn.submit')} submittingLabel={t('auth.signIn.submitting')}>
        <TextField form={form} name="email" type="email" autoComplete="username" maxLength={254} />
        <TextField form={form} name="password" type="password" autoComplete="current-password" maxLength={200} />
      </Form>
      <ul className="plain-list link-list">
        <li>
          <Link to={paths.forgotPassword}>{t('auth.signIn.forgotPassword')}</Link>
        </li>
        <li>
          {t('auth.signIn.noAccount')} <Link to={paths.signUp}>{t('auth.signIn.signUpLink')}</Link>
        </li>
      </ul>
      {session.data?.isSsoEnabled ? (
        <Section title={t('auth.signIn.ssoHeading')}>
          <p id="sso-hint">{t('auth.signIn.ssoHint')}</p>
          {/* A full page load: the server redirects to the city's identity provider. */}
          <a
            className={buttonClass('secondary')}
            href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}
            aria-describedby="sso-hint"
          >
            {t('auth.signIn.sso')}
          </a>
        </Section>
      ) : null}
    </Page>
  );
}
