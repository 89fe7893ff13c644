export { statsHandlers } from './handlers';
export { displayState } from './stats';
