/** 通报: the monthly bulletin of a scope unit (a draft computed on read), and issued (frozen) bulletins. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';

export interface FundsLine {
  unitId: string;
  projects: number;
  allocatedFen: number;
  disbursedFen: number;
  unspentFen: number;
  idleProjects: number;
  idleFen: number;
}

export interface Bulletin {
  month: string;
  unitId: string;
  unitName: string;
  asOf: string;
  progress: {
    year: number;
    quarter: number;
    summary: { indicators: number; withTarget: number; meanCompletionBp: number | null };
    indicators: {
      id: string;
      unitId: string;
      name: string;
      measure: string | null;
      target: number | null;
      plan: number | null;
      actual: number | null;
      completionBp: number | null;
    }[];
  };
  overdue: {
    id: string;
    unitId: string;
    title: string;
    state: string;
    deadline: string;
    daysOverdue: number;
  }[];
  cards: { id: string; unitId: string; quarter: string; withdrawn?: unknown }[];
  proposals: { id: string; unitId: string; trigger: string; state: string; subjects: number }[] | null;
  petitions: {
    received: number;
    repeated: number;
    escalated: number;
    items: {
      id: string;
      unitId: string;
      category: string;
      state: string;
      repeated: boolean;
      escalated: boolean;
    }[];
  };
  signals: {
    published: number;
    negative: number;
    notable: number;
    major: number;
    items: { id: string; unitId: string | null; title: string; severity: string; polarity: string }[];
  };
  satisfaction: {
    overall: {
      closed: number;
      satisfied: number;
      basicallySatisfied: number;
      dissatisfied: number;
      rateBp: number | null;
    };
    byUnit: { unitId: string; closed: number; rateBp: number | null }[];
  };
  /** Absent in bulletins issued before funds were reported. */
  funds?: { totals: FundsLine; rows: FundsLine[] };
}

/** A draft as the API computes it: the issued one's id when the month was issued for this unit. */
export type DraftBulletin = Bulletin & { issuedId?: string | null };

export interface IssuedSummary {
  id: string;
  month: string;
  unitId: string;
  unitName: string;
  issuedAt: string;
  issuedBy: { id: string; name: string; role: string };
  contentHash: string;
  /** When you first opened it (已读), or null. */
  readAt: string | null;
}

export interface IssuedBulletin extends Omit<IssuedSummary, 'readAt'> {
  content: Bulletin;
  readAt: string;
}

export interface BulletinReads {
  bulletinId: string;
  count: number;
  reads: { userId: string; name: string; roles: string[]; unitId: string; readAt: string }[];
}

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
    queryFn: ({ signal }) =>
      api.get<{ items: IssuedSummary[]; cursor: string | null }>(
        `${API}/bulletins`,
        { unitId, limit: 24 },
        signal,
      ),
  });

/** Opening an issued bulletin records that you read it (once): the list's read state is refreshed after. */
export function useIssuedBulletin(id: string | undefined) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: bulletinKeys.issuedOne(id ?? ''),
    enabled: Boolean(id),
    queryFn: async ({ signal }) => {
      const b = await api.get<IssuedBulletin>(`${API}/issued-bulletins/${id}`, undefined, signal);
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
    mutationFn: ({ month, unitId }: { month: string; unitId: string }) =>
      api.post<IssuedBulletin>(`${API}/bulletins/${month}/issue`, { unitId }),
    onSettled: () => void qc.invalidateQueries({ queryKey: bulletinKeys.all }),
  });
}
