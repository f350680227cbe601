export { NoticePage as default } from '../../features/rankings/components/notice-page.js';
