import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ckanEnvelope,
  ckanPackageSchema,
  ckanSearchSchema,
  datasetFormSchema,
  datasetSummarySchema,
  datastoreResultSchema,
  historyEntrySchema,
  themeSchema,
  type DatasetInput,
} from '../../../shared/contracts/opendata.js';
import { unitSchema } from '../../../shared/contracts/identity.js';
import { apiGet, apiSend, fileForm, type QueryValue } from '../../api/client.js';

/** Facets the catalogue shows, in this order. */
export const catalogueFacets = ['organization', 'groups', 'res_format', 'license_id', 'access_level'] as const;

export type CatalogueQuery = { q: string; filters: ReadonlyArray<{ field: string; value: string }>; page: number };
export const cataloguePageSize = 20;

/** package_search: the catalogue's one query, with its facets. */
export function useCatalogueSearch(query: CatalogueQuery) {
  const fq = query.filters.map((f) => `${f.field}:"${f.value.replace(/"/g, '')}"`).join(' ');
  return useQuery({
    queryKey: ['opendata', 'search', query],
    queryFn: async ({ signal }) =>
      (
        await apiGet('/api/3/action/package_search', ckanEnvelope(ckanSearchSchema), {
          signal,
          query: {
            q: query.q,
            fq,
            rows: cataloguePageSize,
            start: (query.page - 1) * cataloguePageSize,
            include_private: true,
            'facet.field': JSON.stringify(catalogueFacets),
          },
        })
      ).result,
    placeholderData: keepPreviousData,
  });
}

export function useDataset(name: string) {
  return useQuery({
    queryKey: ['opendata', 'dataset', name],
    queryFn: async ({ signal }) =>
      (await apiGet('/api/3/action/package_show', ckanEnvelope(ckanPackageSchema), { signal, query: { id: name } })).result,
  });
}

export function useDatasetHistory(name: string) {
  return useQuery({
    queryKey: ['opendata', 'history', name],
    queryFn: ({ signal }) => apiGet(`/api/opendata/datasets/${encodeURIComponent(name)}/history`, z.array(historyEntrySchema), { signal }),
  });
}

export type PreviewQuery = { resourceId: string; q: string; sort: string; page: number; pageSize: number };

/** datastore_search: one page of a resource's rows. */
export function usePreview(query: PreviewQuery) {
  const params: Record<string, QueryValue> = {
    resource_id: query.resourceId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  };
  if (query.q) params.q = query.q;
  if (query.sort) params.sort = query.sort;
  return useQuery({
    queryKey: ['opendata', 'preview', query],
    queryFn: async ({ signal }) =>
      (await apiGet('/api/3/action/datastore_search', ckanEnvelope(datastoreResultSchema), { signal, query: params })).result,
    placeholderData: keepPreviousData,
  });
}

export function useWorkDatasets() {
  return useQuery({
    queryKey: ['opendata', 'work'],
    queryFn: ({ signal }) => apiGet('/api/opendata/work', z.array(datasetSummarySchema), { signal }),
  });
}

/** A dataset's form as it stands, for its editors. */
export function useDatasetForm(id: string) {
  return useQuery({
    queryKey: ['opendata', 'form', id],
    queryFn: ({ signal }) => apiGet(`/api/opendata/datasets/${id}`, datasetFormSchema, { signal }),
  });
}

/** What the edit form offers: themes, CKAN's licence list, the units a dataset may be published by. */
export function useFormChoices() {
  const themes = useQuery({
    queryKey: ['opendata', 'themes'],
    queryFn: ({ signal }) => apiGet('/api/opendata/themes', z.array(themeSchema), { signal }),
    staleTime: 10 * 60_000,
  });
  const licences = useQuery({
    queryKey: ['opendata', 'licences'],
    queryFn: async ({ signal }) =>
      (await apiGet('/api/3/action/license_list', ckanEnvelope(z.array(z.looseObject({ id: z.string(), title: z.string() }))), { signal }))
        .result,
    staleTime: 10 * 60_000,
  });
  const units = useQuery({
    queryKey: ['opendata', 'units'],
    queryFn: ({ signal }) => apiGet('/api/units', z.object({ items: z.array(unitSchema) }), { signal }),
    staleTime: 10 * 60_000,
  });
  return { themes, licences, units };
}

export function useUpdateDataset(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DatasetInput) => apiSend('PUT', `/api/opendata/datasets/${id}`, datasetSummarySchema, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['opendata'] }),
  });
}

export function useDatasetMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['opendata'] });
  return {
    create: useMutation({
      mutationFn: (input: DatasetInput) => apiSend('POST', '/api/opendata/datasets', datasetSummarySchema, { body: input }),
      onSuccess: refresh,
    }),
    transition: useMutation({
      mutationFn: ({ id, action }: { id: string; action: 'propose' | 'publish' | 'withdraw' }) =>
        apiSend('POST', `/api/opendata/datasets/${id}/${action}`, datasetSummarySchema),
      onSuccess: refresh,
    }),
    upload: useMutation({
      mutationFn: ({ id, file }: { id: string; file: File }) =>
        apiSend('POST', `/api/opendata/datasets/${id}/files`, z.looseObject({ id: z.string() }), { body: fileForm(file) }),
      onSuccess: refresh,
    }),
  };
}
