/** 台账更新: upload a ledger exported from Jiandu and edited offline, for a dry run or a commit. */
import type { LedgerUpdateReport } from '@jiandu/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '../../../lib/api.js';
import { ApiError, NetworkError, type ProblemLike } from '../../../lib/api-client.js';
import { session } from '../../../lib/session.js';

export async function updateLedger(file: File, dryRun: boolean): Promise<LedgerUpdateReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    // The session cookie authenticates (SameSite=Strict: only this site's pages send it).
    res = await fetch(`${API}/imports/rectification-ledger/updates?dryRun=${dryRun}`, {
      method: 'POST',
      body: form,
    });
  } catch (e) {
    throw new NetworkError((e as Error).message || 'network error');
  }
  const body = (await res.json().catch(() => ({}))) as unknown;
  if (!res.ok) {
    if (res.status === 401) session.set(null);
    throw new ApiError(res.status, body as ProblemLike);
  }
  return body as LedgerUpdateReport;
}

export function useUpdateLedger() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => updateLedger(file, dryRun),
    onSuccess: (r) => {
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: ['rectifications'] });
    },
  });
}
