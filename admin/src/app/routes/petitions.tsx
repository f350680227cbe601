export { PetitionList as default } from '../../features/petitions/components/petition-list.js';
