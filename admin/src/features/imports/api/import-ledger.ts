/** 台账导入: upload a ledger for a dry run or a commit (multipart, with the session cookie). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '../../../lib/api.js';
import { ApiError, NetworkError, type ProblemBody } from '../../../lib/api-client.js';
import { session } from '../../../lib/session.js';

export type LedgerField =
  | 'seq'
  | 'source'
  | 'category'
  | 'description'
  | 'unit'
  | 'person'
  | 'measures'
  | 'deadline'
  | 'progress'
  | 'status'
  | 'amount';

export type ProblemCode =
  | 'field.missing'
  | 'text.tooLong'
  | 'text.unsafeCharacters'
  | 'unit.unknown'
  | 'unit.ambiguous'
  | 'date.invalid'
  | 'amount.invalid'
  | 'amount.negative'
  | 'amount.tooPrecise'
  | 'amount.tooLarge';

export interface ReportRow {
  line: number;
  status: 'valid' | 'problem' | 'created' | 'duplicate' | 'conflict';
  problems: { field: LedgerField; code: ProblemCode }[];
  unitId?: string;
  rectificationId?: string;
}

export interface ImportReport {
  id: string;
  dryRun: boolean;
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: string;
  sheet: string;
  headerRow: number;
  columns: Partial<Record<LedgerField, string>>;
  ignoredColumns: string[];
  counts: {
    rows: number;
    valid: number;
    problems: number;
    created: number;
    duplicate: number;
    pastDeadline: number;
  };
  rows: ReportRow[];
  annotated: string;
}

export async function importLedger(file: File, dryRun: boolean): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    // The session cookie authenticates (SameSite=Strict: only this site's pages send it).
    res = await fetch(`${API}/imports/rectification-ledger?dryRun=${dryRun}`, { method: 'POST', body: form });
  } catch (e) {
    throw new NetworkError((e as Error).message || 'network error');
  }
  const body = (await res.json().catch(() => ({}))) as unknown;
  if (!res.ok) {
    if (res.status === 401) session.set(null);
    throw new ApiError(res.status, body as ProblemBody);
  }
  return body as ImportReport;
}

export function useImportLedger() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => importLedger(file, dryRun),
    onSuccess: (r) => {
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: ['rectifications'] });
    },
  });
}
