export { RankingsPage as default } from '../../features/rankings/components/rankings-page.js';
