import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  boardSchema,
  compiledReportSchema,
  periodSchema,
  publishedReportSchema,
  regimeSchema,
  unitReportSchema,
  unitReportSummarySchema,
  type CompiledAction,
  type RegimeInput,
  type UnitReportAction,
} from '../../../shared/contracts/reports.js';
import { apiGet, apiSend, fileForm } from '../../api/client.js';

export { reportPaths } from '../../../shared/web-paths.js';

const base = '/api/reports';
const keys = { all: ['reports'] as const };

export const useRegimes = () =>
  useQuery({ queryKey: [...keys.all, 'regimes'], queryFn: ({ signal }) => apiGet(`${base}/regimes`, z.array(regimeSchema), { signal }) });
export const useRegime = (id: string) =>
  useQuery({ queryKey: [...keys.all, 'regime', id], queryFn: ({ signal }) => apiGet(`${base}/regimes/${id}`, regimeSchema, { signal }) });
export const useBoard = (periodId: string) =>
  useQuery({
    queryKey: [...keys.all, 'board', periodId],
    queryFn: ({ signal }) => apiGet(`${base}/periods/${periodId}/board`, boardSchema, { signal }),
  });
export const useMyReports = () =>
  useQuery({
    queryKey: [...keys.all, 'unit-reports'],
    queryFn: ({ signal }) => apiGet(`${base}/unit-reports`, z.array(unitReportSummarySchema), { signal }),
  });
export const useUnitReport = (id: string) =>
  useQuery({
    queryKey: [...keys.all, 'unit-report', id],
    queryFn: ({ signal }) => apiGet(`${base}/unit-reports/${id}`, unitReportSchema, { signal }),
  });
export const useCompiled = (id: string) =>
  useQuery({
    queryKey: [...keys.all, 'compiled', id],
    queryFn: ({ signal }) => apiGet(`${base}/compiled/${id}`, compiledReportSchema, { signal }),
  });
export const usePublishedList = () =>
  useQuery({
    queryKey: [...keys.all, 'published'],
    queryFn: ({ signal }) => apiGet(`${base}/published`, z.array(publishedReportSchema), { signal }),
  });
export const usePublished = (id: string) =>
  useQuery({
    queryKey: [...keys.all, 'published', id],
    queryFn: ({ signal }) => apiGet(`${base}/published/${id}`, publishedReportSchema, { signal }),
  });

/** Every write of the module; each refreshes what the module's pages show. */
export function useReportMutations() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: keys.all });
  return {
    createRegime: useMutation({ mutationFn: (body: RegimeInput) => apiSend('POST', `${base}/regimes`, regimeSchema, { body }), onSuccess }),
    openPeriod: useMutation({
      mutationFn: ({ regimeId, body }: { regimeId: string; body: object }) =>
        apiSend('POST', `${base}/regimes/${regimeId}/periods`, periodSchema, { body }),
      onSuccess,
    }),
    compile: useMutation({
      mutationFn: (periodId: string) => apiSend('POST', `${base}/periods/${periodId}/compiled`, compiledReportSchema),
      onSuccess,
    }),
    editUnitReport: useMutation({
      mutationFn: ({ id, body }: { id: string; body: object }) =>
        apiSend('PATCH', `${base}/unit-reports/${id}`, unitReportSchema, { body }),
      onSuccess,
    }),
    stepUnitReport: useMutation({
      mutationFn: ({ id, action, body }: { id: string; action: UnitReportAction; body: object }) =>
        apiSend('POST', `${base}/unit-reports/${id}/${action}`, unitReportSchema, { body }),
      onSuccess,
    }),
    attach: useMutation({
      mutationFn: ({ id, file }: { id: string; file: File }) =>
        apiSend('POST', `${base}/unit-reports/${id}/attachments`, z.looseObject({ id: z.string() }), { body: fileForm(file) }),
      onSuccess,
    }),
    editCompiled: useMutation({
      mutationFn: ({ id, body }: { id: string; body: object }) =>
        apiSend('PATCH', `${base}/compiled/${id}`, compiledReportSchema, { body }),
      onSuccess,
    }),
    stepCompiled: useMutation({
      mutationFn: ({ id, action, body }: { id: string; action: CompiledAction; body: object }) =>
        apiSend('POST', `${base}/compiled/${id}/${action}`, compiledReportSchema, { body }),
      onSuccess,
    }),
    comment: useMutation({
      mutationFn: ({ id, body }: { id: string; body: object }) =>
        apiSend('POST', `${base}/compiled/${id}/comments`, compiledReportSchema, { body }),
      onSuccess,
    }),
  };
}

/** Where a document of a report downloads from. */
export const documentUrls = (kind: 'unit-reports' | 'compiled' | 'published', id: string) => ({
  docx: `${base}/${kind}/${id}/document.docx`,
  pdf: `${base}/${kind}/${id}/document.pdf`,
  annex: kind === 'published' ? null : `${base}/${kind}/${id}/annex.xlsx`,
});
