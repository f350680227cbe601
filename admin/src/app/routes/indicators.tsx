export { IndicatorsPage as default } from '../../features/indicators/components/indicators-page.js';
