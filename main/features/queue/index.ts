export { queueHandlers } from './handlers';
export { getTicket, findTickets } from './tickets';
