import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { unitSchema } from '../../../shared/contracts/identity.js';
import {
  applicationDtoSchema,
  applicationListSchema,
  claimDtoSchema,
  directorySchema,
  ecosystemStatsSchema,
  expertListSchema,
  fileDtoSchema,
  indicatorCountListSchema,
  indicatorCountReportSchema,
  matchListSchema,
  mineSchema,
  myExpertSchema,
  organisationDtoSchema,
  programmeDtoSchema,
  programmeListSchema,
  relationDtoSchema,
  verificationQueueSchema,
  type ApplicationStatus,
  type OrganisationBody,
  type ProgrammeBody,
  type RelationKind,
} from '../../../shared/contracts/ecosystem.js';
import { apiGet, apiSend, fileForm } from '../../api/client.js';

const base = '/api/ecosystem';
export const ecosystemKeys = {
  all: ['ecosystem'] as const,
  directory: (query: Record<string, string | number>) => ['ecosystem', 'directory', query] as const,
  stats: ['ecosystem', 'stats'] as const,
  organisation: (slug: string) => ['ecosystem', 'organisation', slug] as const,
  matches: (id: string) => ['ecosystem', 'matches', id] as const,
  experts: ['ecosystem', 'experts'] as const,
  myExpert: ['ecosystem', 'experts', 'me'] as const,
  programmes: ['ecosystem', 'programmes'] as const,
  programme: (slug: string) => ['ecosystem', 'programme', slug] as const,
  applications: (id: string) => ['ecosystem', 'applications', id] as const,
  mine: ['ecosystem', 'mine'] as const,
  queue: ['ecosystem', 'queue'] as const,
};

/** Every ecosystem view is stale after any write here: they are small and show each other's figures. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ecosystemKeys.all });
}

export const useDirectory = (query: Record<string, string | number>) =>
  useQuery({
    queryKey: ecosystemKeys.directory(query),
    queryFn: ({ signal }) => apiGet(`${base}/organisations`, directorySchema, { query, signal }),
    placeholderData: keepPreviousData,
  });
export const useStats = () =>
  useQuery({ queryKey: ecosystemKeys.stats, queryFn: ({ signal }) => apiGet(`${base}/stats`, ecosystemStatsSchema, { signal }) });
export const useOrganisation = (slug: string) =>
  useQuery({
    queryKey: ecosystemKeys.organisation(slug),
    queryFn: ({ signal }) => apiGet(`${base}/organisations/by-slug/${encodeURIComponent(slug)}`, organisationDtoSchema, { signal }),
  });
export const useMatches = (id: string | undefined) =>
  useQuery({
    queryKey: ecosystemKeys.matches(id ?? ''),
    enabled: id !== undefined,
    queryFn: ({ signal }) => apiGet(`${base}/organisations/${id}/matches`, matchListSchema, { signal }),
  });
export const useExperts = () =>
  useQuery({ queryKey: ecosystemKeys.experts, queryFn: ({ signal }) => apiGet(`${base}/experts`, expertListSchema, { signal }) });
export const useMyExpert = () =>
  useQuery({ queryKey: ecosystemKeys.myExpert, queryFn: ({ signal }) => apiGet(`${base}/experts/me`, myExpertSchema, { signal }) });
export const useProgrammes = () =>
  useQuery({ queryKey: ecosystemKeys.programmes, queryFn: ({ signal }) => apiGet(`${base}/programmes`, programmeListSchema, { signal }) });
export const useProgramme = (slug: string) =>
  useQuery({
    queryKey: ecosystemKeys.programme(slug),
    queryFn: ({ signal }) => apiGet(`${base}/programmes/by-slug/${encodeURIComponent(slug)}`, programmeDtoSchema, { signal }),
  });
export const useApplications = (programmeId: string | undefined) =>
  useQuery({
    queryKey: ecosystemKeys.applications(programmeId ?? ''),
    enabled: programmeId !== undefined,
    queryFn: ({ signal }) => apiGet(`${base}/programmes/${programmeId}/applications`, applicationListSchema, { signal }),
  });
export const useMine = () =>
  useQuery({ queryKey: ecosystemKeys.mine, queryFn: ({ signal }) => apiGet(`${base}/mine`, mineSchema, { signal }) });
export const useVerificationQueue = () =>
  useQuery({
    queryKey: ecosystemKeys.queue,
    queryFn: ({ signal }) => apiGet(`${base}/verification-queue`, verificationQueueSchema, { signal }),
  });
/** The city, its departments and agencies: the units that may run a programme. */
export const useProgrammeUnits = () =>
  useQuery({
    queryKey: ['units'],
    queryFn: ({ signal }) => apiGet('/api/units', z.object({ items: z.array(unitSchema) }), { signal }),
    staleTime: 600_000,
    select: (data) => data.items.filter((u) => u.kind === 'city' || u.kind === 'department' || u.kind === 'agency'),
  });
