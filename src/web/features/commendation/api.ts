import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  councilDtoSchema,
  councilListSchema,
  decisionDtoSchema,
  decisionListSchema,
  myVotesSchema,
  nominationAttachmentSchema,
  nominationDtoSchema,
  nominationListSchema,
  titleListSchema,
  voteViewSchema,
  type BallotChoice,
  type NominationState,
} from '../../../shared/contracts/commendation.js';
import { councilCandidateListSchema } from '../../../shared/contracts/movement.js';
import { unitSchema } from '../../../shared/contracts/identity.js';
import { apiGet, apiSend, fileForm } from '../../api/client.js';

/** Queries and writes of the commendation pages; every write refreshes every commendation query. */
const base = '/api/commendation';
export const commendationKeys = {
  all: ['commendation'] as const,
  titles: ['commendation', 'titles'] as const,
  councils: ['commendation', 'councils'] as const,
  nominations: (state: NominationState | '') => ['commendation', 'nominations', state] as const,
  nomination: (id: string) => ['commendation', 'nomination', id] as const,
  votes: ['commendation', 'votes'] as const,
  decisions: ['commendation', 'decisions'] as const,
  decision: (id: string) => ['commendation', 'decision', id] as const,
};

export const useTitles = () =>
  useQuery({
    queryKey: commendationKeys.titles,
    queryFn: ({ signal }) => apiGet(`${base}/titles`, titleListSchema, { signal }),
    staleTime: 600_000,
  });
export const useCouncils = () =>
  useQuery({ queryKey: commendationKeys.councils, queryFn: ({ signal }) => apiGet(`${base}/councils`, councilListSchema, { signal }) });
export const useNominations = (state: NominationState | '') =>
  useQuery({
    queryKey: commendationKeys.nominations(state),
    queryFn: ({ signal }) => apiGet(`${base}/nominations`, nominationListSchema, { signal, query: state ? { state } : {} }),
  });
export const useNomination = (id: string) =>
  useQuery({
    queryKey: commendationKeys.nomination(id),
    queryFn: ({ signal }) => apiGet(`${base}/nominations/${id}`, nominationDtoSchema, { signal }),
  });
export const useMyVotes = () =>
  useQuery({ queryKey: commendationKeys.votes, queryFn: ({ signal }) => apiGet(`${base}/votes/mine`, myVotesSchema, { signal }) });
export const useDecisions = () =>
  useQuery({ queryKey: commendationKeys.decisions, queryFn: ({ signal }) => apiGet(`${base}/decisions`, decisionListSchema, { signal }) });
export const useDecision = (id: string) =>
  useQuery({
    queryKey: commendationKeys.decision(id),
    queryFn: ({ signal }) => apiGet(`${base}/decisions/${id}`, decisionDtoSchema, { signal }),
  });
export const useUnits = () =>
  useQuery({
    queryKey: ['units'],
    queryFn: ({ signal }) => apiGet('/api/units', z.object({ items: z.array(unitSchema) }), { signal }),
    staleTime: 600_000,
  });
/** Accounts a programme manager may seat on a council (the movement's one account search). */
export const useAccountSearch = (q: string) =>
  useQuery({
    queryKey: ['commendation', 'accounts', q],
    queryFn: ({ signal }) => apiGet('/api/movement/council-candidates', councilCandidateListSchema, { query: { q }, signal }),
  });

function useWrite<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: commendationKeys.all }) });
}

export const useCreateNomination = () => useWrite((body: unknown) => apiSend('POST', `${base}/nominations`, nominationDtoSchema, { body }));
export const useSaveNomination = (id: string) =>
  useWrite((body: unknown) => apiSend('PATCH', `${base}/nominations/${id}`, nominationDtoSchema, { body }));
export const useNominationStep = (id: string) =>
  useWrite((body: { action: string; reason?: string; councilId?: string | null }) =>
    apiSend('POST', `${base}/nominations/${id}/transitions`, nominationDtoSchema, { body }),
  );
export const useCastBallot = (id: string) =>
  useWrite((choice: BallotChoice) => apiSend('POST', `${base}/nominations/${id}/ballots`, voteViewSchema, { body: { choice } }));
export const useCloseVote = (id: string) => useWrite(() => apiSend('POST', `${base}/nominations/${id}/vote/close`, nominationDtoSchema));
export const useUploadFile = (id: string) =>
  useWrite((file: File) => apiSend('POST', `${base}/nominations/${id}/attachments`, nominationAttachmentSchema, { body: fileForm(file) }));
export const useRemoveFile = (id: string) =>
  useWrite((attachmentId: string) => apiSend('DELETE', `${base}/nominations/${id}/attachments/${attachmentId}`, null));
export const useCreateCouncil = () => useWrite((body: unknown) => apiSend('POST', `${base}/councils`, councilDtoSchema, { body }));
export const useCreateDecision = () => useWrite((body: unknown) => apiSend('POST', `${base}/decisions`, decisionDtoSchema, { body }));
