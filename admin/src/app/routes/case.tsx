export { CaseDetail as default } from '../../features/cases/components/case-detail.js';
