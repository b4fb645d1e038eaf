import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { Layout } from '../components/layout/layout.js';
import { NotFoundPage } from '../components/not-found-page.js';
import { RouteErrorPage } from '../components/route-error-page.js';
import { HomePage } from '../features/portal/home-page.js';
import { features } from './features.js';
import { lazyPage } from './lazy-page.js';
import { englishAliases } from '../../shared/web-paths.js';
import { paths } from './paths.js';

export { paths } from './paths.js';

/** Strips the leading slash: child routes are relative to the layout's "/". */
const relative = (path: string) => path.slice(1);

// The home page comes with the app; every other page loads on its first visit.
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
          { path: relative(paths.search), ...lazyPage(() => import('../features/search/search-page.js'), 'SearchPage') },
          { path: relative(paths.signUp), ...lazyPage(() => import('../features/identity/sign-up-page.js'), 'SignUpPage', ['identity']) },
          {
            path: relative(paths.verifyEmail),
            ...lazyPage(() => import('../features/identity/verify-email-page.js'), 'VerifyEmailPage', ['identity']),
          },
          { path: relative(paths.signIn), ...lazyPage(() => import('../features/identity/sign-in-page.js'), 'SignInPage', ['identity']) },
          {
            path: relative(paths.secondFactor),
            ...lazyPage(() => import('../features/identity/second-factor-page.js'), 'SecondFactorPage', ['identity']),
          },
          {
            path: relative(paths.forgotPassword),
            ...lazyPage(() => import('../features/identity/forgot-password-page.js'), 'ForgotPasswordPage', ['identity']),
          },
          {
            path: relative(paths.resetPassword),
            ...lazyPage(() => import('../features/identity/reset-password-page.js'), 'ResetPasswordPage', ['identity']),
          },
          {
            path: relative(paths.account),
            ...lazyPage(() => import('../features/identity/account/account-page.js'), 'AccountPage', ['identity']),
          },
          {
            path: relative(paths.privacy),
            ...lazyPage(() => import('../features/identity/privacy-notice-page.js'), 'PrivacyNoticePage', ['identity']),
          },
          ...features.flatMap((feature) => feature.routes),
          ...englishAliases.map(([alias, target]) => ({
            path: relative(alias),
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
