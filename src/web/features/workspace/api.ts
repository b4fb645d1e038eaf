import { useQuery } from '@tanstack/react-query';
import { workspaceSchema } from '../../../shared/contracts/workspace.js';
import { apiGet } from '../../api/client.js';

/** Under the signed-in person's prefix (`['me']`), so signing out drops it. */
export const workspaceKey = ['me', 'workspace'] as const;

/** GET /api/workspace — the person's jobs with their counts; the header and the workspace page share it. */
export function useWorkspace(enabled = true) {
  return useQuery({
    queryKey: workspaceKey,
    queryFn: ({ signal }) => apiGet('/api/workspace', workspaceSchema, { signal }),
    enabled,
    staleTime: 60_000,
  });
}
