import type { networkContract } from '../../../common/contract/network';
import type { HandlersFor } from '../../platform/transport/handler';
import { networkSettings, saveNetwork } from './network';

export const networkHandlers = {
  'network.get': (ctx) => networkSettings(ctx),
  'network.save': (ctx, input) => saveNetwork(ctx, input),
} satisfies HandlersFor<typeof networkContract>;
