/** 资金: a unit's funds view (projects, balances, idle money) and one project with its ledger. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';

export interface FundsTotals {
  projects: number;
  allocatedFen: number;
  disbursedFen: number;
  unspentFen: number;
  idleProjects: number;
  idleFen: number;
}

export interface FundProjectLine {
  id: string;
  unitId: string;
  name: string;
  allocatedFen: number;
  disbursedFen: number;
  plannedCompletion: string;
  unspentFen: number;
  idle: boolean;
  version: number;
}

export interface FundsView {
  unitId: string;
  unitName: string;
  asOf: string;
  thresholdFen: number;
  totals: FundsTotals;
  rows: { unitId: string; own: boolean; totals: FundsTotals }[];
  projects: FundProjectLine[];
}

export interface FundEntry {
  id: string;
  kind: 'allocation' | 'disbursement';
  amountFen: number;
  date: string;
  note: string;
  recordedAt: string;
}

export interface FundProjectDetail extends FundProjectLine {
  ledger: FundEntry[];
}

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
