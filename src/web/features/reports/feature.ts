import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';

const page = <M extends Record<string, unknown>>(load: () => Promise<M>, name: Parameters<typeof lazyPage<M>>[1]) =>
  lazyPage(load, name, ['reports']);

/** Periodic reports: regimes and their boards, the units' reports, the city's compiled report, and the published ones. */
export const reportsFeature: WebFeature = {
  routes: [
    { path: 'bao-cao', ...page(() => import('./regimes-page.js'), 'RegimesPage') },
    { path: 'bao-cao/cua-don-vi', ...page(() => import('./my-reports-page.js'), 'MyReportsPage') },
    { path: 'bao-cao/che-do/:id', ...page(() => import('./regime-page.js'), 'RegimePage') },
    { path: 'bao-cao/ky/:periodId', ...page(() => import('./board-page.js'), 'BoardPage') },
    { path: 'bao-cao/don-vi/:id', ...page(() => import('./unit-report-page.js'), 'UnitReportPage') },
    { path: 'bao-cao/tong-hop/:id', ...page(() => import('./compiled-page.js'), 'CompiledPage') },
    { path: 'bao-cao-cong-khai', ...page(() => import('./published-pages.js'), 'PublishedListPage') },
    { path: 'bao-cao-cong-khai/:id', ...page(() => import('./published-pages.js'), 'PublishedPage') },
  ],
};
