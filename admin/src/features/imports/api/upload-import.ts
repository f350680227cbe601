/**
 * Every import's upload: the file as multipart to `POST <path>?dryRun=…` (the session cookie
 * authenticates; SameSite=Strict, so only this site's pages send it), the report back, a refusal as an
 * ApiError like every other call's; after a commit, the lists it added to are read again.
 */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '../../../lib/api.js';
import { ApiError, NetworkError, type ProblemLike } from '../../../lib/api-client.js';
import { session } from '../../../lib/session.js';

export interface ImportVariables {
  file: File;
  dryRun: boolean;
}

export async function uploadImport<R>(path: string, { file, dryRun }: ImportVariables): Promise<R> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${API}${path}?dryRun=${dryRun}`, { method: 'POST', body: form });
  } catch (e) {
    throw new NetworkError((e as Error).message || 'network error');
  }
  const body = (await res.json().catch(() => ({}))) as unknown;
  if (!res.ok) {
    if (res.status === 401) session.set(null);
    throw new ApiError(res.status, body as ProblemLike);
  }
  return body as R;
}

/** The mutation of one import: `touched` are the query keys a commit invalidates. */
export function useImportUpload<R extends { dryRun: boolean }>(path: string, touched: readonly QueryKey[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: ImportVariables) => uploadImport<R>(path, v),
    onSuccess: (r) => {
      if (!r.dryRun) for (const queryKey of touched) void qc.invalidateQueries({ queryKey });
    },
  });
}
