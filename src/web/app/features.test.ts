import { describe, expect, it } from 'vitest';
import { isWebPage } from '../../shared/web-page-match.js';
import { englishAliases, webRoutePatterns } from '../../shared/web-paths.js';
import { features } from './features.js';

const routePaths = features.flatMap((feature) => feature.routes).map((route) => (route.index ? '/' : `/${route.path ?? ''}`));

describe('the pages the features register', () => {
  it('are exactly the route patterns declared in src/shared, which the server knows', () => {
    expect([...routePaths].sort()).toEqual([...webRoutePatterns].sort());
  });

  it('are pages for the server, with their English aliases; anything else is not', () => {
    for (const path of routePaths) expect(isWebPage(path.replace(/:\w+/g, 'x'))).toBe(true);
    for (const [alias, target] of englishAliases) {
      expect(isWebPage(alias)).toBe(true);
      expect(webRoutePatterns).toContain(target);
    }
    for (const unknown of ['/khong-co-trang-nay', '/ke-hoach/a/b/c', '/api-docs', '/nhiem-vu']) expect(isWebPage(unknown)).toBe(false);
  });

  it('link every navigation entry to a page', () => {
    for (const item of features.flatMap((feature) => feature.nav ?? [])) expect(isWebPage(item.to)).toBe(true);
  });
});
