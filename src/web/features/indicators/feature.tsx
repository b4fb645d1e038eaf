import type { WebFeature } from '../../app/web-feature.js';
import { indicatorPaths } from './paths.js';

const relative = (path: string) => path.slice(1);

/** Pages, aliases and navigation of this feature. Pages load on demand: the charts library stays out of the main bundle. */
export const indicatorsFeature: WebFeature = {
  routes: [
    { path: relative(indicatorPaths.dashboard), lazy: async () => ({ Component: (await import('./dashboard-page.js')).IndicatorDashboardPage }) },
    { path: `${relative(indicatorPaths.dashboard)}/:code`, lazy: async () => ({ Component: (await import('./indicator-page.js')).IndicatorPage }) },
    { path: relative(indicatorPaths.manage), lazy: async () => ({ Component: (await import('./manage-page.js')).ManageIndicatorsPage }) },
  ],
  englishAliases: [
    ['indicators', indicatorPaths.dashboard],
    ['indicators/manage', indicatorPaths.manage],
  ],
  nav: [{ to: indicatorPaths.dashboard, label: 'indicators.nav' }],
};
