import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { commendationPaths } from './paths.js';

const at = (path: string) => path.slice(1);

/** Commendation: nominations and their dossier, the council's secret ballot, councils, decisions and the titles' rules. */
export const commendationFeature: WebFeature = {
  routes: [
    { path: at(commendationPaths.nominations), ...lazyPage(() => import('./nominations-page.js'), 'NominationsPage', ['commendation']) },
    {
      path: at(commendationPaths.newNomination),
      ...lazyPage(() => import('./new-nomination-page.js'), 'NewNominationPage', ['commendation']),
    },
    { path: 'khen-thuong/de-nghi/:id', ...lazyPage(() => import('./nomination-page.js'), 'NominationPage', ['commendation']) },
    { path: at(commendationPaths.votes), ...lazyPage(() => import('./votes-page.js'), 'VotesPage', ['commendation']) },
    { path: at(commendationPaths.councils), ...lazyPage(() => import('./councils-page.js'), 'CouncilsPage', ['commendation']) },
    { path: at(commendationPaths.decisions), ...lazyPage(() => import('./decisions-page.js'), 'DecisionsPage', ['commendation']) },
    { path: 'khen-thuong/quyet-dinh/:id', ...lazyPage(() => import('./decision-page.js'), 'DecisionPage', ['commendation']) },
    { path: at(commendationPaths.titles), ...lazyPage(() => import('./titles-page.js'), 'TitlesPage', ['commendation']) },
  ],
  // Public: the decisions and the list of those commended; staff reach their work from the workspace.
  nav: [{ to: commendationPaths.decisions, label: 'nav.commendation' }],
};
