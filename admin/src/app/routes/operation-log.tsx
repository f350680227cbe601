export { OperationLogPage as default } from '../../features/imports/components/operation-log-page.js';
