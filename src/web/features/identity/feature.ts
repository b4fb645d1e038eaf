import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { paths } from '../../../shared/web-paths.js';

const relative = (path: string) => path.slice(1);

/** Signing up and in, the account page and the personal-data notice; reached from the header and footer. */
export const identityFeature: WebFeature = {
  routes: [
    { path: relative(paths.signUp), ...lazyPage(() => import('./sign-up-page.js'), 'SignUpPage', ['identity']) },
    { path: relative(paths.verifyEmail), ...lazyPage(() => import('./verify-email-page.js'), 'VerifyEmailPage', ['identity']) },
    { path: relative(paths.signIn), ...lazyPage(() => import('./sign-in-page.js'), 'SignInPage', ['identity']) },
    { path: relative(paths.secondFactor), ...lazyPage(() => import('./second-factor-page.js'), 'SecondFactorPage', ['identity']) },
    { path: relative(paths.forgotPassword), ...lazyPage(() => import('./forgot-password-page.js'), 'ForgotPasswordPage', ['identity']) },
    { path: relative(paths.resetPassword), ...lazyPage(() => import('./reset-password-page.js'), 'ResetPasswordPage', ['identity']) },
    { path: relative(paths.account), ...lazyPage(() => import('./account/account-page.js'), 'AccountPage', ['identity']) },
    { path: relative(paths.privacy), ...lazyPage(() => import('./privacy-notice-page.js'), 'PrivacyNoticePage', ['identity']) },
  ],
};
