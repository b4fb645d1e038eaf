export { ecosystemPaths } from '../../../shared/contracts/ecosystem.js';
