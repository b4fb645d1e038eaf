import type { RouteTable } from '../callers.js';

export const plansRoutes: RouteTable = {
  routes: {

  },
};
