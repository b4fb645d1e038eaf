import type { WebFeature } from '../../app/web-feature.js';

/** Pages, aliases and navigation of this feature. */
export const movementFeature: WebFeature = { routes: [] };
