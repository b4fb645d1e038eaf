/** The feature's pages (declared with every other page in src/shared). */
export { planPaths } from '../../../shared/web-paths.js';

/** The plan code from the route, whether or not the router already decoded "%2F". */
export function planCodeParam(value: string | undefined): string {
  const raw = value ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
