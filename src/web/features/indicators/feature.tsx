import type { WebFeature } from '../../app/web-feature.js';
import { IndicatorDashboardPage } from './dashboard-page.js';
import { IndicatorPage } from './indicator-page.js';
import { ManageIndicatorsPage } from './manage-page.js';
import { indicatorPaths } from './paths.js';

const relative = (path: string) => path.slice(1);

/** Pages, aliases and navigation of this feature. */
export const indicatorsFeature: WebFeature = {
  routes: [
    { path: relative(indicatorPaths.dashboard), element: <IndicatorDashboardPage /> },
    { path: `${relative(indicatorPaths.dashboard)}/:code`, element: <IndicatorPage /> },
    { path: relative(indicatorPaths.manage), element: <ManageIndicatorsPage /> },
  ],
  englishAliases: [
    ['indicators', indicatorPaths.dashboard],
    ['indicators/manage', indicatorPaths.manage],
  ],
  nav: [{ to: indicatorPaths.dashboard, label: 'indicators.nav' }],
};
