import type { authContract } from '../../../common/contract/auth';
import { requireActor } from '../../platform/context';
import { getOffice } from '../../platform/office';
import type { HandlersFor } from '../../platform/transport/handler';
import { firstRun, login, logout, pairWithCode } from './auth';

export const VERSION = '0.1.0';

export const authHandlers = {
  'system.status': (ctx) => {
    const office = getOffice(ctx.store);
    return { configured: office !== null, office, serverTime: ctx.now().toISOString(), version: VERSION, tlsFingerprint: ctx.host.tls?.fingerprint ?? null };
  },
  'setup.firstRun': (ctx, input) => firstRun(ctx, input),
  'auth.login': (ctx, input) => login(ctx, input),
  'auth.pair': (ctx, input) => pairWithCode(ctx, input),
  'auth.logout': (ctx) => logout(ctx),
  'auth.me': (ctx) => {
    const actor = requireActor(ctx);
    return { user: actor.user, desk: actor.desk, office: getOffice(ctx.store)! };
  },
} satisfies HandlersFor<typeof authContract>;
