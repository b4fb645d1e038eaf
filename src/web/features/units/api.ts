import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { unitSchema } from '../../../shared/contracts/identity.js';
import { apiGet } from '../../api/client.js';

/** GET /api/units — every active unit; small (about 200) and slow to change, so fetched whole. */
export function usePublicUnits() {
  return useQuery({
    queryKey: ['units', 'public'],
    queryFn: ({ signal }) => apiGet('/api/units', z.object({ items: z.array(unitSchema) }), { signal }),
    staleTime: 10 * 60_000,
  });
}
