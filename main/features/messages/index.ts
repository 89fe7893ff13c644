// Messages out: handlers for the composition root and the e-mail retry loop it starts.
export { messagesHandlers } from './handlers';
export { startEmailRetries, deliver } from './messages';
