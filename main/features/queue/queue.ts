// The visitor queue use cases (seed 001): issue, call, recall, skip, transfer, and the SOP steps.
// Each is one transaction; screens hear about changes through events published after commit.
import { qb, type WriteDb } from '../../platform/db';
import type { TicketEventKind } from '../../platform/db/schema';
import { parseRoles, type ParsedInput, type Stage, type Ticket } from '../../../common/contract/index';
import {
  canDo, formatLabel, normalsSinceLastPriority, pickNext, stageOf, transitionError, type QueueAction,
} from '../../../common/domain/queue';
import { officeDay, officeDayStart } from '../../../common/domain/time';
import { AppFailure, audit, hasRole, iso, newId, requireActor, type Actor, type Ctx } from '../../platform/context';
import { priorityRatio } from '../catalog';
import { findTickets, getTicket } from './tickets';
import { officeTimeZone } from '../../platform/office';

/** Appends to a ticket's history (ticket_events), inside the caller's transaction. */
export function event(w: WriteDb, ctx: Ctx, ticketId: string, kind: TicketEventKind, extra: { stage?: Stage | null; priority?: boolean; counterNo?: number | null; data?: unknown } = {}) {
  const actor = ctx.actor;
  w.run(
    qb.insertInto('ticket_events').values({
      id: newId(), ticket_id: ticketId, kind, at: iso(ctx.now()), user_id: actor?.user.id ?? null, desk_id: actor?.desk.id ?? null,
      stage: extra.stage ?? null, priority: extra.priority ? 1 : 0, counter_no: extra.counterNo ?? null,
      data: extra.data === undefined ? null : JSON.stringify(extra.data),
    }),
  );
}

function changed(ctx: Ctx, t: Ticket): Ticket {
  ctx.events.push({ type: 'queue.changed', ticketId: t.id, stage: t.stage, status: t.status });
  return t;
}

function announce(ctx: Ctx, t: Ticket, counterNo: number, callId: string): void {
  ctx.events.push({ type: 'display.call', call: { callId, label: t.label, counterNo, at: iso(ctx.now()) } });
}

export function issueTicket(ctx: Ctx, input: ParsedInput<'queue.issue'>): Ticket {
  const actor = requireActor(ctx);
  const ticket = ctx.store.tx((w) => {
    const service = ctx.store.first(qb.selectFrom('services').selectAll().where('code', '=', input.serviceCode));
    if (!service || service.active !== 1) throw new AppFailure('SERVICE_UNAVAILABLE', `Layanan ${input.serviceCode} tidak tersedia hari ini.`);
    const steps = ctx.store.all(qb.selectFrom('service_steps').selectAll().where('service_id', '=', service.id).orderBy('seq'));
    const firstServing = steps.find((s) => s.role !== 'satpam');
    if (!firstServing) throw new AppFailure('SERVICE_UNAVAILABLE', `Layanan ${service.name} belum punya langkah pelayanan.`);
    const now = ctx.now();
    const day = officeDay(now, officeTimeZone(ctx.store));
    // Counter and ticket in one IMMEDIATE transaction: the number is taken and used atomically.
    const counter = ctx.store.first(
      qb
        .insertInto('ticket_counters')
        .values({ service_id: service.id, day, last_no: 1 })
        .onConflict((oc) => oc.columns(['service_id', 'day']).doUpdateSet((eb) => ({ last_no: eb('ticket_counters.last_no', '+', 1) })))
        .returning('last_no'),
    )!;
    const id = newId();
    const at = iso(now);
    w.run(
      qb.insertInto('tickets').values({
        id, service_id: service.id, day, number: counter.last_no, label: formatLabel(service.code, counter.last_no),
        priority: input.priority, status: 'waiting', stage: stageOf(firstServing.role), counter_no: null,
        assigned_user_id: null, handled_by: null, issued_by: actor.user.id, issued_at: at, called_at: null,
        waiting_since: at, created_at: at, updated_at: at,
      }),
    );
    const satpamStart = iso(new Date(now.getTime() - (input.satpamMs ?? 0)));
    for (const s of steps) {
      const bySatpam = s.role === 'satpam' && s.seq < firstServing.seq;
      w.run(
        qb.insertInto('step_timings').values({
          id: newId(), ticket_id: id, seq: s.seq, name: s.name, role: s.role, mutu_baku_min: s.mutu_baku_min,
          ready_at: s.seq === firstServing.seq ? at : null,
          started_at: bySatpam ? satpamStart : null,
          ended_at: bySatpam ? at : null,
          user_id: bySatpam ? actor.user.id : null,
        }),
      );
    }
    event(w, ctx, id, 'issued', { priority: input.priority !== null, data: { priority: input.priority } });
    return getTicket(ctx, id);
  });
  return changed(ctx, ticket);
}

