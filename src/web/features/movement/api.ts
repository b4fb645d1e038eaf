import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  assignResultSchema,
  awardDtoSchema,
  awardTypeListSchema,
  campaignListSchema,
  commentDtoSchema,
  commentListSchema,
  councilDtoSchema,
  galleryResponseSchema,
  initiativeAttachmentListSchema,
  initiativeAttachmentSchema,
  initiativeDtoSchema,
  initiativeListSchema,
  initiativeStates,
  mostReplicatedSchema,
  publicInitiativeSchema,
  rankingSchema,
  replicationDtoSchema,
  reviewTaskListSchema,
  scoresViewSchema,
  similarResponseSchema,
  supportResultSchema,
  type InitiativeState,
} from '../../../shared/contracts/movement.js';
import { unitSchema } from '../../../shared/contracts/identity.js';
import { apiGet, apiSend, fileForm } from '../../api/client.js';

const base = '/api/movement';
export const movementKeys = {
  all: ['movement'] as const,
  campaigns: ['movement', 'campaigns'] as const,
  initiative: (id: string) => ['movement', 'initiative', id] as const,
  attachments: (id: string) => ['movement', 'attachments', id] as const,
  mine: ['movement', 'mine'] as const,
  manage: (state: string, filters: ManageFilters = {}) => ['movement', 'manage', state, filters] as const,
  gallery: (query: Record<string, string | number>) => ['movement', 'gallery', query] as const,
  publicInitiative: (id: string) => ['movement', 'public', id] as const,
  comments: (id: string) => ['movement', 'comments', id] as const,
  reviews: ['movement', 'reviews'] as const,
  scores: (id: string) => ['movement', 'scores', id] as const,
  councils: ['movement', 'councils'] as const,
  ranking: (id: string) => ['movement', 'ranking', id] as const,
  similar: (text: string, excludeId: string) => ['movement', 'similar', text, excludeId] as const,
};

export const useCampaigns = () =>
  useQuery({ queryKey: movementKeys.campaigns, queryFn: ({ signal }) => apiGet(`${base}/campaigns`, campaignListSchema, { signal }) });
/** The unit tree (public), for choosing where an initiative was made. */
export const useUnits = () =>
  useQuery({
    queryKey: ['units'],
    queryFn: ({ signal }) => apiGet('/api/units', z.object({ items: z.array(unitSchema) }), { signal }),
    staleTime: 600_000,
  });
export const useAwardTypes = () =>
  useQuery({
    queryKey: ['movement', 'award-types'],
    queryFn: ({ signal }) => apiGet(`${base}/award-types`, awardTypeListSchema, { signal }),
  });
export const useInitiative = (id: string) =>
  useQuery({
    queryKey: movementKeys.initiative(id),
    queryFn: ({ signal }) => apiGet(`${base}/initiatives/${id}`, initiativeDtoSchema, { signal }),
  });
export const useMyInitiatives = () =>
  useQuery({ queryKey: movementKeys.mine, queryFn: ({ signal }) => apiGet(`${base}/initiatives/mine`, initiativeListSchema, { signal }) });
/** Narrows the managers' queue: one campaign's initiatives, or those no council has yet. */
export type ManageFilters = { campaignId?: string; assignment?: 'none' };
export const useManageList = (state: InitiativeState | '', filters: ManageFilters = {}) =>
  useQuery({
    queryKey: movementKeys.manage(state, filters),
    queryFn: ({ signal }) =>
      apiGet(`${base}/manage/initiatives`, initiativeListSchema, { query: { state: state || undefined, ...filters }, signal }),
  });
export const useGallery = (query: Record<string, string | number>) =>
  useQuery({
    queryKey: movementKeys.gallery(query),
    queryFn: ({ signal }) => apiGet(`${base}/gallery`, galleryResponseSchema, { query, signal }),
    placeholderData: keepPreviousData,
  });
export const useMostReplicated = () =>
  useQuery({
    queryKey: ['movement', 'most-replicated'],
    queryFn: ({ signal }) => apiGet(`${base}/most-replicated`, mostReplicatedSchema, { signal }),
  });
export const usePublicInitiative = (id: string) =>
  useQuery({
    queryKey: movementKeys.publicInitiative(id),
    queryFn: ({ signal }) => apiGet(`${base}/gallery/${id}`, publicInitiativeSchema, { signal }),
  });
export const useComments = (id: string) =>
  useQuery({
    queryKey: movementKeys.comments(id),
    queryFn: ({ signal }) => apiGet(`${base}/gallery/${id}/comments`, commentListSchema, { signal }),
  });
export const useMyReviews = () =>
  useQuery({ queryKey: movementKeys.reviews, queryFn: ({ signal }) => apiGet(`${base}/reviews/mine`, reviewTaskListSchema, { signal }) });
export const useScores = (id: string) =>
  useQuery({
    queryKey: movementKeys.scores(id),
    queryFn: ({ signal }) => apiGet(`${base}/initiatives/${id}/scores`, scoresViewSchema, { signal }),
  });
