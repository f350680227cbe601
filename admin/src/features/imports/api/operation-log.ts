/** 操作日志: exports, imports, identity reveals and reads of the log, newest first (audit administrator). */
import type { OPERATION_ACTION_LABELS } from '@jiandu/shared/labels';
import { API, api } from '../../../lib/api.js';
import { type Page, useCursorList } from '../../../lib/cursor-list.js';

export interface OperationEntry {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  role: string;
  action: keyof typeof OPERATION_ACTION_LABELS;
  reason?: string;
  target: string;
  filter: Record<string, string>;
  rows: number;
  outcome: 'complete' | 'failed' | 'refused';
  scopeUnitId: string;
  /** The account an account event is about. */
  subject?: { id: string | null; username: string };
  detail?: Record<string, string>;
}

export const OPLOG_FILTERS = ['unitId', 'action', 'from', 'to'] as const;
export type OperationFilters = Partial<Record<(typeof OPLOG_FILTERS)[number], string>>;

export const operationLogKeys = {
  all: ['operation-log'] as const,
  list: (f: OperationFilters) => ['operation-log', f] as const,
};

export const useOperationLog = (f: OperationFilters) =>
  useCursorList(operationLogKeys.list(f), (cursor, signal) =>
    api.get<Page<OperationEntry>>(`${API}/operation-log`, { ...f, cursor, limit: 100 }, signal),
  );
