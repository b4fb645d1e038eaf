import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  campaignDtoSchema,
  commentDtoSchema,
  councilCandidateListSchema,
  councilDtoSchema,
  moderationQueueSchema,
  phaseReportSchema,
  registrationDtoSchema,
  registrationListSchema,
} from '../../../shared/contracts/movement.js';
import { apiGet, apiSend } from '../../api/client.js';
import { movementKeys } from './api.js';

/** Queries and writes of the campaign, council, registration, report and moderation pages. */
const base = '/api/movement';

export const pageKeys = {
  campaign: (code: string) => ['movement', 'campaign', code] as const,
  candidates: (q: string) => ['movement', 'candidates', q] as const,
  registrations: (phaseId: string) => ['movement', 'registrations', phaseId] as const,
  registration: (id: string) => ['movement', 'registration', id] as const,
  phaseReport: (phaseId: string) => ['movement', 'phase-report', phaseId] as const,
  moderation: ['movement', 'moderation'] as const,
};

export const useCampaign = (code: string) =>
  useQuery({
    queryKey: pageKeys.campaign(code),
    queryFn: ({ signal }) => apiGet(`${base}/campaigns/${encodeURIComponent(code)}`, campaignDtoSchema, { signal }),
  });
/** One council as its managers edit it; the edit sends back the version loaded here. */
export const useCouncil = (id: string) =>
  useQuery({
    queryKey: [...movementKeys.councils, id] as const,
    queryFn: ({ signal }) => apiGet(`${base}/councils/${id}`, councilDtoSchema, { signal }),
  });
export const useCouncilCandidates = (q: string) =>
  useQuery({
    queryKey: pageKeys.candidates(q),
    queryFn: ({ signal }) => apiGet(`${base}/council-candidates`, councilCandidateListSchema, { query: { q }, signal }),
  });
export const useRegistrations = (phaseId: string) =>
  useQuery({
    queryKey: pageKeys.registrations(phaseId),
    queryFn: ({ signal }) => apiGet(`${base}/phases/${phaseId}/registrations`, registrationListSchema, { signal }),
  });
/** A registration as its unit's officers revise its reports; the edit sends back the version loaded here. */
export const useRegistrationToReport = (id: string) =>
  useQuery({
    queryKey: pageKeys.registration(id),
    queryFn: ({ signal }) => apiGet(`${base}/registrations/${id}/report`, registrationDtoSchema, { signal }),
  });
export const usePhaseReport = (phaseId: string) =>
  useQuery({
    queryKey: pageKeys.phaseReport(phaseId),
    queryFn: ({ signal }) => apiGet(`${base}/phases/${phaseId}/report`, phaseReportSchema, { signal }),
  });
export const useModerationQueue = () =>
  useQuery({
    queryKey: pageKeys.moderation,
    queryFn: ({ signal }) => apiGet(`${base}/moderation/comments`, moderationQueueSchema, { signal }),
  });

/** A write refreshes every movement query, as the other movement pages do. */
function useWrite<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: movementKeys.all }) });
}

export const useLaunchCampaign = () => useWrite((body: unknown) => apiSend('POST', `${base}/campaigns`, campaignDtoSchema, { body }));
export const useCreateCouncil = () => useWrite((body: unknown) => apiSend('POST', `${base}/councils`, councilDtoSchema, { body }));
export const useUpdateCouncil = (id: string) =>
  useWrite((body: unknown) => apiSend('PATCH', `${base}/councils/${id}`, councilDtoSchema, { body }));
/** PATCH at the address the campaign names as its own when read by code (Content-Location), so the loaded version goes as If-Match. */
export const useUpdateCampaign = (id: string) =>
  useWrite((body: unknown) => apiSend('PATCH', `${base}/campaigns/${id}`, campaignDtoSchema, { body }));
export const useRegister = (phaseId: string) =>
  useWrite((body: unknown) => apiSend('POST', `${base}/phases/${phaseId}/registrations`, registrationDtoSchema, { body }));
export const useReportOnRegistration = () =>
  useWrite(({ id, ...body }: { id: string; review: 'interim' | 'final'; report: string }) =>
    apiSend('PUT', `${base}/registrations/${id}/report`, registrationDtoSchema, { body }),
  );
export const useModerate = () =>
  useWrite(({ id, ...body }: { id: string; action: 'hide' | 'show'; note: string }) =>
    apiSend('POST', `${base}/comments/${id}/moderation`, commentDtoSchema, { body }),
  );
