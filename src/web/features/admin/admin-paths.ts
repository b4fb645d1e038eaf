/** The administration pages' paths (declared with every other page in src/shared). */
export { adminPaths } from '../../../shared/web-paths.js';
