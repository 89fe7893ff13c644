// The visitor queue use cases (seed 001): issue, the board, calling (next, a chosen number, a
// skipped one), recall and skip. Each is one transaction; screens hear about changes through events
// published after commit. The SOP steps, transfers and ending a visit are in visit.ts.
import { prepared, qb, type WriteDb } from '../../platform/db';
import type { StepTimingsTable } from '../../platform/db/schema';
import type { ParsedInput, Priority, Stage, Ticket } from '../../../common/contract/index';
import type { StepRole } from '../../../common/domain/words';
import { callingOrder, formatLabel, normalsSinceLastPriority, pickNext, stageOf, type Candidate } from '../../../common/domain/queue';
import { officeDayStart } from '../../../common/domain/time';
import { AppFailure, iso, newId, requireActor, type Actor, type Ctx, type Deps } from '../../platform/context';
import { officeTimeZone } from '../../platform/office';
import { priorityRatio, serviceByCode } from '../catalog';
import { announce, canServe, changed, event, forAction, insertSteps, refuseWhileBusy, today } from './moves';
import { findTickets, getTicket, ticketOf } from './tickets';

export { event } from './moves';

// The queries of issue and call, built once (platform/db `prepared`): they run on every call of the day.
const NEXT_NUMBER = prepared((p: { serviceId: string; day: string }) =>
  qb
    .insertInto('ticket_counters')
    .values({ service_id: p.serviceId, day: p.day, last_no: 1 })
    .onConflict((oc) => oc.columns(['service_id', 'day']).doUpdateSet((eb) => ({ last_no: eb('ticket_counters.last_no', '+', 1) })))
    .returning('last_no'),
);
const NEW_TICKET = prepared(
  (p: { id: string; serviceId: string; day: string; number: number; label: string; priority: Priority | null; stage: Stage | null; issuedBy: string; at: string }) =>
    qb.insertInto('tickets').values({
      id: p.id, service_id: p.serviceId, current_service_id: p.serviceId, day: p.day, number: p.number,
      label: p.label, priority: p.priority, status: 'waiting',
      stage: p.stage, counter_no: null, assigned_user_id: null, handled_by: null,
      issued_by: p.issuedBy, issued_at: p.at, called_at: null, waiting_since: p.at, skipped_at: null, closed_at: null,
      end_reason: null, outcome: null, outcome_note: null, created_at: p.at, updated_at: p.at,
    }),
);
export function issueTicket(ctx: Ctx, input: ParsedInput<'queue.issue'>): Ticket {
  const actor = requireActor(ctx);
  const ticket = ctx.store.tx((w) => {
    const entry = serviceByCode(w, input.serviceCode);
    if (!entry || entry.service.active !== 1) throw new AppFailure('SERVICE_UNAVAILABLE', `Layanan ${input.serviceCode} tidak tersedia hari ini.`);
    const { service, steps } = entry;
    const firstServing = steps.find((s) => s.role !== 'satpam');
    if (!firstServing) throw new AppFailure('SERVICE_UNAVAILABLE', `Layanan ${service.name} belum punya langkah pelayanan.`);
    const now = ctx.now();
    const day = today(ctx);
    // Counter and ticket in one IMMEDIATE transaction: the number is taken and used atomically.
    // The counter and the (service_id, day, number) uniqueness are the issuing service's alone:
    // a transfer moves current_service_id only, so nothing transferred in can take this number.
    const counter = ctx.store.first(NEXT_NUMBER({ serviceId: service.id, day }))!;
    const id = newId();
    const at = iso(now);
    const label = formatLabel(service.code, counter.last_no);
    const stage = stageOf(firstServing.role);
    w.run(NEW_TICKET({ id, serviceId: service.id, day, number: counter.last_no, label, priority: input.priority, stage, issuedBy: actor.user.id, at }));
    const satpamStart = iso(new Date(now.getTime() - (input.satpamMs ?? 0)));
    const stepRows = steps.map((s): StepTimingsTable => {
      const bySatpam = s.role === 'satpam' && s.seq < firstServing.seq;
      return {
        id: newId(), ticket_id: id, seq: s.seq, name: s.name, role: s.role, mutu_baku_min: s.mutu_baku_min, service_id: service.id, step_seq: s.seq,
        ready_at: s.seq === firstServing.seq ? at : null,
        started_at: bySatpam ? satpamStart : null,
        ended_at: bySatpam ? at : null,
        user_id: bySatpam ? actor.user.id : null,
      };
    });
    insertSteps(w, stepRows);
    event(w, ctx, id, 'issued', { priority: input.priority !== null, data: { priority: input.priority } });
    // The answer from what was just written, as getTicket would read it back (tests/integration/queueIssueAnswer.test.ts).
    return ticketOf(
      {
        id, label, priority: input.priority, status: 'waiting', stage, counter_no: null, assigned_user_id: null, handled_by: null,
        issued_at: at, called_at: null, waiting_since: at, skipped_at: null, closed_at: null, end_reason: null, outcome: null, outcome_note: null,
        number: counter.last_no, code: service.code, service_name: service.name, issued_code: service.code, issued_service_name: service.name,
        has_case: 0, note_count: 0,
      },
      stepRows.map((r) => ({ ...r, code: service.code })),
    );
  });
  return changed(ctx, ticket);
}

