export { FundsPage as default } from '../../features/funds/components/funds-page.js';
