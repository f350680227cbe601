export { PetitionForm as default } from '../../features/petitions/components/petition-form.js';
