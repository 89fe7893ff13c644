export { visitorHandlers } from './handlers';
export { visitorLink, visitorPosition } from './visitor';
