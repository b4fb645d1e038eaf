// From the route table itself, not the contracts module: that one builds zod schemas on import, and this
// file is part of every page's first load (the route table).
export { ecosystemPaths } from '../../../shared/web-paths.js';
