import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { signInBodySchema, ssoErrorReasons } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { TextField } from '../../components/form/form-field.js';
import { useForm } from '../../components/form/use-form.js';
import { ValidatedForm } from '../../components/form/validated-form.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useSession, useSignIn } from './api.js';
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
  useDocumentTitle(t('app.pageTitle', { page: t('auth.signIn.pageTitle') }));

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
  // Right after a successful sign-in the session already has the person: keep the form until we leave.
  if (user && signIn.isIdle) {
    return (
      <div className="container page page--form">
        <h1>{t('auth.signIn.heading')}</h1>
        <p>{t('auth.signIn.alreadySignedIn', { name: user.displayName })}</p>
        <p>
          <Link to={paths.account} className="button">
            {t('auth.signIn.goToAccount')}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="container page page--form">
      <h1>{t('auth.signIn.heading')}</h1>
      {ssoError ? (
        <div className="status-message status-message--error" role="alert">
          <p>{t(`auth.signIn.ssoErrors.${ssoError}`)}</p>
        </div>
      ) : null}
      <ValidatedForm form={form} submitLabel={t('auth.signIn.submit')} submittingLabel={t('auth.signIn.submitting')}>
        <TextField form={form} name="email" type="email" autoComplete="username" maxLength={254} />
        <TextField form={form} name="password" type="password" autoComplete="current-password" maxLength={200} />
      </ValidatedForm>
      <ul className="link-list link-list--plain">
        <li>
          <Link to={paths.forgotPassword}>{t('auth.signIn.forgotPassword')}</Link>
        </li>
        <li>
          {t('auth.signIn.noAccount')} <Link to={paths.signUp}>{t('auth.signIn.signUpLink')}</Link>
        </li>
      </ul>
      {session.data?.isSsoEnabled ? (
        <section className="sso" aria-labelledby="sso-heading">
          <h2 id="sso-heading" className="sso__heading">
            {t('auth.signIn.ssoHeading')}
          </h2>
          <p id="sso-hint">{t('auth.signIn.ssoHint')}</p>
          {/* A full page load: the server redirects to the city's identity provider. */}
          <a
            className="button button--secondary"
            href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}
            aria-describedby="sso-hint"
          >
            {t('auth.signIn.sso')}
          </a>
        </section>
      ) : null}
    </div>
  );
}
