export { ChangePasswordPage as default } from '../../features/auth/components/change-password-page.js';