function canServe(actor: Actor, stage: Stage): boolean {
  return hasRole(actor, stage);
}

function today(ctx: Ctx): string {
  return officeDay(ctx.now(), officeTimeZone(ctx.store));
}

export function board(ctx: Ctx, input: ParsedInput<'queue.board'>) {
  const actor = requireActor(ctx);
  const day = today(ctx);
  const waiting = findTickets(ctx, (q) =>
    q.where('t.day', '=', day).where('t.status', '=', 'waiting').where('t.stage', '=', input.stage).orderBy('t.waiting_since'),
  ).filter((t) => !t.assignedUserId || t.assignedUserId === actor.user.id || input.stage !== 'petugas');
  const skipped = findTickets(ctx, (q) =>
    q.where('t.day', '=', day).where('t.status', '=', 'skipped').where('t.stage', '=', input.stage).orderBy('t.waiting_since'),
  );
  const mine = findTickets(ctx, (q) =>
    q.where('t.day', '=', day).where('t.status', 'in', ['called', 'serving']).where('t.handled_by', '=', actor.user.id).orderBy('t.called_at'),
  );
  return { waiting, skipped, mine, priorityRatio: priorityRatio(ctx) };
}

export function callNext(ctx: Ctx, input: ParsedInput<'queue.callNext'>): Ticket | null {
  const actor = requireActor(ctx);
  if (!canServe(actor, input.stage)) throw new AppFailure('FORBIDDEN', `Anda tidak bertugas sebagai ${input.stage}.`);
  const callId = newId();
  const ticket = ctx.store.tx((w) => {
    const day = today(ctx);
    const candidates = ctx.store.all(
      qb
        .selectFrom('tickets')
        .select(['id', 'priority', 'waiting_since', 'number', 'assigned_user_id'])
        .where('day', '=', day)
        .where('status', '=', 'waiting')
        .where('stage', '=', input.stage)
        .where((eb) => eb.or([eb('assigned_user_id', 'is', null), eb('assigned_user_id', '=', actor.user.id)])),
    );
    const recent = ctx.store.all(
      qb
        .selectFrom('ticket_events')
        .select('priority')
        .where('kind', '=', 'called')
        .where('stage', '=', input.stage)
        .where('at', '>=', iso(officeDayStart(ctx.now(), officeTimeZone(ctx.store))))
        .orderBy('at', 'desc')
        .limit(50),
    );
    const next = pickNext(
      candidates.map((c) => ({ id: c.id, priority: c.priority as never, waitingSince: c.waiting_since, number: c.number })),
      normalsSinceLastPriority(recent.map((r) => ({ priority: r.priority === 1 }))),
      priorityRatio(ctx),
    );
    if (!next) return null;
    const at = iso(ctx.now());
    w.run(
      qb.updateTable('tickets')
        .set({ status: 'called', counter_no: actor.desk.counterNo, handled_by: actor.user.id, called_at: at, updated_at: at })
        .where('id', '=', next.id).where('status', '=', 'waiting'),
    );
    event(w, ctx, next.id, 'called', { stage: input.stage, priority: next.priority !== null, counterNo: actor.desk.counterNo, data: { callId } });
    return getTicket(ctx, next.id);
  });
  if (!ticket) return null;
  announce(ctx, ticket, actor.desk.counterNo, callId);
  return changed(ctx, ticket);
}

/** Loads a ticket for an action by the signed-in desk, checking the move is allowed. */
function forAction(ctx: Ctx, ticketId: string, action: QueueAction, mustBeMine: boolean): { ticket: Ticket; actor: Actor } {
  const actor = requireActor(ctx);
  const ticket = getTicket(ctx, ticketId);
  if (!canDo(action, ticket.status)) throw new AppFailure('INVALID_STATE', transitionError(action, ticket.status, ticket.label));
  if (ticket.stage && !canServe(actor, ticket.stage) && !(action === 'transfer' && hasRole(actor, 'resepsionis', 'petugas')))
    throw new AppFailure('FORBIDDEN', `Antrian ${ticket.label} sedang di tahap ${ticket.stage}, bukan tugas Anda.`);
  if (mustBeMine && ticket.handledByUserId !== actor.user.id)
    throw new AppFailure('NOT_YOURS', `Antrian ${ticket.label} sedang dilayani petugas lain.`);
  return { ticket, actor };
}

export function recall(ctx: Ctx, input: ParsedInput<'queue.recall'>): Ticket {
  const callId = newId();
  const { ticket, actor } = ctx.store.tx((w) => {
    const r = forAction(ctx, input.ticketId, 'recall', true);
    event(w, ctx, r.ticket.id, 'recalled', { stage: r.ticket.stage, counterNo: r.actor.desk.counterNo, data: { callId } });
    return r;
  });
  announce(ctx, ticket, actor.desk.counterNo, callId);
  return changed(ctx, ticket);
}

