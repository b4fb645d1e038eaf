/** The movement's pages (declared with every other page in src/shared). */
export { campaignParam, movementPaths } from '../../../shared/web-paths.js';
