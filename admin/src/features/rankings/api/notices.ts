/** 公示与异议: notices of a quarter, one notice, put on notice, file and decide objections, the queue. */

import type { Objection } from '@jiandu/shared';
import type {
  DecideObjectionRequest,
  FileObjectionRequest,
  NoticeList,
  NoticeView,
  ObjectionList,
  StartNoticeRequest,
} from '@jiandu/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { rankingKeys } from './rankings.js';

export const noticeKeys = {
  all: ['rankings', 'notices'] as const,
  list: (quarter: string, groupKey?: string) =>
    ['rankings', 'notices', 'list', quarter, groupKey ?? ''] as const,
  one: (id: string) => ['rankings', 'notices', 'one', id] as const,
  queue: (state: string) => ['rankings', 'notices', 'queue', state] as const,
};

export const useNotices = (quarter: string, groupKey: string | undefined, enabled = true) =>
  useQuery({
    queryKey: noticeKeys.list(quarter, groupKey),
    queryFn: ({ signal }) => api.get<NoticeList>(`${API}/rankings/notices`, { quarter, groupKey }, signal),
    enabled,
  });

export const useNotice = (id: string) =>
  useQuery({
    queryKey: noticeKeys.one(id),
    queryFn: ({ signal }) =>
      api.get<NoticeView>(`${API}/rankings/notices/${encodeURIComponent(id)}`, undefined, signal),
  });

export const useObjectionQueue = (state: 'pending' | 'upheld' | 'rejected') =>
  useQuery({
    queryKey: noticeKeys.queue(state),
    queryFn: ({ signal }) => api.get<ObjectionList>(`${API}/objections`, { state }, signal),
  });

export function useStartNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: StartNoticeRequest) => api.post<NoticeView>(`${API}/rankings/notices`, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: rankingKeys.all }),
  });
}

export function useFileObjection(noticeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: FileObjectionRequest) =>
      api.post<Objection>(`${API}/rankings/notices/${encodeURIComponent(noticeId)}/objections`, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}

export function useDecideObjection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...b }: DecideObjectionRequest & { id: string }) =>
      api.post<NoticeView>(`${API}/objections/${encodeURIComponent(id)}/decision`, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}