type CandidateRow = { id: string; priority: Priority | null; waiting_since: string; number: number };

/** The waiting tickets this user may call at a stage (unassigned, or sent to them by name). */
function callable(ctx: Ctx, actor: Actor, stage: Stage): CandidateRow[] {
  return ctx.store.all(CALLABLE({ day: today(ctx), stage, userId: actor.user.id, deskId: actor.desk.id }));
}

const CALLABLE = prepared((p: { day: string; stage: Stage; userId: string; deskId: string }) =>
  qb
    .selectFrom('tickets')
    .select(['id', 'priority', 'waiting_since', 'number'])
    .where('day', '=', p.day)
    .where('status', '=', 'waiting')
    .where('stage', '=', p.stage)
    .where((eb) => eb.or([eb('assigned_user_id', 'is', null), eb('assigned_user_id', '=', p.userId)]))
    // The services the admin chose for this desk; a desk with none chosen calls every service.
    .where((eb) =>
      eb.or([
        eb.not(eb.exists(eb.selectFrom('desk_services').select('desk_id').where('desk_id', '=', p.deskId))),
        eb('current_service_id', 'in', eb.selectFrom('desk_services').select('service_id').where('desk_id', '=', p.deskId)),
      ]),
    ),
);
const DESK_STATUS = prepared((p: { id: string }) => qb.selectFrom('desks').select('status').where('id', '=', p.id));
const RECENT_CALLS = prepared((p: { stage: Stage; since: string; limit: number }) =>
  qb
    .selectFrom('ticket_events')
    .select('priority')
    .where('kind', '=', 'called')
    .where('stage', '=', p.stage)
    .where('at', '>=', p.since)
    .orderBy('at', 'desc')
    .limit(p.limit),
);
const MARK_CALLED = prepared((p: { id: string; counterNo: number; userId: string; at: string }) =>
  qb.updateTable('tickets')
    .set({ status: 'called', counter_no: p.counterNo, handled_by: p.userId, called_at: p.at, skipped_at: null, updated_at: p.at })
    .where('id', '=', p.id),
);
const MARK_SKIPPED = prepared((p: { id: string; at: string }) =>
  qb.updateTable('tickets').set({ status: 'skipped', handled_by: null, counter_no: null, skipped_at: p.at, updated_at: p.at }).where('id', '=', p.id),
);

/** A paused ("Istirahat") or closed ("Tutup") desk calls nobody: read from the desk row, not the session. */
function refuseUnlessOpen(ctx: Ctx, actor: Actor): void {
  const desk = ctx.store.first(DESK_STATUS({ id: actor.desk.id }));
  if (desk && desk.status !== 'open')
    throw new AppFailure(
      'DESK_PAUSED',
      desk.status === 'paused'
        ? 'Meja ini sedang istirahat. Pilih "Buka" di kepala layar untuk memanggil pengunjung lagi.'
        : 'Meja ini sedang tutup. Pilih "Buka" di kepala layar untuk memanggil pengunjung lagi.',
    );
}

/**
 * The priority rule's memory (also the visitor page's): normal visitors called at this stage today
 * since the last priority one, counted up to `ratio`, all the rule compares it with (choose).
 */
export function normalsSoFar(deps: Pick<Deps, 'store' | 'now'>, stage: Stage, ratio: number): number {
  const recent = deps.store.all(RECENT_CALLS({ stage, since: iso(officeDayStart(deps.now(), officeTimeZone(deps.store))), limit: Math.max(1, ratio) }));
  return normalsSinceLastPriority(recent.map((r) => ({ priority: r.priority === 1 })));
}

const toCandidate = (c: CandidateRow): Candidate => ({ id: c.id, priority: c.priority, waitingSince: c.waiting_since, number: c.number });

export function board(ctx: Ctx, input: ParsedInput<'queue.board'>) {
  const actor = requireActor(ctx);
  const day = today(ctx);
  const visible = findTickets(ctx, (q) =>
    q.where('t.day', '=', day).where('t.status', '=', 'waiting').where('t.stage', '=', input.stage).orderBy('t.waiting_since'),
  ).filter((t) => !t.assignedUserId || t.assignedUserId === actor.user.id || input.stage !== 'petugas');
  // The real calling order of what this user's callNext would take; tickets sent to someone else
  // by name (visible on a resepsionis board) follow, in arrival order.
  const ratio = priorityRatio(ctx);
  const order = callingOrder(callable(ctx, actor, input.stage).map(toCandidate), normalsSoFar(ctx, input.stage, ratio), ratio);
  const rank = new Map(order.map((c, i) => [c.id, i]));
  const waiting = [...visible].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
  const skipped = findTickets(ctx, (q) =>
    q.where('t.day', '=', day).where('t.status', '=', 'skipped').where('t.stage', '=', input.stage).orderBy('t.skipped_at'),
  );
  const mine = findTickets(ctx, (q) =>
    q.where('t.day', '=', day).where('t.status', 'in', ['called', 'serving']).where('t.handled_by', '=', actor.user.id).orderBy('t.called_at'),
  );
  return { waiting, nextTicketId: order[0]?.id ?? null, skipped, mine, priorityRatio: ratio };
}

