/** 舆情: the triage queue, the list (major negative pinned on top), and assigning a unit. */
import type { SignalAssignRequest, SignalPage, SignalView } from '@jiandu/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { useCursorList } from '../../../lib/cursor-list.js';

export const SIGNAL_FILTERS = ['unitId', 'severity', 'polarity', 'from', 'to'] as const;
export type SignalFilters = Partial<Record<(typeof SIGNAL_FILTERS)[number], string>>;

export const signalKeys = {
  all: ['signals'] as const,
  list: (f: SignalFilters) => ['signals', 'list', f] as const,
  triage: ['signals', 'triage'] as const,
};

export const useSignals = (f: SignalFilters, enabled = true) =>
  useCursorList(
    signalKeys.list(f),
    (cursor, signal) => api.get<SignalPage>(`${API}/signals`, { ...f, cursor, limit: 100 }, signal),
    { enabled },
  );

export const useTriage = (enabled = true) =>
  useCursorList(
    signalKeys.triage,
    (cursor, signal) => api.get<SignalPage>(`${API}/signals/triage`, { cursor, limit: 100 }, signal),
    { enabled },
  );

export function useAssignSignal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & SignalAssignRequest) =>
      api.post<SignalView>(`${API}/signals/${id}/assign`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: signalKeys.all }),
  });
}