export function skip(ctx: Ctx, input: ParsedInput<'queue.skip'>): Ticket {
  return changed(ctx, ctx.store.tx((w) => {
    const { ticket } = forAction(ctx, input.ticketId, 'skip', true);
    const at = iso(ctx.now());
    w.run(qb.updateTable('tickets').set({ status: 'skipped', handled_by: null, counter_no: null, updated_at: at }).where('id', '=', ticket.id));
    event(w, ctx, ticket.id, 'skipped', { stage: ticket.stage });
    return getTicket(ctx, ticket.id);
  }));
}

export function callSkipped(ctx: Ctx, input: ParsedInput<'queue.callSkipped'>): Ticket {
  const callId = newId();
  const { ticket, actor } = ctx.store.tx((w) => {
    const r = forAction(ctx, input.ticketId, 'callSkipped', false);
    const at = iso(ctx.now());
    w.run(
      qb.updateTable('tickets')
        .set({ status: 'called', handled_by: r.actor.user.id, counter_no: r.actor.desk.counterNo, called_at: at, updated_at: at })
        .where('id', '=', r.ticket.id),
    );
    event(w, ctx, r.ticket.id, 'called', { stage: r.ticket.stage, priority: r.ticket.priority !== null, counterNo: r.actor.desk.counterNo, data: { callId, fromSkipped: true } });
    return { ticket: getTicket(ctx, r.ticket.id), actor: r.actor };
  });
  announce(ctx, ticket, actor.desk.counterNo, callId);
  return changed(ctx, ticket);
}

export function startStep(ctx: Ctx, input: ParsedInput<'queue.startStep'>): Ticket {
  return changed(ctx, ctx.store.tx((w) => {
    const { ticket, actor } = forAction(ctx, input.ticketId, 'startStep', true);
    const step = ticket.currentStep;
    if (!step || step.role !== ticket.stage) throw new AppFailure('INVALID_STATE', `Antrian ${ticket.label} tidak punya langkah untuk dimulai di sini.`);
    const at = iso(ctx.now());
    w.run(qb.updateTable('step_timings').set({ started_at: at, user_id: actor.user.id }).where('ticket_id', '=', ticket.id).where('seq', '=', step.seq).where('started_at', 'is', null));
    w.run(qb.updateTable('tickets').set({ status: 'serving', updated_at: at }).where('id', '=', ticket.id));
    event(w, ctx, ticket.id, 'step_started', { stage: ticket.stage, data: { seq: step.seq } });
    return getTicket(ctx, ticket.id);
  }));
}

/** Ends the current step. The next step of the same role starts at once (same person, same
 *  desk); a step of another role puts the visitor back in the waiting room for that stage. */
export function finishStep(ctx: Ctx, input: ParsedInput<'queue.finishStep'>): Ticket {
  return changed(ctx, ctx.store.tx((w) => {
    const { ticket, actor } = forAction(ctx, input.ticketId, 'finishStep', true);
    const step = ticket.currentStep;
    if (!step?.startedAt) throw new AppFailure('INVALID_STATE', `Langkah antrian ${ticket.label} belum dimulai.`);
    const at = iso(ctx.now());
    w.run(qb.updateTable('step_timings').set({ ended_at: at }).where('ticket_id', '=', ticket.id).where('seq', '=', step.seq));
    event(w, ctx, ticket.id, 'step_finished', { stage: ticket.stage, data: { seq: step.seq } });
    const next = ticket.steps.find((s) => s.seq > step.seq && s.endedAt === null);
    if (!next) {
      w.run(qb.updateTable('tickets').set({ status: 'done', stage: null, updated_at: at }).where('id', '=', ticket.id));
      event(w, ctx, ticket.id, 'finished');
    } else if (next.role === ticket.stage) {
      w.run(qb.updateTable('step_timings').set({ ready_at: at, started_at: at, user_id: actor.user.id }).where('ticket_id', '=', ticket.id).where('seq', '=', next.seq));
    } else {
      handOver(w, ctx, ticket.id, next.seq, stageOf(next.role), at);
      event(w, ctx, ticket.id, 'handed_over', { stage: stageOf(next.role) });
    }
    return getTicket(ctx, ticket.id);
  }));
}

function handOver(w: WriteDb, ctx: Ctx, ticketId: string, nextSeq: number, stage: Stage | null, at: string): void {
  w.run(qb.updateTable('step_timings').set({ ready_at: at }).where('ticket_id', '=', ticketId).where('seq', '=', nextSeq));
  w.run(
    qb.updateTable('tickets')
      .set({ status: 'waiting', stage, handled_by: null, counter_no: null, waiting_since: at, updated_at: at })
      .where('id', '=', ticketId),
  );
}

