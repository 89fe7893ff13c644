// The DTKS/DTSEN register: handlers for the composition root, the lookup for other features.
export { dtksHandlers } from './handlers';
export { lookup as dtksLookup } from './dtks';
