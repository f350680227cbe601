export { ImportPage as default } from '../../features/imports/components/import-page.js';
