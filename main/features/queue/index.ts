export { queueHandlers } from './handlers';
export { getTicket, findTickets } from './tickets';
export { normalsSoFar } from './queue';