export const useCouncils = () =>
  useQuery({
    queryKey: movementKeys.councils,
    queryFn: ({ signal }) => apiGet(`${base}/councils`, z.object({ councils: z.array(councilDtoSchema) }), { signal }),
  });
export const useRanking = (id: string) =>
  useQuery({
    queryKey: movementKeys.ranking(id),
    queryFn: ({ signal }) => apiGet(`${base}/councils/${id}/ranking`, rankingSchema, { signal }),
  });
export const useAward = (id: string) =>
  useQuery({ queryKey: ['movement', 'award', id], queryFn: ({ signal }) => apiGet(`${base}/awards/${id}`, awardDtoSchema, { signal }) });
export const useSimilar = (text: string, excludeId: string) =>
  useQuery({
    queryKey: movementKeys.similar(text, excludeId),
    queryFn: ({ signal }) =>
      apiGet(`${base}/similar`, similarResponseSchema, { query: { text, excludeId: excludeId || undefined }, signal }),
    enabled: text.trim().length >= 10,
    placeholderData: keepPreviousData,
  });

/** Every write refreshes the movement's queries: lists, dossiers and counts move together. */
function useMovementMutation<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: movementKeys.all }) });
}

/** Creates the draft, then reads it back: the read records the version its first autosave must name. */
export const useCreateDraft = () =>
  useMovementMutation(async (body: unknown) => {
    const created = await apiSend('POST', `${base}/initiatives`, initiativeDtoSchema, { body });
    return apiGet(`${base}/initiatives/${created.id}`, initiativeDtoSchema);
  });
/** Autosave does not refresh other queries: the form holds the truth while typing. */
/** The draft is named with each save: the first save creates it, so its id comes after the form is made. */
export const useSaveDraft = () =>
  useMutation({
    mutationFn: ({ id, body }: { id: string; body: unknown }) =>
      apiSend('PATCH', `${base}/initiatives/${id}`, initiativeDtoSchema, { body }),
  });
export const useTransition = () =>
  useMovementMutation(({ id, ...body }: { id: string; action: string; reason: string }) =>
    apiSend('POST', `${base}/initiatives/${id}/transitions`, initiativeDtoSchema, { body }),
  );
export const useConfirmAuthorship = (id: string) =>
  useMovementMutation((authorId: string) => apiSend('POST', `${base}/initiatives/${id}/authors/${authorId}/confirm`, initiativeDtoSchema));
export const useSubmitScores = (id: string) =>
  useMovementMutation((body: unknown) => apiSend('PUT', `${base}/initiatives/${id}/scores`, scoresViewSchema, { body }));
export const useDeclareConflict = (id: string) =>
  useMovementMutation((reason: string) => apiSend('POST', `${base}/initiatives/${id}/conflicts`, null, { body: { reason } }));
export const useAssign = (councilId: string) =>
  useMovementMutation((body: unknown) => apiSend('POST', `${base}/councils/${councilId}/assignments`, assignResultSchema, { body }));
export const useDecide = (councilId: string) =>
  useMovementMutation((body: unknown) =>
    apiSend(
      'POST',
      `${base}/councils/${councilId}/decisions`,
      z.object({ id: z.uuid(), state: z.enum(initiativeStates), scope: z.string().nullable() }),
      { body },
    ),
  );
export const useMakeAward = (id: string) =>
  useMovementMutation((body: unknown) => apiSend('POST', `${base}/initiatives/${id}/awards`, awardDtoSchema, { body }));
export const useReplicate = (id: string) =>
  useMovementMutation((body: unknown) => apiSend('POST', `${base}/initiatives/${id}/replications`, replicationDtoSchema, { body }));
export const useSupport = (id: string) => useMovementMutation(() => apiSend('POST', `${base}/gallery/${id}/supports`, supportResultSchema));
export const useAddComment = (id: string) =>
  useMovementMutation((body: string) => apiSend('POST', `${base}/gallery/${id}/comments`, commentDtoSchema, { body: { body } }));
export const useReportComment = () =>
  useMovementMutation((input: { id: string; reason: string }) =>
    apiSend('POST', `${base}/comments/${input.id}/reports`, commentDtoSchema, { body: { reason: input.reason } }),
  );

// Attachments

export const useInitiativeAttachments = (id: string) =>
  useQuery({
    queryKey: movementKeys.attachments(id),
    queryFn: ({ signal }) => apiGet(`${base}/initiatives/${id}/attachments`, initiativeAttachmentListSchema, { signal }),
  });

/** Uploads one file to a draft, marked confidential or not. */
export function useUploadAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, isConfidential }: { file: File; isConfidential: boolean }) =>
      apiSend('POST', `${base}/initiatives/${id}/attachments`, initiativeAttachmentSchema, {
        body: fileForm(file),
        query: { confidential: isConfidential ? 'true' : 'false' },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: movementKeys.all }),
  });
}

export const useDeleteAttachment = (id: string) =>
  useMovementMutation((attachmentId: string) => apiSend('DELETE', `${base}/initiatives/${id}/attachments/${attachmentId}`, null));
