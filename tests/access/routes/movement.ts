import type { RouteTable } from '../callers.js';

export const movementRoutes: RouteTable = {
  routes: {

  },
};
