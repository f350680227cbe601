/** 通报: the monthly bulletin of a scope unit (a draft computed on read), and issued (frozen) bulletins. */
import type {
  BulletinReads,
  DraftBulletin,
  IssueBody,
  IssuedBulletin,
  IssuedListItem,
  OpenedBulletin,
  Page,
} from '@jiandu/shared/api';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';

export const bulletinKeys = {
  all: ['bulletins'] as const,
  one: (month: string, unitId?: string) => ['bulletins', month, unitId ?? ''] as const,
  issued: (unitId: string) => ['bulletins', 'issued', 'list', unitId] as const,
  issuedOne: (id: string) => ['bulletins', 'issued', id] as const,
  reads: (id: string) => ['bulletins', 'issued', id, 'reads'] as const,
};

export const bulletinQuery = (month: string, unitId?: string) =>
  queryOptions({
    queryKey: bulletinKeys.one(month, unitId),
    queryFn: ({ signal }) => api.get<DraftBulletin>(`${API}/bulletins/${month}`, { unitId }, signal),
  });

export const useBulletin = (month: string, unitId?: string, enabled = true) =>
  useQuery({ ...bulletinQuery(month, unitId), enabled });

export const useIssuedBulletins = (unitId: string) =>
  useQuery({
    queryKey: bulletinKeys.issued(unitId),
    queryFn: ({ signal }) => api.get<Page<IssuedListItem>>(`${API}/bulletins`, { unitId, limit: 24 }, signal),
  });

/** Opening an issued bulletin records that you read it (once): the list's read state is refreshed after. */
export function useIssuedBulletin(id: string | undefined) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: bulletinKeys.issuedOne(id ?? ''),
    enabled: Boolean(id),
    queryFn: async ({ signal }) => {
      const b = await api.get<OpenedBulletin>(`${API}/issued-bulletins/${id}`, undefined, signal);
      void qc.invalidateQueries({ queryKey: ['bulletins', 'issued', 'list'] });
      return b;
    },
  });
}

export const useBulletinReads = (id: string | null) =>
  useQuery({
    queryKey: bulletinKeys.reads(id ?? ''),
    enabled: Boolean(id),
    queryFn: ({ signal }) => api.get<BulletinReads>(`${API}/issued-bulletins/${id}/reads`, undefined, signal),
  });

export function useIssueBulletin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ month, ...body }: { month: string } & IssueBody) =>
      api.post<IssuedBulletin>(`${API}/bulletins/${month}/issue`, body),
    onSettled: () => void qc.invalidateQueries({ queryKey: bulletinKeys.all }),
  });
}
