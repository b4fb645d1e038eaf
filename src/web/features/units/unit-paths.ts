/** The public unit directory and a unit's page (declared with every other page in src/shared). */
export { unitPaths } from '../../../shared/web-paths.js';
