/** 历史数据导入: upload a workbook of past records for a dry run or a commit (multipart, session cookie). */
import type { RecordsImportReport } from '@jiandu/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '../../../lib/api.js';
import { ApiError, NetworkError, type ProblemLike } from '../../../lib/api-client.js';
import { session } from '../../../lib/session.js';

export async function importRecords(file: File, dryRun: boolean): Promise<RecordsImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${API}/imports/past-records?dryRun=${dryRun}`, { method: 'POST', body: form });
  } catch (e) {
    throw new NetworkError((e as Error).message || 'network error');
  }
  const body = (await res.json().catch(() => ({}))) as unknown;
  if (!res.ok) {
    if (res.status === 401) session.set(null);
    throw new ApiError(res.status, body as ProblemLike);
  }
  return body as RecordsImportReport;
}

/** The lists a commit adds to. */
const TOUCHED = ['findings', 'rectifications', 'petitions', 'signals', 'indicators', 'rankings'];

export function useImportRecords() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => importRecords(file, dryRun),
    onSuccess: (r) => {
      if (!r.dryRun) for (const key of TOUCHED) void qc.invalidateQueries({ queryKey: [key] });
    },
  });
}
