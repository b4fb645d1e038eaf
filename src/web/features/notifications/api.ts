import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { notificationSchema } from '../../../shared/contracts/identity.js';
import { apiGet, apiSend } from '../../api/client.js';

/** GET /api/notifications answers with a page of notifications and the total still unread. */
const notificationListSchema = z.object({ items: z.array(notificationSchema), unreadCount: z.number().int() });

export const notificationKeys = {
  all: ['me', 'notifications'] as const,
  list: (limit: number) => ['me', 'notifications', 'list', limit] as const,
  unreadCount: ['me', 'notifications', 'unread-count'] as const,
};

/** The server's upper bound on `limit`. */
export const maxNotificationsPerPage = 100;

/** GET /api/notifications?limit= — the latest notifications, read and unread. */
export function useNotifications(isEnabled: boolean, limit = 50) {
  return useQuery({
    queryKey: notificationKeys.list(limit),
    queryFn: ({ signal }) => apiGet('/api/notifications', notificationListSchema, { query: { limit }, signal }),
    enabled: isEnabled,
  });
}

/** The unread count for the header, checked again every minute while signed in. */
export function useUnreadNotificationCount(isEnabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: ({ signal }) => apiGet('/api/notifications', notificationListSchema, { query: { limit: 1, unreadOnly: true }, signal }),
    select: (list) => list.unreadCount,
    enabled: isEnabled,
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}

/** POST /api/notifications/:id/read */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('POST', `/api/notifications/${encodeURIComponent(id)}/read`, null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** POST /api/notifications/read-all */
export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/notifications/read-all', null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
