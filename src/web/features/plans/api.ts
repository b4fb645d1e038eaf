import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { unitSchema } from '../../../shared/contracts/identity.js';
import {
  attachmentSchema,
  importResultSchema,
  planDetailSchema,
  planSchema,
  scorecardSchema,
  taskDetailSchema,
  taskGroupEditSchema,
  taskListSchema,
  type planUpdateBodySchema,
  type PlanCreateBody,
  type TaskCreateBody,
  type TaskLifecycleBody,
  type extensionDecisionBodySchema,
  type taskGroupCreateBodySchema,
  type taskGroupUpdateBodySchema,
  type taskUpdateBodySchema,
  type extensionRequestBodySchema,
  type ProgressReportBody,
} from '../../../shared/contracts/plans.js';
import { apiGet, apiSend, fileForm, type QueryValue } from '../../api/client.js';

export const plansKeys = {
  all: ['plans'] as const,
  plan: (ref: string) => ['plans', 'plan', ref] as const,
  tasks: (ref: string, filters: Record<string, QueryValue>) => ['plans', 'tasks', ref, filters] as const,
  myTasks: (filters: Record<string, QueryValue>) => ['plans', 'my-tasks', filters] as const,
  task: (id: string) => ['plans', 'task', id] as const,
  group: (id: string) => ['plans', 'group', id] as const,
  scorecard: (planId: string, filters: Record<string, QueryValue>) => ['plans', 'scorecard', planId, filters] as const,
  units: ['units'] as const,
};

const created = z.object({ id: z.uuid() });

export function usePlans() {
  return useQuery({
    queryKey: plansKeys.all,
    queryFn: ({ signal }) => apiGet('/api/plans', z.object({ items: z.array(planSchema) }), { signal }),
  });
}

/** A plan by its code (4354/KH-UBND) or id. */
export function usePlan(ref: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...options,
    queryKey: plansKeys.plan(ref),
    queryFn: ({ signal }) => apiGet(`/api/plans/${encodeURIComponent(ref)}`, planDetailSchema, { signal }),
  });
}

export function usePlanTasks(ref: string, filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: plansKeys.tasks(ref, filters),
    queryFn: ({ signal }) => apiGet(`/api/plans/${encodeURIComponent(ref)}/tasks`, taskListSchema, { signal, query: filters }),
  });
}

export function useMyUnitTasks(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: plansKeys.myTasks(filters),
    queryFn: ({ signal }) => apiGet('/api/plans/my-tasks', taskListSchema, { signal, query: filters }),
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: plansKeys.task(id),
    queryFn: ({ signal }) => apiGet(`/api/plans/tasks/${id}`, taskDetailSchema, { signal }),
  });
}

export function useScorecard(planId: string | undefined, filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: plansKeys.scorecard(planId ?? '', filters),
    queryFn: ({ signal }) => apiGet('/api/plans/scorecards', scorecardSchema, { signal, query: { planId, ...filters } }),
    enabled: planId !== undefined,
  });
}

export function useUnits() {
  return useQuery({
    queryKey: plansKeys.units,
    queryFn: ({ signal }) => apiGet('/api/units', z.object({ items: z.array(unitSchema) }), { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useAssignTask(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskCreateBody) => apiSend('POST', `/api/plans/${planId}/tasks`, created, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKeys.all }),
  });
}

/** Uploads one product file for a later report; the answer names the stored file. */
export function useUploadProductFile(taskId: string) {
  return useMutation({
    mutationFn: (file: File) => apiSend('POST', `/api/plans/tasks/${taskId}/attachments`, attachmentSchema, { body: fileForm(file) }),
  });
}

/** Imports a plan's tasks from an XLSX file (programme managers). */
export function useImportTasks(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => apiSend('POST', `/api/plans/${planId}/import`, importResultSchema, { body: fileForm(file) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKeys.all }),
  });
}

export function useFileReport(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgressReportBody) => apiSend('POST', `/api/plans/tasks/${taskId}/reports`, created, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKeys.all }),
  });
}

export function useRequestExtension(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof extensionRequestBodySchema>) =>
      apiSend('POST', `/api/plans/tasks/${taskId}/extensions`, created, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKeys.all }),
  });
}

export function useDecideExtension() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & z.infer<typeof extensionDecisionBodySchema>) =>
      apiSend('POST', `/api/plans/extensions/${id}/decision`, created, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKeys.all }),
  });
}

export function useAddComment(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string }) => apiSend('POST', `/api/plans/tasks/${taskId}/comments`, created, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKeys.task(taskId) }),
  });
}

/** POST …/calendar-feed: a new private calendar address for the unit (the old one stops working). */
export function useCreateCalendarFeed() {
  return useMutation({
    mutationFn: (unitId: string) => apiSend('POST', `/api/plans/units/${unitId}/calendar-feed`, z.object({ url: z.string() })),
  });
}

/** Everything a manager's write may change: plans, groups and tasks are read again. */
function usePlansWrite<In, Out>(mutationFn: (input: In) => Promise<Out>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKeys.all }) });
}

export const useCreatePlan = () => usePlansWrite((body: PlanCreateBody) => apiSend('POST', '/api/plans', planSchema, { body }));
/** PATCH at the plan's id, the address `usePlan(id)` loaded it from, so the loaded version goes as If-Match. */
export const useUpdatePlan = (planId: string) =>
  usePlansWrite((body: z.infer<typeof planUpdateBodySchema>) => apiSend('PATCH', `/api/plans/${planId}`, planSchema, { body }));

export const useCreateTaskGroup = (planId: string) =>
  usePlansWrite((body: z.infer<typeof taskGroupCreateBodySchema>) => apiSend('POST', `/api/plans/${planId}/groups`, created, { body }));

/** A task group as its editor loads it: the answer's ETag is what the rename sends as If-Match. */
export function useTaskGroup(groupId: string) {
  return useQuery({
    queryKey: plansKeys.group(groupId),
    queryFn: ({ signal }) => apiGet(`/api/plans/groups/${groupId}`, taskGroupEditSchema, { signal }),
    staleTime: 0,
  });
}

export const useUpdateTaskGroup = (groupId: string) =>
  usePlansWrite((body: z.infer<typeof taskGroupUpdateBodySchema>) =>
    apiSend('PATCH', `/api/plans/groups/${groupId}`, taskGroupEditSchema, { body }),
  );

/** PATCH of the task at the address it was loaded from, so the loaded version goes as If-Match. */
export const useUpdateTask = (taskId: string) =>
  usePlansWrite((body: z.infer<typeof taskUpdateBodySchema>) => apiSend('PATCH', `/api/plans/tasks/${taskId}`, created, { body }));

export const useChangeTaskLifecycle = (taskId: string) =>
  usePlansWrite((body: TaskLifecycleBody) => apiSend('POST', `/api/plans/tasks/${taskId}/lifecycle`, created, { body }));
