/** 定时任务: job runs, the schedules, and the outbox's dead letters with their retry. */
import type {
  DeadLetterRetryRequest,
  DeliveryPage,
  DeliveryView,
  JobRun,
  JobRunListQuery,
  NotificationSettingsRequest,
  NotificationSettingsView,
  Page,
  ScheduleList,
} from '@jiandu/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { useCursorList } from '../../../lib/cursor-list.js';

/** The list's filters as the URL holds them (the query's, before validation). */
export type RunFilters = Pick<JobRunListQuery, 'job' | 'status'>;

export const jobKeys = {
  all: ['jobs'] as const,
  runs: (f: RunFilters) => ['jobs', 'runs', f] as const,
  schedules: ['jobs', 'schedules'] as const,
  dead: ['jobs', 'dead-letters'] as const,
};

export const useJobRuns = (f: RunFilters) =>
  useCursorList(jobKeys.runs(f), (cursor, signal) =>
    api.get<Page<JobRun>>(`${API}/job-runs`, { ...f, cursor, limit: 100 }, signal),
  );

export const useSchedules = () =>
  useQuery({
    queryKey: jobKeys.schedules,
    queryFn: ({ signal }) => api.get<ScheduleList>(`${API}/job-runs/schedules`, undefined, signal),
  });

export const useDeadLetters = (enabled: boolean) =>
  useCursorList(
    jobKeys.dead,
    (cursor, signal) =>
      api.get<DeliveryPage>(`${API}/notifications/dead-letters`, { cursor, limit: 100 }, signal),
    { enabled },
  );

export function useRetryDeadLetter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: DeliveryView) =>
      api.post<DeliveryView>(`${API}/notifications/dead-letters/${d.id}/retry`, {
        expectedVersion: d.version,
      } satisfies DeadLetterRetryRequest),
    onSettled: () => void qc.invalidateQueries({ queryKey: jobKeys.dead }),
  });
}

const subscriptionsKey = ['jobs', 'subscriptions'] as const;

export const useSubscriptions = (enabled: boolean) =>
  useQuery({
    queryKey: subscriptionsKey,
    queryFn: ({ signal }) =>
      api.get<NotificationSettingsView>(`${API}/notifications/subscriptions`, undefined, signal),
    enabled,
  });

export function useSaveSubscriptions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsRequest) =>
      api.request<NotificationSettingsView>('PUT', `${API}/notifications/subscriptions`, { body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: subscriptionsKey }),
  });
}
