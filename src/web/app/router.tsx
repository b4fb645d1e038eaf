import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { Layout } from '../components/layout/layout.js';
import { NotFoundPage } from '../components/not-found-page.js';
import { RouteErrorPage } from '../components/route-error-page.js';
import { features } from './features.js';
import { englishAliases } from '../../shared/web-paths.js';

export { paths } from './paths.js';

/** Strips the leading slash: child routes are relative to the layout's "/". */
const relative = (path: string) => path.slice(1);

// Every feature registers its pages (src/shared/web-paths.ts declares their paths); the home page comes
// with the app, every other page loads on its first visit.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      {
        // Pathless so a crashing page renders its error inside the layout, with navigation intact.
        errorElement: <RouteErrorPage />,
        children: [
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
