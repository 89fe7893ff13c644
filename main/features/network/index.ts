export { networkHandlers } from './handlers';
export { networkSettings, savedListen, hostTlsUrl } from './network';
