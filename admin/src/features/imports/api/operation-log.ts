/** 操作日志: exports, imports, identity reveals and reads of the log, newest first (audit administrator). */
import type { OperationEntryView, Page } from '@jiandu/shared/api';
import { API, api } from '../../../lib/api.js';
import { useCursorList } from '../../../lib/cursor-list.js';

export const OPLOG_FILTERS = ['unitId', 'action', 'from', 'to'] as const;
export type OperationFilters = Partial<Record<(typeof OPLOG_FILTERS)[number], string>>;

export const operationLogKeys = {
  all: ['operation-log'] as const,
  list: (f: OperationFilters) => ['operation-log', f] as const,
};

export const useOperationLog = (f: OperationFilters) =>
  useCursorList(operationLogKeys.list(f), (cursor, signal) =>
    api.get<Page<OperationEntryView>>(`${API}/operation-log`, { ...f, cursor, limit: 100 }, signal),
  );
