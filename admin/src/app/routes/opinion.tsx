export { OpinionPage as default } from '../../features/opinion/components/opinion-page.js';
