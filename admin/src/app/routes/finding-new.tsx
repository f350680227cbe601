export { FindingForm as default } from '../../features/findings/components/finding-form.js';
