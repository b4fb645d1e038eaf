import type { RouteTable } from '../callers.js';

export const indicatorsRoutes: RouteTable = {
  routes: {

  },
};
