// The sync slice's handlers: the header's indicator and Admin → Sinkronisasi.
import type { syncContract } from '../../../common/contract/sync';
import type { HandlersFor } from '../../platform/transport/handler';
import { enrol, listQuarantine, syncNow, syncState } from './sync';

export const syncHandlers = {
  'sync.status': (ctx) => syncState(ctx),
  'sync.enrol': (ctx, input) => enrol(ctx, input),
  'sync.now': (ctx) => syncNow(ctx),
  'sync.quarantine': (ctx) => listQuarantine(ctx),
} satisfies HandlersFor<typeof syncContract>;
