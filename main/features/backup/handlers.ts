// The backup slice's handlers: Admin → Cadangan.
import type { backupContract } from '../../../common/contract/backup';
import { requireActor } from '../../platform/context';
import type { HandlersFor } from '../../platform/transport/handler';
import { backupSettings, listBackups, saveBackupSettings, startBackup, startRestore } from './backup';

export const backupHandlers = {
  'backup.settings': (ctx) => backupSettings(ctx),
  'backup.saveSettings': (ctx, input) => saveBackupSettings(ctx, input),
  'backup.list': (ctx) => listBackups(ctx),
  'backup.start': (ctx) => ({ jobId: startBackup(ctx, requireActor(ctx).user.id).id }),
  'backup.restore': (ctx, input) => ({ jobId: startRestore(ctx, input).id }),
} satisfies HandlersFor<typeof backupContract>;
