/** 台账更新: a ledger exported from Jiandu and edited offline, for a dry run or a commit. */
import type { LedgerUpdateReport } from '@jiandu/shared/api';
import { useImportUpload } from './upload-import.js';

export const useUpdateLedger = () =>
  useImportUpload<LedgerUpdateReport>('/imports/rectification-ledger/updates', [['rectifications']]);
