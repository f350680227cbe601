/** 信访: list with SLA clocks, one, the workflow steps and the logged reveal of the petitioner. */
import type { Petition, Satisfaction } from '@jiandu/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { type Page, useCursorList } from '../../../lib/cursor-list.js';

export const PETITION_FILTERS = [
  'unitId',
  'state',
  'category',
  'sla',
  'repeated',
  'escalated',
  'from',
  'to',
] as const;
export type PetitionFilters = Partial<Record<(typeof PETITION_FILTERS)[number], string>>;

export interface SlaClock {
  status: 'met' | 'pending' | 'missed';
  due: string;
  daysLeft?: number;
  daysOver?: number;
  doneAt?: string | null;
}

export type PetitionView = Omit<Petition, 'petitioner'> & {
  petitioner: { name: string; phone?: string; idNumber?: string };
  version: number;
  sla: { accept: SlaClock; handle: SlaClock | null };
};

export const petitionKeys = {
  all: ['petitions'] as const,
  list: (f: PetitionFilters) => ['petitions', 'list', f] as const,
  one: (id: string) => ['petitions', 'one', id] as const,
};

export const usePetitions = (f: PetitionFilters) =>
  useCursorList(petitionKeys.list(f), (cursor, signal) =>
    api.get<Page<PetitionView>>(`${API}/petitions`, { ...f, cursor, limit: 100 }, signal),
  );

export const petitionQuery = (id: string) =>
  queryOptions({
    queryKey: petitionKeys.one(id),
    queryFn: ({ signal }) => api.get<PetitionView>(`${API}/petitions/${id}`, undefined, signal),
  });

export const usePetition = (id: string) => useQuery(petitionQuery(id));

export type PetitionStep =
  | { step: 'accept' }
  | { step: 'not-accept'; reason: string | null }
  | { step: 'handle' }
  | { step: 'extend'; days: number }
  | { step: 'close'; satisfaction: Satisfaction | null };

export function usePetitionStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ s, expectedVersion }: { s: PetitionStep; expectedVersion: number }) => {
      const { step, ...rest } = s;
      return api.post<PetitionView>(`${API}/petitions/${id}/${step}`, { expectedVersion, ...rest });
    },
    onSuccess: (v) => {
      qc.setQueryData(petitionKeys.one(id), v);
      void qc.invalidateQueries({ queryKey: ['petitions', 'list'] });
      void qc.invalidateQueries({ queryKey: ['petitions', id, 'events'] });
    },
  });
}

export function useReveal(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      api.post<{ id: string; petitioner: { name: string; phone?: string; idNumber?: string } }>(
        `${API}/petitions/${id}/reveal`,
        { reason },
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['petitions', id, 'events'] }),
  });
}
