/** The public unit directory and a unit's page (the search index links units here). */
export const unitPaths = {
  directory: '/don-vi',
  unit: (code: string) => `/don-vi/${encodeURIComponent(code)}`,
} as const;
