export { registerHandlers } from './handlers';
