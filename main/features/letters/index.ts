export { lettersHandlers } from './handlers';
export { toDetail, letterTimes } from './workflow';
