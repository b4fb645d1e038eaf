import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { paths } from '../../../shared/web-paths.js';

/** The site search; its entry in the navigation comes after the features'. */
export const searchFeature: WebFeature = {
  routes: [{ path: paths.search.slice(1), ...lazyPage(() => import('./search-page.js'), 'SearchPage', ['search']) }],
  nav: [{ to: paths.search, label: 'nav.search' }],
};
