export { RectList as default } from '../../features/rectifications/components/rect-list.js';
