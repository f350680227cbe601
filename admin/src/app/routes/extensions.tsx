export { ExtensionQueue as default } from '../../features/rectifications/components/extension-queue.js';
