export { BulletinPage as default } from '../../features/bulletins/components/bulletin-page.js';
