import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { unitPaths } from './unit-paths.js';

/** The public directory of the city's units. */
export const unitsFeature: WebFeature = {
  routes: [
    { path: unitPaths.directory.slice(1), ...lazyPage(() => import('./unit-directory-page.js'), 'UnitDirectoryPage', ['units']) },
    { path: `${unitPaths.directory.slice(1)}/:code`, ...lazyPage(() => import('./unit-page.js'), 'UnitPage', ['units']) },
  ],
  nav: [{ to: unitPaths.directory, label: 'nav.units' }],
};
