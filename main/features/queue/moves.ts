// What every queue move shares: the ticket's history, events to screens, the checks before a move.
import { prepared, qb, type WriteDb } from '../../platform/db';
import type { Compilable } from 'kysely';
import type { StepTimingsTable, TicketEventKind } from '../../platform/db/schema';
import type { Stage, Ticket } from '../../../common/contract/index';
import { canDo, transitionError, type QueueAction } from '../../../common/domain/queue';
import { officeDay } from '../../../common/domain/time';
import { AppFailure, hasRole, iso, newId, requireActor, type Actor, type Ctx } from '../../platform/context';
import { officeTimeZone } from '../../platform/office';
import { getTicket } from './tickets';

/** Appends to a ticket's history (ticket_events), inside the caller's transaction. */
const EVENT = prepared(
  (p: { id: string; ticketId: string; kind: TicketEventKind; at: string; userId: string | null; deskId: string | null; stage: Stage | null; priority: number; counterNo: number | null; data: string | null }) =>
    qb.insertInto('ticket_events').values({
      id: p.id, ticket_id: p.ticketId, kind: p.kind, at: p.at, user_id: p.userId, desk_id: p.deskId,
      stage: p.stage, priority: p.priority, counter_no: p.counterNo, data: p.data,
    }),
);

export function event(w: WriteDb, ctx: Ctx, ticketId: string, kind: TicketEventKind, extra: { stage?: Stage | null; priority?: boolean; counterNo?: number | null; data?: unknown } = {}) {
  const actor = ctx.actor;
  w.run(
    EVENT({
      id: newId(), ticketId, kind, at: iso(ctx.now()), userId: actor?.user.id ?? null, deskId: actor?.desk.id ?? null,
      stage: extra.stage ?? null, priority: extra.priority ? 1 : 0, counterNo: extra.counterNo ?? null,
      data: extra.data === undefined ? null : JSON.stringify(extra.data),
    }),
  );
}

/** Step rows for a ticket (issued, or moved to another service) in one statement: one built per count of rows (a service has a handful). */
const NEW_STEPS = new Map<number, (args: Record<string, unknown>) => Compilable<unknown>>();
export function insertSteps(w: WriteDb, rows: StepTimingsTable[]): void {
  if (rows.length === 0) return;
  let insert = NEW_STEPS.get(rows.length);
  if (!insert) {
    const n = rows.length;
    const made = prepared((p: Record<string, unknown>) => qb.insertInto('step_timings').values(Array.from({ length: n }, (_, i) => rowOf(p, i))));
    NEW_STEPS.set(n, made);
    insert = made;
  }
  const args: Record<string, unknown> = {};
  rows.forEach((r, i) => {
    for (const key of STEP_COLUMNS) args[`${key}${i}`] = r[key];
  });
  w.run(insert(args));
}
const STEP_COLUMNS = ['id', 'ticket_id', 'seq', 'name', 'role', 'mutu_baku_min', 'service_id', 'step_seq', 'ready_at', 'started_at', 'ended_at', 'user_id'] as const satisfies readonly (keyof StepTimingsTable)[];
const rowOf = (p: Record<string, unknown>, i: number): StepTimingsTable =>
  Object.fromEntries(STEP_COLUMNS.map((key) => [key, p[`${key}${i}`]])) as unknown as StepTimingsTable;

export function changed(ctx: Ctx, t: Ticket): Ticket {
  ctx.events.push({ type: 'queue.changed', ticketId: t.id, stage: t.stage, status: t.status });
  return t;
}

export function announce(ctx: Ctx, t: Ticket, counterNo: number, callId: string): void {
  ctx.events.push({ type: 'display.call', call: { callId, label: t.label, counterNo, at: iso(ctx.now()) } });
}

export function today(ctx: Ctx): string {
  return officeDay(ctx.now(), officeTimeZone(ctx.store));
}

export function canServe(actor: Actor, stage: Stage): boolean {
  return hasRole(actor, stage);
}

/** Loads a ticket for an action by the signed-in desk, checking the move is allowed. */
export function forAction(ctx: Ctx, ticketId: string, action: QueueAction, mustBeMine: boolean): { ticket: Ticket; actor: Actor } {
  const actor = requireActor(ctx);
  const ticket = getTicket(ctx, ticketId);
  if (!canDo(action, ticket.status)) throw new AppFailure('INVALID_STATE', transitionError(action, ticket.status, ticket.label));
  const anyDesk = action === 'transfer' || action === 'endVisit' || action === 'closeNoShow';
  if (ticket.stage && !canServe(actor, ticket.stage) && !(anyDesk && hasRole(actor, 'resepsionis', 'petugas')))
    throw new AppFailure('FORBIDDEN', `Nomor antrean ${ticket.label} sedang di tahap ${ticket.stage}, bukan tugas Anda.`);
  if (mustBeMine && ticket.handledByUserId !== actor.user.id)
    throw new AppFailure('NOT_YOURS', `Nomor antrean ${ticket.label} sedang dilayani petugas lain.`);
  return { ticket, actor };
}

/**
 * Calling a visitor while this user still has one called or being served at the desk would send two
 * people to one counter: refused unless the person confirmed (`force`).
 */
const BUSY = prepared((p: { day: string; userId: string }) =>
  qb.selectFrom('tickets').select(['label', 'status'])
    .where('day', '=', p.day).where('handled_by', '=', p.userId).where('status', 'in', ['called', 'serving'])
    .orderBy('called_at').limit(1),
);

export function refuseWhileBusy(ctx: Ctx, actor: Actor, force: boolean | undefined): void {
  if (force) return;
  const busy = ctx.store.first(BUSY({ day: today(ctx), userId: actor.user.id }));
  if (busy)
    throw new AppFailure(
      'BUSY_WITH_VISITOR',
      `Anda masih ${busy.status === 'serving' ? 'melayani' : 'memanggil'} antrean ${busy.label}. Selesaikan, lewati, alihkan, atau akhiri kunjungannya dulu sebelum memanggil nomor lain.`,
    );
}

/** The visitor waits for the step `nextSeq` at `stage`, at no desk yet. */
export function handOver(w: WriteDb, ctx: Ctx, ticketId: string, nextSeq: number, stage: Stage | null, at: string): void {
  w.run(qb.updateTable('step_timings').set({ ready_at: at }).where('ticket_id', '=', ticketId).where('seq', '=', nextSeq));
  w.run(
    qb.updateTable('tickets')
      .set({ status: 'waiting', stage, handled_by: null, counter_no: null, waiting_since: at, updated_at: at })
      .where('id', '=', ticketId),
  );
}
