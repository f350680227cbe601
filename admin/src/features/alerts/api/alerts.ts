/** 预警: the inbox (open first), acknowledge and resolve. */
import type { Alert, AlertPage, AlertStepRequest } from '@jiandu/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { useCursorList } from '../../../lib/cursor-list.js';

export const ALERT_FILTERS = ['unitId', 'state', 'q'] as const;
export type AlertFilters = Partial<Record<(typeof ALERT_FILTERS)[number], string>>;

export const alertKeys = {
  all: ['alerts'] as const,
  list: (f: AlertFilters) => ['alerts', 'list', f] as const,
};

export const useAlerts = (f: AlertFilters) =>
  useCursorList(alertKeys.list(f), (cursor, signal) =>
    api.get<AlertPage>(`${API}/alerts`, { ...f, cursor, limit: 100 }, signal),
  );

export function useAlertStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, ...body }: { id: string; step: 'acknowledge' | 'resolve' } & AlertStepRequest) =>
      api.post<Alert>(`${API}/alerts/${id}/${step}`, body),
    onSettled: () => void qc.invalidateQueries({ queryKey: alertKeys.all }),
  });
}
