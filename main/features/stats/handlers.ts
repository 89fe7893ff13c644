import type { statsContract } from '../../../common/contract/stats';
import type { HandlersFor } from '../../platform/transport/handler';
import { displayState, statsToday } from './stats';

export const statsHandlers = {
  'stats.today': (ctx) => statsToday(ctx),
  'display.state': (ctx) => displayState(ctx),
} satisfies HandlersFor<typeof statsContract>;
