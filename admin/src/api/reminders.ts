/** 督办单/催办: issue reminders on records, list them (all in scope, or one record's), mark one read. */
import type {
  Reminder,
  ReminderBatch,
  ReminderPage,
  ReminderTarget,
  ReminderTargetType,
} from '@jiandu/shared/api';
import { MAX_REMINDER_TARGETS } from '@jiandu/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../lib/api.js';
import { useCursorList } from '../lib/cursor-list.js';
import { newIdempotencyKey } from '../lib/outbox.js';

export const reminderKeys = {
  all: ['reminders'] as const,
  list: () => ['reminders', 'list'] as const,
  of: (type: ReminderTargetType, id: string) => ['reminders', 'of', type, id] as const,
};

export const useReminders = () =>
  useCursorList(reminderKeys.list(), (cursor, signal) =>
    api.get<ReminderPage>(`${API}/reminders`, { cursor, limit: 100 }, signal),
  );

export const useRecordReminders = (type: ReminderTargetType, id: string) =>
  useQuery({
    queryKey: reminderKeys.of(type, id),
    queryFn: ({ signal }) =>
      api.get<ReminderPage>(`${API}/reminders`, { targetType: type, targetId: id, limit: 50 }, signal),
  });

/**
 * Sends reminders on the targets, at most MAX_REMINDER_TARGETS a request (one transaction each, each with
 * its own Idempotency-Key, so a retry of a request never reminds twice); answers every reminder made.
 */
export async function issueReminders(
  targets: ReminderTarget[],
  message: string | undefined,
): Promise<Reminder[]> {
  const made: Reminder[] = [];
  for (let i = 0; i < targets.length; i += MAX_REMINDER_TARGETS) {
    const batch = await api.post<ReminderBatch>(
      `${API}/reminders`,
      { targets: targets.slice(i, i + MAX_REMINDER_TARGETS), ...(message ? { message } : {}) },
      { 'idempotency-key': newIdempotencyKey() },
    );
    made.push(...batch.items);
  }
  return made;
}

export function useIssueReminders() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ targets, message }: { targets: ReminderTarget[]; message?: string }) =>
      issueReminders(targets, message),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: reminderKeys.all });
      // The reminded records' histories have a new event.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[2] === 'events' });
    },
  });
}

export function useMarkReminderRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Reminder>(`${API}/reminders/${id}/read`, {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: reminderKeys.all }),
  });
}
