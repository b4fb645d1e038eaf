/** The movement's pages (declared with every other page in src/shared). */
export { campaignParam, manageStateParam, movementPaths } from '../../../shared/web-paths.js';
