import { useQuery } from '@tanstack/react-query';
import { portalSummarySchema } from '../../../shared/contracts/portal.js';
import { apiGet } from '../../api/client.js';

export const portalKeys = {
  summary: ['portal', 'summary'] as const,
};

/** GET /api/portal/summary — everything the public home page shows. */
export function usePortalSummary() {
  return useQuery({
    queryKey: portalKeys.summary,
    queryFn: ({ signal }) => apiGet('/api/portal/summary', portalSummarySchema, { signal }),
  });
}
