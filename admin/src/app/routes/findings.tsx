export { FindingsList as default } from '../../features/findings/components/findings-list.js';
