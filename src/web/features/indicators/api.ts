import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  dashboardSchema,
  importResultSchema,
  indicatorDefinitionDtoSchema,
  indicatorSavedSchema,
  type IndicatorPatch,
  observationListSchema,
  observationSchema,
  publicIndicatorSchema,
  workListSchema,
  type ObservationBody,
} from '../../../shared/contracts/indicators.js';
import { z } from 'zod';
import { apiGet, apiSend, fileForm } from '../../api/client.js';

export const indicatorKeys = {
  all: ['indicators'] as const,
  dashboard: ['indicators', 'dashboard'] as const,
  detail: (code: string) => ['indicators', 'public', code] as const,
  work: ['me', 'indicators', 'work'] as const,
  history: (id: string) => ['me', 'indicators', 'history', id] as const,
  definition: (id: string) => ['indicators', 'definition', id] as const,
};

/** GET /api/indicators/dashboard — every public indicator with its status. */
export function useIndicatorDashboard() {
  return useQuery({
    queryKey: indicatorKeys.dashboard,
    queryFn: ({ signal }) => apiGet('/api/indicators/dashboard', dashboardSchema, { signal }),
  });
}

/** GET /api/indicators/public/:code — one public indicator. */
export function usePublicIndicator(code: string) {
  return useQuery({
    queryKey: indicatorKeys.detail(code),
    queryFn: ({ signal }) => apiGet(`/api/indicators/public/${encodeURIComponent(code)}`, publicIndicatorSchema, { signal }),
  });
}

/** GET /api/indicators/work — the caller's indicators, overdue periods and review queue. */
export function useIndicatorWork(isEnabled: boolean) {
  return useQuery({
    queryKey: indicatorKeys.work,
    queryFn: ({ signal }) => apiGet('/api/indicators/work', workListSchema, { signal }),
    enabled: isEnabled,
  });
}

/** GET /api/indicators/:id/observations — values and revisions of one indicator. */
export function useObservationHistory(id: string | null) {
  return useQuery({
    queryKey: indicatorKeys.history(id ?? ''),
    queryFn: ({ signal }) => apiGet(`/api/indicators/${id}/observations`, observationListSchema, { signal }),
    enabled: id !== null,
  });
}

function useInvalidatingMutation<In, Out>(send: (input: In) => Promise<Out>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: indicatorKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['me', 'indicators'] }),
      ]);
    },
  });
}

export function useSubmitObservation() {
  return useInvalidatingMutation(({ indicatorId, body }: { indicatorId: string; body: ObservationBody }) =>
    apiSend('POST', `/api/indicators/${indicatorId}/observations`, observationSchema, { body }),
  );
}

export function useApproveObservation() {
  return useInvalidatingMutation((id: string) => apiSend('POST', `/api/indicators/observations/${id}/approve`, observationSchema));
}

export function useReturnObservation() {
  return useInvalidatingMutation(({ id, note }: { id: string; note: string }) =>
    apiSend('POST', `/api/indicators/observations/${id}/return`, observationSchema, { body: { note } }),
  );
}

export function useImportObservations() {
  return useInvalidatingMutation((file: File) => apiSend('POST', '/api/indicators/import', importResultSchema, { body: fileForm(file) }));
}

const evidenceSchema = z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int() });

/** POST /api/indicators/:id/attachments — the evidence file, as multipart. */
export function useUploadEvidence() {
  return useMutation({
    mutationFn: ({ indicatorId, file }: { indicatorId: string; file: File }) =>
      apiSend('POST', `/api/indicators/${indicatorId}/attachments`, evidenceSchema, { body: fileForm(file) }),
  });
}

/** GET /api/indicators/:id — the definition as a programme manager edits it; its ETag goes back with the PATCH. */
export function useIndicatorDefinition(id: string) {
  return useQuery({
    queryKey: indicatorKeys.definition(id),
    queryFn: ({ signal }) => apiGet(`/api/indicators/${id}`, indicatorDefinitionDtoSchema, { signal }),
    staleTime: 0,
  });
}

/** PATCH /api/indicators/:id — at the address the definition was loaded from, so If-Match is the version loaded. */
export function useUpdateIndicator(id: string) {
  return useInvalidatingMutation((body: IndicatorPatch) => apiSend('PATCH', `/api/indicators/${id}`, indicatorSavedSchema, { body }));
}
