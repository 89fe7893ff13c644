export { lettersHandlers } from './handlers';
export { registerKey } from './workflow';
