export { CardList as default } from '../../features/rankings/components/card-list.js';
