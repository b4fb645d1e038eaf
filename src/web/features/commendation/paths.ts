/** The commendation pages (declared with every other page in src/shared). */
export { commendationPaths, manageStateParam } from '../../../shared/web-paths.js';
