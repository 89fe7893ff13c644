export { membershipHandlers } from './handlers';
export { startRetryLoop } from './loop';
export { retryPendingChecks } from './retry';
export { buildStatementForm } from './statementForms';
