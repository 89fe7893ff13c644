// The auth feature's public face: other features and the composition root import only this.
export { authHandlers, VERSION } from './handlers';
export { authenticate, hashPassword, newToken, tokenHash, toDesk, toUser } from './auth';
