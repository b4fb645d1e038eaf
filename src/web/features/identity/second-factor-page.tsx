import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { secondFactorBodySchema } from '../../../shared/contracts/identity.js';
import { buttonClass } from '../../components/button/button.js';
import { TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { useSecondFactor } from './api.js';
import { useSession } from './session.js';
import { safeReturnTo, signInPath } from './return-to.js';

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const session = useSession();
  const secondFactor = useSecondFactor();

  const form = useForm({
    id: 'second-factor',
    initialValues: { code: '' },
    labels: { code: t('auth.codeLabel') },
    schema: secondFactorBodySchema,
    messages: { code: (tr) => tr('auth.codeInvalid') },
    onSubmit: async (body) => {
      await secondFactor.mutateAsync(body);
      await navigate(returnTo);
    },
  });

  if (session.data?.user && secondFactor.isIdle) return <Navigate to={returnTo} replace />;
  const isNotPending = session.data !== undefined && !session.data.user && !session.data.isSecondFactorPending && secondFactor.isIdle;

  return (
    <Page width="form">
      <PageHeader
        title={t('auth.secondFactor.heading')}
        subtitle={isNotPending ? undefined : t('auth.secondFactor.intro')}
        documentTitle={t('auth.secondFactor.pageTitle')}
      />
      {isNotPending ? (
        <>
          <p>{t('auth.secondFactor.notPending')}</p>
          <p>
            <Link to={signInPath(returnTo)} className={buttonClass()}>
              {t('auth.secondFactor.signInAgain')}
            </Link>
          </p>
        </>
      ) : (
        <Form form={form} submitLabel={t('auth.secondFactor.submit')} submittingLabel={t('auth.secondFactor.submitting')}>
          <TextField
            form={form}
            name="code"
            autoComplete="one-time-code"
            hint={t('auth.codeHint')}
            maxLength={20}
            spellCheck={false}
            autoCapitalize="none"
            width="short"
          />
        </Form>
      )}
    </Page>
  );
}
