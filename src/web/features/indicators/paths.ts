/** This feature's pages (declared with every other page in src/shared). */
export { indicatorPaths } from '../../../shared/web-paths.js';
import { indicatorPaths } from '../../../shared/web-paths.js';

export const indicatorPath = indicatorPaths.indicator;
