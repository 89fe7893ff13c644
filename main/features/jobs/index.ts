// Jobs: the handlers for the composition root (the runner itself is platform: main/platform/jobs).
export { jobsHandlers } from './handlers';
