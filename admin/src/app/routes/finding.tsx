export { FindingDetail as default } from '../../features/findings/components/finding-detail.js';
