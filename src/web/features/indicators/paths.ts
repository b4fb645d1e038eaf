/** This feature's pages (Vietnamese paths; English aliases redirect to them). */
export const indicatorPaths = {
  dashboard: '/chi-tieu',
  manage: '/quan-ly-chi-tieu',
} as const;

export const indicatorPath = (code: string): string => `${indicatorPaths.dashboard}/${encodeURIComponent(code)}`;
