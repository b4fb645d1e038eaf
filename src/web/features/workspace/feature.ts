import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { paths } from '../../../shared/web-paths.js';

/** "Việc của tôi": where a signed-in person lands, reached from the header's count. */
export const workspaceFeature: WebFeature = {
  routes: [{ path: paths.workspace.slice(1), ...lazyPage(() => import('./workspace-page.js'), 'WorkspacePage', ['workspace']) }],
};
