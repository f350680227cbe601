export { ObjectionQueuePage as default } from '../../features/rankings/components/objection-queue.js';
