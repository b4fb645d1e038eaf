import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { Layout } from '../components/layout.js';
import { NotFoundPage } from '../components/not-found-page.js';
import { RouteErrorPage } from '../components/route-error-page.js';
import { HomePage } from '../features/portal/home-page.js';
import { SearchPage } from '../features/search/search-page.js';

/** Client routes use Vietnamese paths; English aliases redirect so shared links stay canonical. */
export const paths = {
  home: '/',
  search: '/tim-kiem',
} as const;

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
          { path: 'tim-kiem', element: <SearchPage /> },
          {
            path: 'search',
            loader: ({ request }) => redirect(`${paths.search}${new URL(request.url).search}`),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter(): ReturnType<typeof createBrowserRouter> {
  return createBrowserRouter(routes);
}
