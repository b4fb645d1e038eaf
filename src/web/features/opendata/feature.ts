import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { opendataPaths } from './paths.js';

/** The open-data catalogue: its public pages and the staff page that drafts, proposes and publishes. */
export const opendataFeature: WebFeature = {
  routes: [
    { path: opendataPaths.catalogue.slice(1), ...lazyPage(() => import('./catalogue-page.js'), 'CataloguePage', ['opendata']) },
    { path: `${opendataPaths.catalogue.slice(1)}/:name`, ...lazyPage(() => import('./dataset-page.js'), 'DatasetPage', ['opendata']) },
    {
      path: `${opendataPaths.catalogue.slice(1)}/:name/xem/:resourceId`,
      ...lazyPage(() => import('./preview-page.js'), 'PreviewPage', ['opendata']),
    },
    { path: opendataPaths.work.slice(1), ...lazyPage(() => import('./work-page.js'), 'WorkPage', ['opendata']) },
    { path: `${opendataPaths.work.slice(1)}/:id/sua`, ...lazyPage(() => import('./edit-page.js'), 'EditDatasetPage', ['opendata']) },
  ],
  nav: [{ to: opendataPaths.catalogue, label: 'nav.opendata' }],
};
