export { JobsPage as default } from '../../features/jobs/components/jobs-page.js';
