import { englishAliases, webRoutePatterns } from './web-paths.js';

/*
 * Matching a path against the page table, for the server's 404 decision; apart from web-paths.ts so
 * the web app, which routes with React Router, does not carry it.
 */
const patternRegex = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}/?$`);
const knownPatterns = [...webRoutePatterns, ...englishAliases.map(([alias]) => alias)].map(patternRegex);

/** Whether the web app has a page at `pathname` (query and fragment excluded). */
export function isWebPage(pathname: string): boolean {
  return knownPatterns.some((pattern) => pattern.test(pathname));
}

