export { PetitionDetail as default } from '../../features/petitions/components/petition-detail.js';
