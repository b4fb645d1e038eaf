import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { Layout } from '../components/layout.js';
import { NotFoundPage } from '../components/not-found-page.js';
import { RouteErrorPage } from '../components/route-error-page.js';
import { AccountPage } from '../features/identity/account/account-page.js';
import { ForgotPasswordPage } from '../features/identity/forgot-password-page.js';
import { PrivacyNoticePage } from '../features/identity/privacy-notice-page.js';
import { ResetPasswordPage } from '../features/identity/reset-password-page.js';
import { SecondFactorPage } from '../features/identity/second-factor-page.js';
import { SignInPage } from '../features/identity/sign-in-page.js';
import { SignUpPage } from '../features/identity/sign-up-page.js';
import { VerifyEmailPage } from '../features/identity/verify-email-page.js';
import { HomePage } from '../features/portal/home-page.js';
import { SearchPage } from '../features/search/search-page.js';
import { features } from './features.js';
import { paths } from './paths.js';

export { paths } from './paths.js';

/** English paths people may type or share, each redirected (query string kept) to its Vietnamese path. */
const englishAliases: ReadonlyArray<readonly [alias: string, target: string]> = [
  ['search', paths.search],
  ['sign-up', paths.signUp],
  ['verify-email', paths.verifyEmail],
  ['sign-in', paths.signIn],
  ['sign-in/second-factor', paths.secondFactor],
  ['forgot-password', paths.forgotPassword],
  ['reset-password', paths.resetPassword],
  ['account', paths.account],
  ['privacy', paths.privacy],
  ...features.flatMap((feature) => feature.englishAliases ?? []),
];

/** Strips the leading slash: child routes are relative to the layout's "/". */
const relative = (path: string) => path.slice(1);

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      {
        // Pathless so a crashing page renders its error inside the layout, with navigation intact.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: relative(paths.search), element: <SearchPage /> },
          { path: relative(paths.signUp), element: <SignUpPage /> },
          { path: relative(paths.verifyEmail), element: <VerifyEmailPage /> },
          { path: relative(paths.signIn), element: <SignInPage /> },
          { path: relative(paths.secondFactor), element: <SecondFactorPage /> },
          { path: relative(paths.forgotPassword), element: <ForgotPasswordPage /> },
          { path: relative(paths.resetPassword), element: <ResetPasswordPage /> },
          { path: relative(paths.account), element: <AccountPage /> },
          { path: relative(paths.privacy), element: <PrivacyNoticePage /> },
          ...features.flatMap((feature) => feature.routes),
          ...englishAliases.map(([alias, target]) => ({
            path: alias,
            loader: ({ request }: { request: Request }) => redirect(`${target}${new URL(request.url).search}`),
          })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter(): ReturnType<typeof createBrowserRouter> {
  return createBrowserRouter(routes);
}
