export { RectDetail as default } from '../../features/rectifications/components/rect-detail.js';
