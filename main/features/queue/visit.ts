// A visit after it is called: the SOP steps, transfers, and ending it early. Each is one
// transaction with its history rows; the guards the issue asks for are here: no visitor reaches
// the petugas without a saved case unless the resepsionis confirms why, and the petugas records
// an outcome before the last step.
import { qb, type WriteDb } from '../../platform/db';
import type { ParsedInput, Ticket } from '../../../common/contract/index';
import { parseRoles } from '../../../common/contract/index';
import { stageOf } from '../../../common/domain/queue';
import { AppFailure, audit, iso, newId, type Ctx } from '../../platform/context';
import { serviceByCode } from '../catalog';
import { changed, event, forAction, handOver, insertSteps } from './moves';
import { getTicket } from './tickets';

/** Refuses moving a visitor on without a saved case, unless the input says why (then audited). */
function requireCase(w: WriteDb, ctx: Ctx, ticket: Ticket, noCaseReason: string | undefined, action: string): void {
  if (ticket.hasCase) return;
  if (!noCaseReason)
    throw new AppFailure(
      'CASE_REQUIRED',
      `Data pengunjung antrean ${ticket.label} belum disimpan. Simpan data kasus dulu, atau lanjutkan tanpa data dengan menuliskan alasannya.`,
      { noCaseReason: 'Tuliskan alasan melanjutkan tanpa data pengunjung.' },
    );
  audit(w, ctx, 'queue.noCase', 'ticket', ticket.id, { action, reason: noCaseReason });
}