/** Puts a waiting or skipped ticket at this desk and records the call (the TV announces it after commit). */
function markCalled(w: WriteDb, ctx: Ctx, actor: Actor, ticket: { id: string; stage: Stage | null; priority: Priority | null }, callId: string, fromSkipped: boolean): void {
  const at = iso(ctx.now());
  w.run(MARK_CALLED({ id: ticket.id, counterNo: actor.desk.counterNo, userId: actor.user.id, at }));
  event(w, ctx, ticket.id, 'called', {
    stage: ticket.stage, priority: ticket.priority !== null, counterNo: actor.desk.counterNo,
    data: fromSkipped ? { callId, fromSkipped: true } : { callId },
  });
}

function announced(ctx: Ctx, actor: Actor, ticket: Ticket, callId: string): Ticket {
  announce(ctx, ticket, actor.desk.counterNo, callId);
  return changed(ctx, ticket);
}

export function callNext(ctx: Ctx, input: ParsedInput<'queue.callNext'>): Ticket | null {
  const actor = requireActor(ctx);
  if (!canServe(actor, input.stage)) throw new AppFailure('FORBIDDEN', `Anda tidak bertugas sebagai ${input.stage}.`);
  const callId = newId();
  const ticket = ctx.store.tx((w) => {
    refuseUnlessOpen(ctx, actor);
    refuseWhileBusy(ctx, actor, input.force);
    const ratio = priorityRatio(ctx);
    const next = pickNext(callable(ctx, actor, input.stage).map(toCandidate), normalsSoFar(ctx, input.stage, ratio), ratio);
    if (!next) return null;
    markCalled(w, ctx, actor, { id: next.id, stage: input.stage, priority: next.priority }, callId, false);
    return getTicket(ctx, next.id);
  });
  return ticket ? announced(ctx, actor, ticket, callId) : null;
}

/** "Panggil nomor ini": a chosen waiting number, with callNext's guards and announcement. */
export function callTicket(ctx: Ctx, input: ParsedInput<'queue.callTicket'>): Ticket {
  const callId = newId();
  const { ticket, actor } = ctx.store.tx((w) => {
    const r = forAction(ctx, input.ticketId, 'call', false);
    if (r.ticket.assignedUserId && r.ticket.assignedUserId !== r.actor.user.id)
      throw new AppFailure('NOT_YOURS', `Antrean ${r.ticket.label} dialihkan ke petugas lain.`);
    refuseUnlessOpen(ctx, r.actor);
    refuseWhileBusy(ctx, r.actor, input.force);
    markCalled(w, ctx, r.actor, r.ticket, callId, false);
    return { ticket: getTicket(ctx, r.ticket.id), actor: r.actor };
  });
  return announced(ctx, actor, ticket, callId);
}

export function recall(ctx: Ctx, input: ParsedInput<'queue.recall'>): Ticket {
  const callId = newId();
  const { ticket, actor } = ctx.store.tx((w) => {
    const r = forAction(ctx, input.ticketId, 'recall', true);
    event(w, ctx, r.ticket.id, 'recalled', { stage: r.ticket.stage, counterNo: r.actor.desk.counterNo, data: { callId } });
    return r;
  });
  return announced(ctx, actor, ticket, callId);
}

export function skip(ctx: Ctx, input: ParsedInput<'queue.skip'>): Ticket {
  return changed(ctx, ctx.store.tx((w) => {
    const { ticket } = forAction(ctx, input.ticketId, 'skip', true);
    const at = iso(ctx.now());
    w.run(MARK_SKIPPED({ id: ticket.id, at }));
    event(w, ctx, ticket.id, 'skipped', { stage: ticket.stage });
    return getTicket(ctx, ticket.id);
  }));
}

export function callSkipped(ctx: Ctx, input: ParsedInput<'queue.callSkipped'>): Ticket {
  const callId = newId();
  const { ticket, actor } = ctx.store.tx((w) => {
    const r = forAction(ctx, input.ticketId, 'callSkipped', false);
    refuseUnlessOpen(ctx, r.actor);
    refuseWhileBusy(ctx, r.actor, input.force);
    markCalled(w, ctx, r.actor, r.ticket, callId, true);
    return { ticket: getTicket(ctx, r.ticket.id), actor: r.actor };
  });
  return announced(ctx, actor, ticket, callId);
}
