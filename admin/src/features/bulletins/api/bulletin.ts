/** 通报: the monthly bulletin of a scope unit (computed by the API on read). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';

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
      target: number;
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
}

export const bulletinKeys = {
  one: (month: string, unitId?: string) => ['bulletins', month, unitId ?? ''] as const,
};

export const bulletinQuery = (month: string, unitId?: string) =>
  queryOptions({
    queryKey: bulletinKeys.one(month, unitId),
    queryFn: ({ signal }) => api.get<Bulletin>(`${API}/bulletins/${month}`, { unitId }, signal),
  });

export const useBulletin = (month: string, unitId?: string) => useQuery(bulletinQuery(month, unitId));