/** Wards, communes and the special zone, for the address of a profile and the directory's filter. */
export const useWards = () =>
  useQuery({
    queryKey: ['units'],
    queryFn: ({ signal }) => apiGet('/api/units', z.object({ items: z.array(unitSchema) }), { signal }),
    staleTime: 600_000,
    select: (data) => data.items.filter((u) => u.kind === 'ward' || u.kind === 'commune' || u.kind === 'special_zone'),
  });

function useWrite<I, T>(send: (input: I) => Promise<T>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: send, onSuccess: () => invalidate() });
}

export const useRegisterOrganisation = () =>
  useWrite((body: OrganisationBody) => apiSend('POST', `${base}/organisations`, organisationDtoSchema, { body }));
export const useUpdateOrganisation = (id: string) =>
  useWrite((body: Partial<OrganisationBody>) => apiSend('PATCH', `${base}/organisations/${id}`, organisationDtoSchema, { body }));
export const useStillActive = (id: string) =>
  useWrite(() => apiSend('POST', `${base}/organisations/${id}/still-active`, organisationDtoSchema));
export const useUploadFile = (id: string) =>
  useWrite(({ file, purpose }: { file: File; purpose: 'logo' | 'evidence' }) =>
    apiSend('POST', `${base}/organisations/${id}/files`, fileDtoSchema, { body: fileForm(file), query: { purpose } }),
  );
export const useAddRelation = (id: string) =>
  useWrite((body: { kind: RelationKind; targetId: string }) =>
    apiSend('POST', `${base}/organisations/${id}/relations`, z.object({ items: z.array(relationDtoSchema) }), { body }),
  );
export const useRemoveRelation = (id: string) =>
  useWrite((relationId: string) => apiSend('DELETE', `${base}/organisations/${id}/relations/${relationId}`, null));
export const useClaim = (id: string) =>
  useWrite((body: { method: 'email' | 'document'; email?: string; note: string }) =>
    apiSend('POST', `${base}/organisations/${id}/claims`, claimDtoSchema, { body }),
  );
export const useConfirmClaim = () =>
  useWrite((token: string) => apiSend('POST', `${base}/claims/confirm`, claimDtoSchema, { body: { token } }));
export const useVerify = () =>
  useWrite((id: string) => apiSend('POST', `${base}/organisations/${id}/verify`, organisationDtoSchema, { body: {} }));
export const useDecideClaim = () =>
  useWrite(({ id, decision, note }: { id: string; decision: 'approve' | 'reject'; note: string }) =>
    apiSend('POST', `${base}/claims/${id}/decision`, claimDtoSchema, { body: { decision, note } }),
  );
export const useSaveExpert = () => useWrite((body: unknown) => apiSend('PUT', `${base}/experts/me`, myExpertSchema, { body }));
export const useWithdrawExpert = () => useWrite(() => apiSend('DELETE', `${base}/experts/me`, null));
export const useCreateProgramme = () =>
  useWrite((body: ProgrammeBody) => apiSend('POST', `${base}/programmes`, programmeDtoSchema, { body }));
export const useApply = (programmeId: string) =>
  useWrite((body: { organisationId: string; pitch: string; teamSize: number; request: string }) =>
    apiSend('POST', `${base}/programmes/${programmeId}/applications`, applicationDtoSchema, { body }),
  );
export const useMoveApplication = () =>
  useWrite(({ id, to, note }: { id: string; to: ApplicationStatus; note: string }) =>
    apiSend('POST', `${base}/applications/${id}/move`, applicationDtoSchema, { body: { to, note } }),
  );

export const useIndicatorCounts = () =>
  useQuery({
    queryKey: ['ecosystem', 'indicator-counts'],
    queryFn: ({ signal }) => apiGet(`${base}/indicator-counts`, indicatorCountListSchema, { signal }),
  });
export const useReportIndicatorCount = (code: string) =>
  useWrite((period: string) =>
    apiSend('POST', `${base}/indicator-counts/${encodeURIComponent(code)}/report`, indicatorCountReportSchema, { body: { period } }),
  );
