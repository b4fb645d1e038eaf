/** The open-data pages (Vietnamese slugs). */
export const opendataPaths = {
  catalogue: '/du-lieu-mo',
  dataset: (name: string) => `/du-lieu-mo/${encodeURIComponent(name)}`,
  preview: (name: string, resourceId: string) => `/du-lieu-mo/${encodeURIComponent(name)}/xem/${resourceId}`,
  work: '/quan-ly-du-lieu',
} as const;
