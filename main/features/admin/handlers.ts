import type { adminContract } from '../../../common/contract/admin';
import type { HandlersFor } from '../../platform/transport/handler';
import { createDesk, createUser, listUsers, revokeDesk, saveOffice, updateUser } from './admin';
import { listDesks, pairingCode, setDeskServices, setDeskStatus } from './desks';

export const adminHandlers = {
  'users.list': (ctx) => listUsers(ctx),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.update': (ctx, input) => updateUser(ctx, input),
  'desks.list': (ctx) => listDesks(ctx),
  'desks.create': (ctx, input) => createDesk(ctx, input),
  'desks.revoke': (ctx, input) => revokeDesk(ctx, input),
  'desks.setServices': (ctx, input) => setDeskServices(ctx, input),
  'desks.setStatus': (ctx, input) => setDeskStatus(ctx, input),
  'desks.pairingCode': (ctx, input) => pairingCode(ctx, input),
  'office.save': (ctx, input) => saveOffice(ctx, input),
} satisfies HandlersFor<typeof adminContract>;
