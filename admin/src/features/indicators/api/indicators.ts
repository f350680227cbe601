/** 指标/任务完成情况: a year's indicators in the jurisdiction, and reporting a quarter's cumulative actual. */
import type { IndicatorChange, IndicatorView, Page, Quarterly } from '@jiandu/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { useCursorList } from '../../../lib/cursor-list.js';

export const INDICATOR_FILTERS = ['quarter', 'unitId'] as const;

export const indicatorKeys = {
  all: ['indicators'] as const,
  list: (year: number, unitId: string | undefined) => ['indicators', 'list', year, unitId ?? ''] as const,
};

export const useIndicators = (year: number, unitId: string | undefined) =>
  useCursorList(indicatorKeys.list(year, unitId), (cursor, signal) =>
    api.get<Page<IndicatorView>>(`${API}/indicators`, { year, unitId, cursor, limit: 100 }, signal),
  );

/** The cumulative actuals with quarter `qi` (1..4) set to `value`. */
export const withActual = (actuals: Quarterly, qi: number, value: number | null): Quarterly =>
  actuals.map((v, i) => (i === qi - 1 ? value : v)) as Quarterly;

export function useReportActual() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: { id: string } & Required<Pick<IndicatorChange, 'expectedVersion' | 'actuals'>>) =>
      api.request<IndicatorView>('PUT', `${API}/indicators/${encodeURIComponent(id)}`, { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: indicatorKeys.all }),
  });
}
