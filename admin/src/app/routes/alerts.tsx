export { AlertInbox as default } from '../../features/alerts/components/alert-inbox.js';
