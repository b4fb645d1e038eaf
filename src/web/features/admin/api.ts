import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  auditEventSchema,
  auditVerificationSchema,
  grantSchema,
  unitSchema,
  type grantCreateBodySchema,
  type unitCreateBodySchema,
  type unitUpdateBodySchema,
} from '../../../shared/contracts/identity.js';
import { apiGet, apiSend } from '../../api/client.js';
import { identityKeys } from '../identity/session.js';

/** Everything the administration pages read lives under the private prefix, so sign-out drops it. */
const adminKeys = {
  units: [...identityKeys.private, 'admin', 'units'] as const,
  users: (q: string) => [...identityKeys.private, 'admin', 'users', q] as const,
  usersAll: [...identityKeys.private, 'admin', 'users'] as const,
  audit: (filters: AuditFilters) => [...identityKeys.private, 'admin', 'audit', filters] as const,
};

const unitListSchema = z.object({ items: z.array(unitSchema) });

/** GET /api/admin/units — every unit, inactive ones included. */
export function useAdminUnits() {
  return useQuery({ queryKey: adminKeys.units, queryFn: ({ signal }) => apiGet('/api/admin/units', unitListSchema, { signal }) });
}

/** GET /api/admin/units/:id — the unit an administrator is about to edit, with its version (ETag). */
export function useAdminUnit(id: string) {
  return useQuery({
    queryKey: [...adminKeys.units, id],
    queryFn: ({ signal }) => apiGet(`/api/admin/units/${encodeURIComponent(id)}`, unitSchema, { signal }),
    staleTime: 0,
  });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof unitCreateBodySchema>) => apiSend('POST', '/api/admin/units', unitSchema, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.units }),
  });
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.output<typeof unitUpdateBodySchema> }) =>
      apiSend('PATCH', `/api/admin/units/${encodeURIComponent(id)}`, unitSchema, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.units }),
  });
}

export const adminUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  accountKind: z.enum(['citizen', 'enterprise', 'staff']),
  isActive: z.boolean(),
  hasTotp: z.boolean(),
  grants: z.array(grantSchema),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

/** GET /api/admin/users?q= — accounts matching the search, with their grants. */
export function useAdminUsers(q: string) {
  return useQuery({
    queryKey: adminKeys.users(q),
    queryFn: ({ signal }) =>
      apiGet('/api/admin/users', z.object({ items: z.array(adminUserSchema) }), { signal, query: { q: q || undefined, limit: 50 } }),
    placeholderData: keepPreviousData,
  });
}

export function useGrantRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: z.output<typeof grantCreateBodySchema> }) =>
      apiSend('POST', `/api/admin/users/${encodeURIComponent(userId)}/grants`, z.object({ id: z.uuid() }), { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.usersAll }),
  });
}

export function useRevokeGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, grantId }: { userId: string; grantId: string }) =>
      apiSend('DELETE', `/api/admin/users/${encodeURIComponent(userId)}/grants/${encodeURIComponent(grantId)}`, null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.usersAll }),
  });
}

/** The audit filters as the URL carries them; empty strings are left out of the request. */
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditFilters = {
  action: string;
  entityType: string;
  entityId: string;
  actorId: string;
  from: string;
  to: string;
  before: string;
};
export const auditFilterNames = ['action', 'entityType', 'entityId', 'actorId', 'from', 'to'] as const;
export const auditPageSize = 50;

export function auditQuery(filters: AuditFilters): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, value === '' ? undefined : value]));
}

/** GET /api/admin/audit — one page of events, newest first. */
export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: adminKeys.audit(filters),
    queryFn: ({ signal }) =>
      apiGet('/api/admin/audit', z.object({ items: z.array(auditEventSchema) }), {
        signal,
        query: { ...auditQuery(filters), limit: auditPageSize },
      }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** GET /api/admin/audit/verify — checks every sealed row and the chain of batches. */
export function useVerifyAudit() {
  return useMutation({
    mutationFn: () => apiGet('/api/admin/audit/verify', auditVerificationSchema),
  });
}
