export { CaseList as default } from '../../features/cases/components/case-list.js';
