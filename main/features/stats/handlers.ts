import type { statsContract } from '../../../common/contract/stats';
import type { HandlersFor } from '../../platform/transport/handler';
import { statsDay, statsDays } from './day';
import { displayState, statsToday } from './stats';

export const statsHandlers = {
  'stats.today': (ctx) => statsToday(ctx),
  'stats.day': (ctx, input) => statsDay(ctx, input),
  'stats.days': (ctx) => statsDays(ctx),
  'display.state': (ctx) => displayState(ctx),
} satisfies HandlersFor<typeof statsContract>;
