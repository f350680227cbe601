export { InboxPage as default } from '../../features/inbox/components/inbox-page.js';
