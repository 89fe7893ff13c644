// Backups of the database: the handlers for the composition root, and the daily schedule.
export { backupHandlers } from './handlers';
export { startBackupSchedule } from './backup';
