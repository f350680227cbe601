/** 信访: list with SLA clocks, one, the workflow steps and the logged reveal of the petitioner. */
import type {
  PetitionPage,
  PetitionReveal,
  PetitionRevealRequest,
  PetitionStepBody,
  PetitionStepName,
  PetitionView,
} from '@jiandu/shared/api';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { useCursorList } from '../../../lib/cursor-list.js';

export const PETITION_FILTERS = [
  'unitId',
  'state',
  'category',
  'sla',
  'light',
  'repeated',
  'escalated',
  'from',
  'to',
  'q',
  'sort',
] as const;
export type PetitionFilters = Partial<Record<(typeof PETITION_FILTERS)[number], string>>;

export const petitionKeys = {
  all: ['petitions'] as const,
  list: (f: PetitionFilters) => ['petitions', 'list', f] as const,
  one: (id: string) => ['petitions', 'one', id] as const,
};

export const usePetitions = (f: PetitionFilters) =>
  useCursorList(petitionKeys.list(f), (cursor, signal) =>
    api.get<PetitionPage>(`${API}/petitions`, { ...f, cursor, limit: 100 }, signal),
  );

export const petitionQuery = (id: string) =>
  queryOptions({
    queryKey: petitionKeys.one(id),
    queryFn: ({ signal }) => api.get<PetitionView>(`${API}/petitions/${id}`, undefined, signal),
  });

export const usePetition = (id: string) => useQuery(petitionQuery(id));

/** A step and its body's fields beyond the version (which the step runner adds). */
export type PetitionStep = {
  [S in PetitionStepName]: { step: S } & Omit<PetitionStepBody<S>, 'expectedVersion'>;
}[PetitionStepName];

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
      api.post<PetitionReveal>(`${API}/petitions/${id}/reveal`, { reason } satisfies PetitionRevealRequest),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['petitions', id, 'events'] }),
  });
}