export function transfer(ctx: Ctx, input: ParsedInput<'queue.transfer'>): Ticket {
  if (!input.serviceCode && !input.toUserId)
    throw new AppFailure('VALIDATION', 'Pilih layanan atau petugas tujuan pengalihan.', { serviceCode: 'Pilih tujuan.' });
  return changed(ctx, ctx.store.tx((w) => {
    const { ticket } = forAction(ctx, input.ticketId, 'transfer', false);
    const at = iso(ctx.now());
    const open = ticket.currentStep;
    // A step already under way is closed as served so far; its time stays in the record.
    if (open?.startedAt) w.run(qb.updateTable('step_timings').set({ ended_at: at }).where('ticket_id', '=', ticket.id).where('seq', '=', open.seq));
    let serviceId: string | null = null;
    if (input.serviceCode) {
      const service = ctx.store.first(qb.selectFrom('services').selectAll().where('code', '=', input.serviceCode).where('active', '=', 1));
      if (!service) throw new AppFailure('SERVICE_UNAVAILABLE', `Layanan ${input.serviceCode} tidak tersedia.`);
      serviceId = service.id;
      w.run(qb.deleteFrom('step_timings').where('ticket_id', '=', ticket.id).where('started_at', 'is', null));
      // Steps the visitor already went through (the greeting, say) are not repeated.
      const done = new Set(ticket.steps.filter((s) => s.startedAt).map((s) => s.name));
      const steps = ctx.store
        .all(qb.selectFrom('service_steps').selectAll().where('service_id', '=', service.id).where('role', '!=', 'satpam').orderBy('seq'))
        .filter((s) => !done.has(s.name));
      const base = Math.max(0, ...ticket.steps.filter((s) => s.startedAt).map((s) => s.seq));
      steps.forEach((s, i) =>
        w.run(qb.insertInto('step_timings').values({
          id: newId(), ticket_id: ticket.id, seq: base + i + 1, name: s.name, role: s.role, mutu_baku_min: s.mutu_baku_min,
          ready_at: null, started_at: null, ended_at: null, user_id: null,
        })),
      );
    }
    if (input.toUserId) {
      const target = ctx.store.first(qb.selectFrom('users').select(['id', 'roles', 'active']).where('id', '=', input.toUserId));
      if (!target || target.active !== 1 || !parseRoles(target.roles).includes('petugas'))
        throw new AppFailure('VALIDATION', 'Petugas tujuan tidak ditemukan atau tidak aktif.', { toUserId: 'Pilih petugas yang aktif.' });
      // Sent to a named petugas now: the unstarted steps before the first petugas step are passed
      // over. They are closed without a start time, so the dashboard never counts them as served.
      const pending = ctx.store.all(
        qb.selectFrom('step_timings').select(['seq', 'role']).where('ticket_id', '=', ticket.id).where('ended_at', 'is', null).orderBy('seq'),
      );
      const firstPetugas = pending.find((s) => s.role === 'petugas');
      if (!firstPetugas) throw new AppFailure('INVALID_STATE', `Layanan antrian ${ticket.label} tidak punya langkah untuk petugas.`);
      for (const s of pending.filter((p) => p.seq < firstPetugas.seq))
        w.run(qb.updateTable('step_timings').set({ ended_at: at }).where('ticket_id', '=', ticket.id).where('seq', '=', s.seq).where('started_at', 'is', null));
    }
    const remaining = ctx.store.all(qb.selectFrom('step_timings').select(['seq', 'role']).where('ticket_id', '=', ticket.id).where('ended_at', 'is', null).orderBy('seq'));
    const next = remaining[0];
    if (!next) throw new AppFailure('INVALID_STATE', `Antrian ${ticket.label} tidak punya langkah tersisa untuk dialihkan.`);
    if (serviceId) w.run(qb.updateTable('tickets').set({ service_id: serviceId }).where('id', '=', ticket.id));
    w.run(qb.updateTable('tickets').set({ assigned_user_id: input.toUserId ?? ticket.assignedUserId }).where('id', '=', ticket.id));
    handOver(w, ctx, ticket.id, next.seq, stageOf(next.role), at);
    event(w, ctx, ticket.id, 'transferred', { stage: stageOf(next.role), data: { serviceCode: input.serviceCode ?? null, toUserId: input.toUserId ?? null } });
    audit(w, ctx, 'queue.transfer', 'ticket', ticket.id, { serviceCode: input.serviceCode, toUserId: input.toUserId });
    return getTicket(ctx, ticket.id);
  }));
}
