import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { indicatorPaths } from './paths.js';

const relative = (path: string) => path.slice(1);

/** Pages, aliases and navigation of this feature. */
export const indicatorsFeature: WebFeature = {
  routes: [
    {
      path: relative(indicatorPaths.dashboard),
      ...lazyPage(() => import('./dashboard-page.js'), 'IndicatorDashboardPage', ['indicators']),
    },
    {
      path: `${relative(indicatorPaths.dashboard)}/:code`,
      ...lazyPage(() => import('./indicator-page.js'), 'IndicatorPage', ['indicators', 'ecosystem']),
    },
    { path: relative(indicatorPaths.manage), ...lazyPage(() => import('./manage-page.js'), 'ManageIndicatorsPage', ['indicators']) },
    {
      path: `${relative(indicatorPaths.manage)}/:indicatorId/muc-tieu`,
      ...lazyPage(() => import('./targets-page.js'), 'IndicatorTargetsPage', ['indicators']),
    },
  ],
  nav: [{ to: indicatorPaths.dashboard, label: 'nav.indicators' }],
};
