export { MigrationsPage as default } from '../../features/migrations/components/migrations-page.js';
