export { casesHandlers } from './handlers';
