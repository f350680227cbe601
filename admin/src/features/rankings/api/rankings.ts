/** 季度排名: drafts computed now, published snapshots, publish and amend, a unit's history. */
import type {
  AmendRequest,
  DraftResponse,
  Publication,
  PublishRequest,
  SnapshotList,
  SnapshotView,
  UnitHistory,
} from '@jiandu/shared/api';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';

export const rankingKeys = {
  all: ['rankings'] as const,
  draft: (quarter: string) => ['rankings', 'draft', quarter] as const,
  snapshots: (quarter: string, groupKey?: string) =>
    ['rankings', 'snapshots', quarter, groupKey ?? ''] as const,
  snapshot: (id: string) => ['rankings', 'snapshot', id] as const,
  history: (unitId: string) => ['rankings', 'history', unitId] as const,
};

export const draftQuery = (quarter: string) =>
  queryOptions({
    queryKey: rankingKeys.draft(quarter),
    queryFn: ({ signal }) => api.get<DraftResponse>(`${API}/rankings/draft`, { quarter }, signal),
  });
export const useDraft = (quarter: string) => useQuery(draftQuery(quarter));

export const useSnapshots = (quarter: string, groupKey: string | undefined, enabled = true) =>
  useQuery({
    queryKey: rankingKeys.snapshots(quarter, groupKey),
    queryFn: ({ signal }) =>
      api.get<SnapshotList>(`${API}/rankings/snapshots`, { quarter, groupKey }, signal),
    enabled,
  });

export const useSnapshot = (id: string | undefined) =>
  useQuery({
    queryKey: rankingKeys.snapshot(id ?? ''),
    queryFn: ({ signal }) => api.get<SnapshotView>(`${API}/rankings/snapshots/${id}`, undefined, signal),
    enabled: !!id,
  });

export const useUnitHistory = (unitId: string) =>
  useQuery({
    queryKey: rankingKeys.history(unitId),
    queryFn: ({ signal }) =>
      api.get<UnitHistory>(`${API}/rankings/units/${unitId}/history`, undefined, signal),
  });

export function usePublish() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: PublishRequest) => api.post<Publication>(`${API}/rankings/publish`, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: rankingKeys.all }),
  });
}

export function useAmend() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: AmendRequest) => api.post<Publication>(`${API}/rankings/amend`, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: rankingKeys.all }),
  });
}
