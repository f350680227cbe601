/** 历史数据导入: a workbook of past records for a dry run or a commit. */
import type { RecordsImportReport } from '@jiandu/shared/api';
import { useImportUpload } from './upload-import.js';

/** The lists a commit adds to. */
const TOUCHED = ['findings', 'rectifications', 'petitions', 'signals', 'indicators', 'rankings'].map((k) => [
  k,
]);

export const useImportRecords = () => useImportUpload<RecordsImportReport>('/imports/past-records', TOUCHED);
