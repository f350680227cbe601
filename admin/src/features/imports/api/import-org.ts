/** 组织机构导入: the organisation workbook for a dry run or a commit. */
import type { OrgImportReport } from '@jiandu/shared/api';
import { unitKeys } from '../../../api/units.js';
import { useImportUpload } from './upload-import.js';

// New units and posts: the unit tree (names and pickers everywhere) and posts are read again.
export const useImportOrg = () => useImportUpload<OrgImportReport>('/imports/organisation', [unitKeys.all]);
