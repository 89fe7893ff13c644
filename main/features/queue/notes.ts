// Notes on a ticket and the list of petugas a ticket can be sent to.
import { qb } from '../../platform/db';
import { parseRoles, type ParsedInput } from '../../../common/contract/index';
import { requireActor, type Ctx } from '../../platform/context';
import { event } from './moves';
import { getTicket } from './tickets';

export function addNote(ctx: Ctx, input: ParsedInput<'queue.addNote'>) {
  requireActor(ctx);
  ctx.store.tx((w) => {
    getTicket(ctx, input.ticketId);
    event(w, ctx, input.ticketId, 'note', { data: { text: input.text } });
  });
  return {};
}

export function notes(ctx: Ctx, input: ParsedInput<'queue.notes'>) {
  return ctx.store
    .all(
      qb.selectFrom('ticket_events as e').leftJoin('users as u', 'u.id', 'e.user_id')
        .select(['e.at', 'e.data', 'u.full_name']).where('e.ticket_id', '=', input.ticketId).where('e.kind', '=', 'note').orderBy('e.at'),
    )
    .map((r) => ({ at: r.at, userName: r.full_name ?? '-', text: (JSON.parse(r.data ?? '{}') as { text?: string }).text ?? '' }));
}

export function petugasList(ctx: Ctx) {
  return ctx.store
    .all(qb.selectFrom('users').select(['id', 'full_name', 'roles']).where('active', '=', 1).orderBy('full_name'))
    .filter((u) => parseRoles(u.roles).includes('petugas'))
    .map((u) => ({ id: u.id, fullName: u.full_name }));
}

