/** 台账导入: a ledger for a dry run or a commit; a commit adds rectifications. */
import type { LedgerImportReport } from '@jiandu/shared/api';
import { useImportUpload } from './upload-import.js';

export const useImportLedger = () =>
  useImportUpload<LedgerImportReport>('/imports/rectification-ledger', [['rectifications']]);
