/** 问责: cases with their allowed actions; review, decide with a form, dismiss with a reason, close. */
import type { CasePage, CaseStepBody, CaseStepName, CaseView } from '@jiandu/shared/api';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { useCursorList } from '../../../lib/cursor-list.js';

export const CASE_FILTERS = ['unitId', 'state', 'trigger', 'light', 'from', 'to', 'q', 'sort'] as const;
export type CaseFilters = Partial<Record<(typeof CASE_FILTERS)[number], string>>;

export const caseKeys = {
  all: ['cases'] as const,
  list: (f: CaseFilters) => ['cases', 'list', f] as const,
  one: (id: string) => ['cases', 'one', id] as const,
};

export const useCases = (f: CaseFilters) =>
  useCursorList(caseKeys.list(f), (cursor, signal) =>
    api.get<CasePage>(`${API}/cases`, { ...f, cursor, limit: 100 }, signal),
  );

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: caseKeys.one(id),
    queryFn: ({ signal }) => api.get<CaseView>(`${API}/cases/${id}`, undefined, signal),
  });
export const useCase = (id: string) => useQuery(caseQuery(id));

/** A step and its body's fields beyond the version (which the step runner adds). */
export type CaseStep = {
  [S in CaseStepName]: { step: S } & Omit<CaseStepBody<S>, 'expectedVersion'>;
}[CaseStepName];

export function useCaseStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ s, expectedVersion }: { s: CaseStep; expectedVersion: number }) => {
      const { step, ...rest } = s;
      return api.post<CaseView>(`${API}/cases/${id}/${step}`, { expectedVersion, ...rest });
    },
    onSuccess: (v) => {
      qc.setQueryData(caseKeys.one(id), v);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
      void qc.invalidateQueries({ queryKey: ['cases', id, 'events'] });
    },
  });
}
