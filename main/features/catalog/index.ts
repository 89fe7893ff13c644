export { catalogHandlers } from './handlers';
export { seedDefaultServices, priorityRatio, serviceByCode, listServices, DEFAULT_SERVICES, DEFAULT_PRIORITY_RATIO } from './catalog';
