/** 季度排名: drafts computed now, published snapshots, publish and amend, a unit's history. */
import type { Ranking, RankingSnapshot } from '@jiandu/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';

export interface SnapshotSummary {
  id: string;
  quarter: string;
  groupKey: string;
  group: { ruleId: string; parentUnitId: string };
  publishedAt: string;
  publishedBy: string;
  supersedes: string | null;
  reason: string | null;
  contentHash: string;
  effective: boolean;
  supersededBy: string | null;
}

export interface Publication {
  snapshot: SnapshotSummary;
  cards: { id: string; unitId: string }[];
  withdrawnCardIds: string[];
  proposedCaseIds: string[];
}

export interface UnitHistory {
  unitId: string;
  groupKey: string | null;
  items: {
    quarter: string;
    snapshotId: string;
    rank: number;
    groupSize: number;
    total: number;
    carded: boolean;
    amended: boolean;
  }[];
}

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
    queryFn: ({ signal }) =>
      api.get<{ quarter: string; draft: true; groups: { groupKey: string; ranking: Ranking }[] }>(
        `${API}/rankings/draft`,
        { quarter },
        signal,
      ),
  });
export const useDraft = (quarter: string) => useQuery(draftQuery(quarter));

export const useSnapshots = (quarter: string, groupKey: string | undefined, enabled = true) =>
  useQuery({
    queryKey: rankingKeys.snapshots(quarter, groupKey),
    queryFn: ({ signal }) =>
      api.get<{ quarter: string; items: SnapshotSummary[] }>(
        `${API}/rankings/snapshots`,
        { quarter, groupKey },
        signal,
      ),
    enabled,
  });

export const useSnapshot = (id: string | undefined) =>
  useQuery({
    queryKey: rankingKeys.snapshot(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<RankingSnapshot & SnapshotSummary>(`${API}/rankings/snapshots/${id}`, undefined, signal),
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
    mutationFn: (b: { quarter: string; groupKey: string }) =>
      api.post<Publication>(`${API}/rankings/publish`, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: rankingKeys.all }),
  });
}

export function useAmend() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { snapshotId: string; reason: string }) =>
      api.post<Publication>(`${API}/rankings/amend`, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: rankingKeys.all }),
  });
}
