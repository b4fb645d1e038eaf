import type { WebFeature } from '../../app/web-feature.js';
import { UnitDirectoryPage } from './unit-directory-page.js';
import { UnitPage } from './unit-page.js';

/** The public directory of the city's units. */
export const unitsFeature: WebFeature = {
  routes: [
    { path: 'don-vi', element: <UnitDirectoryPage /> },
    { path: 'don-vi/:code', element: <UnitPage /> },
  ],
  englishAliases: [['units', '/don-vi']],
  nav: [{ to: '/don-vi', label: 'units.nav' }],
};
