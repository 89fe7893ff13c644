// The follow-ups slice's handlers: the board, each follow-up's life, and Admin → Hari libur.
import type { followupsContract } from '../../../common/contract/followups';
import type { HandlersFor } from '../../platform/transport/handler';
import { addHoliday, advanceFollowup, board, counts, createFollowup, forTicket, getFollowup, listHolidays, reassignFollowup, removeHoliday } from './followups';

export const followupsHandlers = {
  'followups.create': (ctx, input) => createFollowup(ctx, input),
  'followups.advance': (ctx, input) => advanceFollowup(ctx, input),
  'followups.reassign': (ctx, input) => reassignFollowup(ctx, input),
  'followups.get': (ctx, input) => getFollowup(ctx, input),
  'followups.board': (ctx, input) => board(ctx, input),
  'followups.forTicket': (ctx, input) => forTicket(ctx, input),
  'followups.counts': (ctx) => counts(ctx),
  'holidays.list': (ctx, input) => listHolidays(ctx, input),
  'holidays.add': (ctx, input) => addHoliday(ctx, input),
  'holidays.remove': (ctx, input) => removeHoliday(ctx, input),
} satisfies HandlersFor<typeof followupsContract>;
