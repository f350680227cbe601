export { UnitHistoryPage as default } from '../../features/rankings/components/unit-history.js';
