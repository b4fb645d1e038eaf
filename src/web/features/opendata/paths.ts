export { opendataPaths } from '../../../shared/web-paths.js';
