/** 定时任务: job runs, the schedules, and the outbox's dead letters with their retry. */
import type { JobRun, JobRunListQuery, ScheduleList } from '@jiandu/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { type Page, useCursorList } from '../../../lib/cursor-list.js';

export interface DeadLetter {
  id: string;
  channel: string;
  to: string;
  attempts: number;
  lastError: string | null;
  version: number;
  notification: { title: string; at: string; kind: string };
}

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
      api.get<Page<DeadLetter>>(`${API}/notifications/dead-letters`, { cursor, limit: 100 }, signal),
    { enabled },
  );

export function useRetryDeadLetter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: DeadLetter) =>
      api.post<DeadLetter>(`${API}/notifications/dead-letters/${d.id}/retry`, { expectedVersion: d.version }),
    onSettled: () => void qc.invalidateQueries({ queryKey: jobKeys.dead }),
  });
}

/** Who gets what (subscription rules) and the retry policy; version 0 while the defaults apply. */
export interface NotificationSettings {
  rules: unknown[];
  retry: { maxAttempts: number; baseDelaySeconds: number; maxDelaySeconds: number };
  version: number;
}

const subscriptionsKey = ['jobs', 'subscriptions'] as const;

export const useSubscriptions = (enabled: boolean) =>
  useQuery({
    queryKey: subscriptionsKey,
    queryFn: ({ signal }) =>
      api.get<NotificationSettings>(`${API}/notifications/subscriptions`, undefined, signal),
    enabled,
  });

export function useSaveSubscriptions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<NotificationSettings, 'version'> & { expectedVersion: number }) =>
      api.request<NotificationSettings>('PUT', `${API}/notifications/subscriptions`, { body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: subscriptionsKey }),
  });
}
