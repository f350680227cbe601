/** 消息: the signed-in user's notifications (read / unread), refreshed every minute, and marking one read. */
import type { Inbox, InboxItem } from '@jiandu/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';

export const inboxKeys = {
  all: ['inbox'] as const,
  list: (unread: boolean) => ['inbox', 'list', unread] as const,
};

export const useInbox = (unreadOnly = false) =>
  useQuery({
    queryKey: inboxKeys.list(unreadOnly),
    queryFn: ({ signal }) =>
      api.get<Inbox>(`${API}/inbox`, { limit: 100, ...(unreadOnly ? { unread: 'true' } : {}) }, signal),
    refetchInterval: 60_000,
  });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<InboxItem>(`${API}/inbox/${id}/read`, {}),
    onSettled: () => void qc.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
