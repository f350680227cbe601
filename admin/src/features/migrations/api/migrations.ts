/** 迁移记录: committed migration imports, newest first, and the check of a run against a rebuild. */
import type { ImportRun, ImportRunCheck, Page } from '@jiandu/shared/api';
import { useQuery } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { useCursorList } from '../../../lib/cursor-list.js';

export const MIGRATION_FILTERS = ['unitId', 'kind'] as const;
export type MigrationFilters = Partial<Record<(typeof MIGRATION_FILTERS)[number], string>>;

export const migrationKeys = {
  all: ['migrations'] as const,
  list: (f: MigrationFilters) => ['migrations', f] as const,
  check: (id: string) => ['migrations', 'check', id] as const,
};

export const useMigrationRuns = (f: MigrationFilters) =>
  useCursorList(migrationKeys.list(f), (cursor, signal) =>
    api.get<Page<ImportRun>>(`${API}/migrations`, { ...f, cursor, limit: 50 }, signal),
  );

/** The check reads every scoring record: run only when asked (enabled), kept until the page is left. */
export const useRunCheck = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: migrationKeys.check(id),
    queryFn: ({ signal }) => api.get<ImportRunCheck>(`${API}/migrations/${id}/check`, {}, signal),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