export function startStep(ctx: Ctx, input: ParsedInput<'queue.startStep'>): Ticket {
  return changed(ctx, ctx.store.tx((w) => {
    const { ticket, actor } = forAction(ctx, input.ticketId, 'startStep', true);
    const step = ticket.currentStep;
    if (!step || step.role !== ticket.stage) throw new AppFailure('INVALID_STATE', `Nomor antrean ${ticket.label} tidak punya langkah untuk dimulai di sini.`);
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
    if (!step?.startedAt) throw new AppFailure('INVALID_STATE', `Langkah nomor antrean ${ticket.label} belum dimulai.`);
    const later = ticket.steps.filter((s) => s.seq > step.seq && s.endedAt === null);
    const lastOfRole = !later.some((s) => s.role === step.role);
    if (lastOfRole && step.role === 'resepsionis') requireCase(w, ctx, ticket, input.noCaseReason, 'queue.finishStep');
    const at = iso(ctx.now());
    if (lastOfRole && step.role === 'petugas') {
      if (!input.outcome || !input.outcomeNote) {
        const fields: Record<string, string> = {};
        if (!input.outcome) fields.outcome = 'Pilih hasil layanan.';
        if (!input.outcomeNote) fields.outcomeNote = 'Tuliskan keterangan singkat hasil layanan.';
        throw new AppFailure('OUTCOME_REQUIRED', `Catat hasil layanan antrean ${ticket.label} (selesai, dirujuk, kurang berkas, atau ditolak) dan keterangannya sebelum menyelesaikan langkah terakhir.`, fields);
      }
      w.run(qb.updateTable('tickets').set({ outcome: input.outcome, outcome_note: input.outcomeNote, updated_at: at }).where('id', '=', ticket.id));
      audit(w, ctx, 'queue.outcome', 'ticket', ticket.id, { outcome: input.outcome, note: input.outcomeNote });
    }
    w.run(qb.updateTable('step_timings').set({ ended_at: at }).where('ticket_id', '=', ticket.id).where('seq', '=', step.seq));
    event(w, ctx, ticket.id, 'step_finished', { stage: ticket.stage, data: { seq: step.seq } });
    const next = later[0];
    if (!next) {
      w.run(qb.updateTable('tickets').set({ status: 'done', stage: null, closed_at: at, updated_at: at }).where('id', '=', ticket.id));
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

/**
 * Sends a visitor to another service and/or a named petugas. The ticket keeps its number and its
 * issuing service (which owns the numbering); only the service it is in now changes, so a transfer
 * never collides with the target's own numbers, either way, however often. The steps appended are
 * the target service's, each recorded with that service and its own step number.
 */
export function transfer(ctx: Ctx, input: ParsedInput<'queue.transfer'>): Ticket {
  if (!input.serviceCode && !input.toUserId)
    throw new AppFailure('VALIDATION', 'Pilih layanan atau petugas tujuan pengalihan.', { serviceCode: 'Pilih tujuan.' });
  return changed(ctx, ctx.store.tx((w) => {
    const { ticket } = forAction(ctx, input.ticketId, 'transfer', false);
    requireCase(w, ctx, ticket, input.noCaseReason, 'queue.transfer');
    const at = iso(ctx.now());
    const open = ticket.currentStep;
    // A step already under way is closed as served so far; its time stays in the record.
    if (open?.startedAt) w.run(qb.updateTable('step_timings').set({ ended_at: at }).where('ticket_id', '=', ticket.id).where('seq', '=', open.seq));
    let serviceId: string | null = null;
    if (input.serviceCode) {
      const entry = serviceByCode(w, input.serviceCode);
      if (!entry || entry.service.active !== 1) throw new AppFailure('SERVICE_UNAVAILABLE', `Layanan ${input.serviceCode} tidak tersedia.`);
      const service = entry.service;
      serviceId = service.id;
      w.run(qb.deleteFrom('step_timings').where('ticket_id', '=', ticket.id).where('started_at', 'is', null).where('ended_at', 'is', null));
      // Steps the visitor already went through (the greeting, say) are not repeated.
      const done = new Set(ticket.steps.filter((s) => s.startedAt).map((s) => s.name));
      const steps = entry.steps.filter((s) => s.role !== 'satpam' && !done.has(s.name));
      const base = Math.max(0, ...ticket.steps.filter((s) => s.startedAt || s.endedAt).map((s) => s.seq));
      insertSteps(
        w,
        steps.map((s, i) => ({
          id: newId(), ticket_id: ticket.id, seq: base + i + 1, name: s.name, role: s.role, mutu_baku_min: s.mutu_baku_min,
          service_id: service.id, step_seq: s.seq, ready_at: null, started_at: null, ended_at: null, user_id: null,
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
      if (!firstPetugas) throw new AppFailure('INVALID_STATE', `Layanan nomor antrean ${ticket.label} tidak punya langkah untuk petugas.`);
      for (const s of pending.filter((p) => p.seq < firstPetugas.seq))
        w.run(qb.updateTable('step_timings').set({ ended_at: at }).where('ticket_id', '=', ticket.id).where('seq', '=', s.seq).where('started_at', 'is', null));
    }
    const remaining = ctx.store.all(qb.selectFrom('step_timings').select(['seq', 'role']).where('ticket_id', '=', ticket.id).where('ended_at', 'is', null).orderBy('seq'));
    const next = remaining[0];
    if (!next) throw new AppFailure('INVALID_STATE', `Nomor antrean ${ticket.label} tidak punya langkah tersisa untuk dialihkan.`);
    if (serviceId) w.run(qb.updateTable('tickets').set({ current_service_id: serviceId }).where('id', '=', ticket.id));
    w.run(qb.updateTable('tickets').set({ assigned_user_id: input.toUserId ?? ticket.assignedUserId, skipped_at: null }).where('id', '=', ticket.id));
    handOver(w, ctx, ticket.id, next.seq, stageOf(next.role), at);
    event(w, ctx, ticket.id, 'transferred', { stage: stageOf(next.role), data: { serviceCode: input.serviceCode ?? null, toUserId: input.toUserId ?? null } });
    audit(w, ctx, 'queue.transfer', 'ticket', ticket.id, { serviceCode: input.serviceCode, toUserId: input.toUserId });
    return getTicket(ctx, ticket.id);
  }));
}

/**
 * Ends a visit before its last step (the visitor left, came for the wrong service, …): cancelled,
 * counted as such and never as served. A step under way keeps its start and gets no end: it was
 * not served to its end, so the figures never count it.
 */
export function endVisit(ctx: Ctx, input: ParsedInput<'queue.endVisit'>): Ticket {
  return changed(ctx, ctx.store.tx((w) => {
    const probe = getTicket(ctx, input.ticketId);
    const { ticket } = forAction(ctx, input.ticketId, 'endVisit', probe.status === 'called' || probe.status === 'serving');
    const at = iso(ctx.now());
    w.run(
      qb.updateTable('tickets')
        .set({ status: 'cancelled', stage: null, counter_no: null, end_reason: input.reason, closed_at: at, updated_at: at })
        .where('id', '=', ticket.id),
    );
    event(w, ctx, ticket.id, 'visit_ended', { stage: ticket.stage, data: { reason: input.reason } });
    audit(w, ctx, 'queue.endVisit', 'ticket', ticket.id, { reason: input.reason, note: input.note ?? null, status: ticket.status });
    return getTicket(ctx, ticket.id);
  }));
}

/** Closes a skipped visitor as absent: no_show, counted as such and never as served. */
export function closeNoShow(ctx: Ctx, input: ParsedInput<'queue.closeNoShow'>): Ticket {
  return changed(ctx, ctx.store.tx((w) => {
    const { ticket } = forAction(ctx, input.ticketId, 'closeNoShow', false);
    const at = iso(ctx.now());
    w.run(qb.updateTable('tickets').set({ status: 'no_show', stage: null, closed_at: at, updated_at: at }).where('id', '=', ticket.id));
    event(w, ctx, ticket.id, 'no_show', { stage: ticket.stage });
    audit(w, ctx, 'queue.closeNoShow', 'ticket', ticket.id, { skippedAt: ticket.skippedAt });
    return getTicket(ctx, ticket.id);
  }));
}
