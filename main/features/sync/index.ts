export { syncHandlers } from './handlers';
export { foldQueueDayStats } from './queueDayStats';
export { syncState } from './sync';
