/** 资金: a unit's funds view (projects, balances, idle money) and one project with its ledger. */
import type { FundProjectDetail, FundsView } from '@jiandu/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';

export const fundKeys = {
  all: ['funds'] as const,
  view: (unitId: string) => ['funds', 'view', unitId] as const,
  project: (id: string) => ['funds', 'project', id] as const,
};

export const fundsQuery = (unitId: string) =>
  queryOptions({
    queryKey: fundKeys.view(unitId),
    queryFn: ({ signal }) => api.get<FundsView>(`${API}/funds`, { unitId }, signal),
  });

export const useFunds = (unitId: string) => useQuery(fundsQuery(unitId));

export const useFundProject = (id: string) =>
  useQuery({
    queryKey: fundKeys.project(id),
    queryFn: ({ signal }) => api.get<FundProjectDetail>(`${API}/fund-projects/${id}`, {}, signal),
  });
