/** 组织机构导入: upload the organisation workbook for a dry run or a commit (multipart, with the session cookie). */
import type { OrgImportReport } from '@jiandu/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unitKeys } from '../../../api/units.js';
import { API } from '../../../lib/api.js';
import { ApiError, NetworkError, type ProblemLike } from '../../../lib/api-client.js';
import { session } from '../../../lib/session.js';

export async function importOrg(file: File, dryRun: boolean): Promise<OrgImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    // The session cookie authenticates (SameSite=Strict: only this site's pages send it).
    res = await fetch(`${API}/imports/organisation?dryRun=${dryRun}`, { method: 'POST', body: form });
  } catch (e) {
    throw new NetworkError((e as Error).message || 'network error');
  }
  const body = (await res.json().catch(() => ({}))) as unknown;
  if (!res.ok) {
    if (res.status === 401) session.set(null);
    throw new ApiError(res.status, body as ProblemLike);
  }
  return body as OrgImportReport;
}

export function useImportOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => importOrg(file, dryRun),
    // New units and posts: the unit tree (names and pickers everywhere) and posts are read again.
    onSuccess: (r) => {
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: unitKeys.all });
    },
  });
}
