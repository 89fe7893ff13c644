export { registerHandlers } from './handlers';
export { exportRegisterTo } from './exporting';
