export { adminHandlers } from './handlers';
