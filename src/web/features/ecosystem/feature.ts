import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { ecosystemPaths } from './paths.js';

const page = (path: string) => path.slice(1);

/** Pages, aliases and navigation of the innovation ecosystem. */
export const ecosystemFeature: WebFeature = {
  routes: [
    { path: page(ecosystemPaths.directory), ...lazyPage(() => import('./directory-page.js'), 'DirectoryPage', ['ecosystem']) },
    { path: page(ecosystemPaths.register), ...lazyPage(() => import('./edit-page.js'), 'RegisterOrganisationPage', ['ecosystem']) },
    { path: page(ecosystemPaths.mine), ...lazyPage(() => import('./mine-page.js'), 'MinePage', ['ecosystem']) },
    { path: page(ecosystemPaths.confirmClaim), ...lazyPage(() => import('./mine-page.js'), 'ConfirmClaimPage', ['ecosystem']) },
    { path: page(ecosystemPaths.experts), ...lazyPage(() => import('./experts-page.js'), 'ExpertsPage', ['ecosystem']) },
    { path: page(ecosystemPaths.programmes), ...lazyPage(() => import('./programme-pages.js'), 'ProgrammesPage', ['ecosystem']) },
    {
      path: page(ecosystemPaths.newProgramme),
      ...lazyPage(() => import('./new-programme-page.js'), 'NewProgrammePage', ['ecosystem']),
    },
    { path: page(ecosystemPaths.verification), ...lazyPage(() => import('./verification-page.js'), 'VerificationPage', ['ecosystem']) },
    {
      path: page(ecosystemPaths.organisation(':slug')),
      ...lazyPage(() => import('./organisation-page.js'), 'OrganisationPage', ['ecosystem']),
    },
    { path: page(ecosystemPaths.edit(':slug')), ...lazyPage(() => import('./edit-page.js'), 'EditOrganisationPage', ['ecosystem']) },
    { path: page(ecosystemPaths.programme(':slug')), ...lazyPage(() => import('./programme-pages.js'), 'ProgrammePage', ['ecosystem']) },
    {
      path: page(ecosystemPaths.applications(':slug')),
      ...lazyPage(() => import('./programme-pages.js'), 'ApplicationsBoardPage', ['ecosystem']),
    },
  ],
  nav: [{ to: ecosystemPaths.directory, label: 'nav.ecosystem' }],
};
