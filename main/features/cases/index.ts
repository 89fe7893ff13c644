export { casesHandlers, familyHandlers } from './handlers';
export { readFamily } from './family';
