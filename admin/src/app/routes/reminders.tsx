export { ReminderList as default } from '../../features/reminders/components/reminder-list.js';
