import type { WebFeature } from '../../app/web-feature.js';
import { HomePage } from './home-page.js';

/** The home page; it comes with the app (the first page most visitors see), its strings with the core. */
export const portalFeature: WebFeature = {
  routes: [{ index: true, element: <HomePage /> }],
};
