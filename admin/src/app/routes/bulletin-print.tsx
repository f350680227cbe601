export { BulletinPrintPage as default } from '../../features/bulletins/components/bulletin-page.js';
