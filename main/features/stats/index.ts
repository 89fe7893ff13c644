export { statsHandlers } from './handlers';
export { displayState } from './stats';
export { groupBy, stepRows } from './day';
