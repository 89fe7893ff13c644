// Follow-ups of a visit's members and the working-day calendar they are counted on. One use case =
// one transaction + one audit row.
import type { CallInput, CallOutput, Followup, HolidayRow } from '../../../common/contract/index';
import { canMove, FOLLOWUP_RULES, dueState, isClosed, nextStatus, STATUS_LABELS, type FollowupKind, type FollowupStatus } from '../../../common/domain/followups';
import { NEXT_ACTION_WORDS, type NextAction } from '../../../common/domain/membership';
import { OFFICIAL_HOLIDAYS, OFFICIAL_YEARS } from '../../../common/domain/holidays';
import { officeDay } from '../../../common/domain/time';
import { addWorkingDays, holidaySet } from '../../../common/domain/workdays';
import { qb, type ReadDb, type WriteDb } from '../../platform/db';
import { AppFailure, audit, iso, newId, requireActor, type Ctx, type Deps } from '../../platform/context';
import { officeTimeZone } from '../../platform/office';
import { syncInsert, syncPatch, syncStatus } from '../../platform/sync';

// ---- the calendar -----------------------------------------------------------------------------

/** The holidays in force: the shipped list with the admin's additions and removals. */
export function holidays(db: ReadDb): Set<string> {
  const rows = db.all(qb.selectFrom('holiday_overrides').select(['day', 'action']));
  return holidaySet(rows.filter((r) => r.action === 'add').map((r) => r.day), rows.filter((r) => r.action === 'remove').map((r) => r.day));
}

/** The office day `n` working days after today (n = 0: today, or the next working day). */
export function dueInWorkingDays(deps: Pick<Deps, 'store' | 'now'>, n: number): string {
  return addWorkingDays(officeDay(deps.now(), officeTimeZone(deps.store)), n, holidays(deps.store));
}

export function listHolidays(ctx: Ctx, input: CallInput<'holidays.list'>): CallOutput<'holidays.list'> {
  const prefix = `${input.year}-`;
  const overrides = new Map(ctx.store.all(qb.selectFrom('holiday_overrides').selectAll().where('day', 'like', `${prefix}%`)).map((r) => [r.day, r]));
  const rows: HolidayRow[] = [];
  for (const h of OFFICIAL_HOLIDAYS) {
    if (!h.day.startsWith(prefix)) continue;
    rows.push({ day: h.day, name: h.name, kind: h.kind, source: overrides.get(h.day)?.action === 'remove' ? 'removed' : 'official' });
  }
  const official = new Set(rows.map((r) => r.day));
  for (const o of overrides.values()) if (o.action === 'add' && !official.has(o.day)) rows.push({ day: o.day, name: o.name, kind: 'tambahan', source: 'added' });
  rows.sort((a, b) => a.day.localeCompare(b.day));
  return { rows, officialListMissing: !OFFICIAL_YEARS.includes(input.year) };
}

export function addHoliday(ctx: Ctx, input: CallInput<'holidays.add'>): HolidayRow {
  const actor = requireActor(ctx);
  if (Number.isNaN(Date.parse(`${input.day}T00:00:00Z`)) || new Date(`${input.day}T00:00:00Z`).toISOString().slice(0, 10) !== input.day)
    throw new AppFailure('VALIDATION', 'Tanggal tidak valid.', { day: 'Tanggal tidak ada di kalender.' });
  const official = OFFICIAL_HOLIDAYS.find((h) => h.day === input.day);
  return ctx.store.tx((w) => {
    if (official) w.run(qb.deleteFrom('holiday_overrides').where('day', '=', input.day));
    else
      w.run(
        qb.insertInto('holiday_overrides')
          .values({ day: input.day, action: 'add', name: input.name, updated_by: actor.user.id, updated_at: iso(ctx.now()) })
          .onConflict((oc) => oc.column('day').doUpdateSet({ action: 'add', name: input.name, updated_by: actor.user.id, updated_at: iso(ctx.now()) })),
      );
    audit(w, ctx, 'holidays.add', 'holiday', input.day, { name: input.name });
    return official ? { day: input.day, name: official.name, kind: official.kind, source: 'official' as const } : { day: input.day, name: input.name, kind: 'tambahan' as const, source: 'added' as const };
  });
}

export function removeHoliday(ctx: Ctx, input: CallInput<'holidays.remove'>): { day: string } {
  const actor = requireActor(ctx);
  const official = OFFICIAL_HOLIDAYS.find((h) => h.day === input.day);
  return ctx.store.tx((w) => {
    if (official)
      w.run(
        qb.insertInto('holiday_overrides')
          .values({ day: input.day, action: 'remove', name: official.name, updated_by: actor.user.id, updated_at: iso(ctx.now()) })
          .onConflict((oc) => oc.column('day').doUpdateSet({ action: 'remove', updated_by: actor.user.id, updated_at: iso(ctx.now()) })),
      );
    else if (w.run(qb.deleteFrom('holiday_overrides').where('day', '=', input.day)) === 0)
      throw new AppFailure('NOT_FOUND', `Tanggal ${input.day} bukan hari libur di daftar.`);
    audit(w, ctx, 'holidays.remove', 'holiday', input.day);
    return { day: input.day };
  });
}

// ---- follow-ups -------------------------------------------------------------------------------

const base = () =>
  qb
    .selectFrom('followups as f')
    .innerJoin('tickets as t', 't.id', 'f.ticket_id')
    .innerJoin('users as u', 'u.id', 'f.owner_id')
    .select([
      'f.id', 'f.ticket_id', 't.label', 'f.nik', 'f.member_name', 'f.kind', 'f.status', 'f.opened_day', 'f.due_day',
      'f.owner_id', 'u.full_name as owner_name', 'f.note', 'f.created_at', 'f.updated_at',
    ]);

function toFollowup(r: Record<string, unknown>, today: string): Followup {
  const status = r.status as FollowupStatus;
  return {
    id: r.id as string,
    ticketId: r.ticket_id as string,
    ticketLabel: r.label as string,
    nik: r.nik as string,
    memberName: r.member_name as string,
    kind: r.kind as Followup['kind'],
    status,
    openedDay: r.opened_day as string,
    dueDay: r.due_day as string,
    dueState: dueState(r.due_day as string, today, status),
    ownerId: r.owner_id as string,
    ownerName: r.owner_name as string,
    note: r.note as string,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

const today = (deps: Pick<Deps, 'store' | 'now'>) => officeDay(deps.now(), officeTimeZone(deps.store));

function load(db: ReadDb, id: string, day: string): Followup {
  const r = db.first(base().where('f.id', '=', id));
  if (!r) throw new AppFailure('NOT_FOUND', 'Tindak lanjut tidak ditemukan; mungkin sudah dihapus. Muat ulang daftar.');
  return toFollowup(r, day);
}

function activeStaff(db: ReadDb, userId: string): void {
  const u = db.first(qb.selectFrom('users').select(['active', 'roles']).where('id', '=', userId));
  if (!u || !u.active) throw new AppFailure('VALIDATION', 'Petugas yang dipilih tidak ada atau tidak aktif.', { ownerId: 'Pilih petugas yang aktif.' });
}

function event(w: WriteDb, ctx: Ctx, followupId: string, action: 'created' | 'advanced' | 'reassigned', from: FollowupStatus | null, to: FollowupStatus | null, note: string) {
  w.run(qb.insertInto('followup_events').values({ id: newId(), followup_id: followupId, at: iso(ctx.now()), user_id: ctx.actor?.user.id ?? null, action, from_status: from, to_status: to, note }));
}

export function createFollowup(ctx: Ctx, input: CallInput<'followups.create'>): Followup {
  const actor = requireActor(ctx);
  const ownerId = input.ownerId ?? actor.user.id;
  const rule = FOLLOWUP_RULES[input.kind];
  return ctx.store.tx((w) => {
    const ticket = w.first(qb.selectFrom('tickets').select('id').where('id', '=', input.ticketId));
    if (!ticket) throw new AppFailure('NOT_FOUND', 'Nomor antrean kunjungan ini tidak ditemukan.');
    activeStaff(w, ownerId);
    const day = today(ctx);
    // A cancelled one does not count: the same paper may be started again (migration 013).
    const existing = w.first(
      qb.selectFrom('followups').select(['id', 'status']).where('ticket_id', '=', input.ticketId).where('nik', '=', input.nik).where('kind', '=', input.kind).where('status', '!=', 'cancelled'),
    );
    if (existing)
      throw new AppFailure('VALIDATION', `${rule.label} untuk NIK ini pada kunjungan ini sudah ada (status: ${STATUS_LABELS[existing.status]}).`, { kind: 'Sudah dibuat.' });
    const id = newId();
    const now = ctx.now();
    const due = addWorkingDays(day, rule.workingDays, holidays(w));
    // A synced table (the register of follow-ups reaches the central server): through the write path.
    syncInsert(w, 'followups', {
      id, ticket_id: input.ticketId, nik: input.nik, member_name: input.memberName, kind: input.kind, status: 'open', opened_day: day, due_day: due,
      owner_id: ownerId, note: input.note ?? '', created_by: actor.user.id, created_at: iso(now),
    }, now);
    event(w, ctx, id, 'created', null, 'open', input.note ?? '');
    audit(w, ctx, 'followups.create', 'followup', id, { kind: input.kind, ticketId: input.ticketId, due });
    ctx.events.push({ type: 'followups.changed' });
    return load(w, id, day);
  });
}

/** The follow-up a confirmed or overridden membership decision opens (none: nothing to chase). */
export const DECISION_FOLLOWUP: Record<NextAction, FollowupKind | null> = {
  request_eid: 'eid_print',
  form_transfer: 'pengalihan',
  form_new_participant: 'peserta_baru',
  // The decision table's Disdukcapil path is a NIK BPJS holds twice or cannot place: "not registered
  // or duplicated", 1 working day (bpjs-bridging.md). The officer can open the other kinds by hand.
  disdukcapil: 'disdukcapil_unregistered',
  continue: null,
  officer_decides: null,
  retry_or_manual: null,
};

/** The kinds a membership decision opens: a member has at most one of them open on a visit. */
const DECISION_KINDS: ReadonlySet<FollowupKind> = new Set(Object.values(DECISION_FOLLOWUP).filter((k): k is FollowupKind => k !== null));

/** The history note of a follow-up a changed decision closed. */
export const DECISION_CHANGED_NOTE = 'Keputusan diubah';

/**
 * Brings the member's follow-ups in line with their membership decision, inside the caller's
 * transaction (membership.decide):
 * - an open follow-up an earlier decision called for on another path (a decision kind other than
 *   the new one's) is closed as "Dibatalkan", its history saying "Keputusan diubah: …" with who
 *   and when, so a member never has two decision follow-ups open at once;
 * - the follow-up of the new decision is opened, unless one of that kind for the member on this
 *   visit is already there and not cancelled (a repeated confirmation, a retried request): that one
 *   is kept as it is. Changing back to an earlier path opens a fresh follow-up of that kind (a
 *   cancelled one never reopens: statuses only move forward, here and in the sync).
 * Answers the follow-up opened (null: none).
 */
export function openFollowupForDecision(
  w: WriteDb,
  ctx: Ctx,
  v: { ticketId: string; nik: string; memberName: string; action: NextAction; ownerId: string; reason?: string },
): Followup | null {
  const kind = DECISION_FOLLOWUP[v.action];
  const day = today(ctx);
  const now = ctx.now();
  const open = w.all(
    qb.selectFrom('followups').select(['id', 'kind', 'status']).where('ticket_id', '=', v.ticketId).where('nik', '=', v.nik).where('status', 'in', OPEN),
  );
  const changed = `${DECISION_CHANGED_NOTE}: ${NEXT_ACTION_WORDS[v.action]}${v.reason ? ` (${v.reason})` : ''}`;
  for (const f of open) {
    if (f.kind === kind || !DECISION_KINDS.has(f.kind)) continue;
    syncStatus(w, 'followups', f.id, 'cancelled', {}, now);
    event(w, ctx, f.id, 'advanced', f.status, 'cancelled', changed);
    audit(w, ctx, 'followups.cancel', 'followup', f.id, { from: f.status, kind: f.kind, byDecision: v.action });
    ctx.events.push({ type: 'followups.changed' });
  }
  if (!kind) return null;
  const existing = w.first(
    qb.selectFrom('followups').select('id').where('ticket_id', '=', v.ticketId).where('nik', '=', v.nik).where('kind', '=', kind).where('status', '!=', 'cancelled'),
  );
  if (existing) return null;
  const id = newId();
  const due = addWorkingDays(day, FOLLOWUP_RULES[kind].workingDays, holidays(w));
  const note = `Dari keputusan kepesertaan: ${NEXT_ACTION_WORDS[v.action]}`;
  syncInsert(w, 'followups', {
    id, ticket_id: v.ticketId, nik: v.nik, member_name: v.memberName, kind, status: 'open', opened_day: day, due_day: due,
    owner_id: v.ownerId, note, created_by: v.ownerId, created_at: iso(now),
  }, now);
  event(w, ctx, id, 'created', null, 'open', note);
  audit(w, ctx, 'followups.create', 'followup', id, { kind, ticketId: v.ticketId, due, byDecision: true });
  ctx.events.push({ type: 'followups.changed' });
  return load(w, id, day);
}

export function advanceFollowup(ctx: Ctx, input: CallInput<'followups.advance'>): Followup {
  requireActor(ctx);
  return ctx.store.tx((w) => {
    const day = today(ctx);
    const f = load(w, input.followupId, day);
    if (isClosed(f.status)) throw new AppFailure('INVALID_STATE', `Tindak lanjut ini sudah ${STATUS_LABELS[f.status].toLowerCase()}; statusnya tidak dapat diubah lagi.`);
    const to = input.to ?? nextStatus(f.kind, f.status);
    if (!to || !canMove(f.kind, f.status, to))
      throw new AppFailure('INVALID_STATE', `Status hanya bisa maju: dari "${STATUS_LABELS[f.status]}" tidak bisa ke "${to ? STATUS_LABELS[to] : '-'}".`);
    syncStatus(w, 'followups', f.id, to, {}, ctx.now());
    event(w, ctx, f.id, 'advanced', f.status, to, input.note ?? '');
    audit(w, ctx, 'followups.advance', 'followup', f.id, { from: f.status, to });
    ctx.events.push({ type: 'followups.changed' });
    return load(w, f.id, day);
  });
}

export function reassignFollowup(ctx: Ctx, input: CallInput<'followups.reassign'>): Followup {
  requireActor(ctx);
  return ctx.store.tx((w) => {
    const day = today(ctx);
    const f = load(w, input.followupId, day);
    if (isClosed(f.status)) throw new AppFailure('INVALID_STATE', 'Tindak lanjut yang sudah selesai atau dibatalkan tidak dapat dialihkan.');
    activeStaff(w, input.ownerId);
    syncPatch(w, 'followups', f.id, { owner_id: input.ownerId }, ctx.now());
    event(w, ctx, f.id, 'reassigned', f.status, f.status, input.note || `dari ${f.ownerName}`);
    audit(w, ctx, 'followups.reassign', 'followup', f.id, { from: f.ownerId, to: input.ownerId });
    ctx.events.push({ type: 'followups.changed' });
    return load(w, f.id, day);
  });
}

export function getFollowup(ctx: Ctx, input: CallInput<'followups.get'>): CallOutput<'followups.get'> {
  const f = load(ctx.store, input.followupId, today(ctx));
  const history = ctx.store.all(
    qb.selectFrom('followup_events as e').leftJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.at', 'u.full_name', 'e.action', 'e.from_status', 'e.to_status', 'e.note'])
      .where('e.followup_id', '=', f.id).orderBy('e.at').orderBy('e.id'),
  );
  return { ...f, history: history.map((h) => ({ at: h.at, userName: h.full_name, action: h.action, fromStatus: h.from_status, toStatus: h.to_status, note: h.note })) };
}

const OPEN: FollowupStatus[] = ['open', 'sent', 'answered', 'bpjs_told', 'delivered'];

export function board(ctx: Ctx, input: CallInput<'followups.board'>): CallOutput<'followups.board'> {
  const actor = requireActor(ctx);
  const day = today(ctx);
  let q = base().where('f.status', 'in', OPEN);
  const owner = input.scope === 'mine' ? actor.user.id : input.ownerId;
  if (owner) q = q.where('f.owner_id', '=', owner);
  const all = ctx.store.all(q.orderBy('f.due_day').orderBy('f.created_at')).map((r) => toFollowup(r, day));
  const officers = new Map<string, { userId: string; name: string; dueToday: number; overdue: number; open: number }>();
  for (const f of all) {
    const o = officers.get(f.ownerId) ?? { userId: f.ownerId, name: f.ownerName, dueToday: 0, overdue: 0, open: 0 };
    o.open++;
    if (f.dueState === 'today') o.dueToday++;
    if (f.dueState === 'overdue') o.overdue++;
    officers.set(f.ownerId, o);
  }
  return {
    today: day,
    overdue: all.filter((f) => f.dueState === 'overdue'),
    dueToday: all.filter((f) => f.dueState === 'today'),
    later: all.filter((f) => f.dueState === 'later'),
    officers: [...officers.values()].sort((a, b) => b.overdue - a.overdue || b.dueToday - a.dueToday || a.name.localeCompare(b.name)),
  };
}

export function forTicket(ctx: Ctx, input: CallInput<'followups.forTicket'>): Followup[] {
  const day = today(ctx);
  return ctx.store.all(base().where('f.ticket_id', '=', input.ticketId).orderBy('f.created_at')).map((r) => toFollowup(r, day));
}

export function counts(ctx: Ctx): CallOutput<'followups.counts'> {
  const me = ctx.actor?.user.id ?? '';
  const day = today(ctx);
  const rows = ctx.store.all(qb.selectFrom('followups').select(['due_day', 'owner_id']).where('status', 'in', OPEN).where('due_day', '<=', day));
  const c = { dueToday: 0, overdue: 0, mineDueToday: 0, mineOverdue: 0 };
  for (const r of rows) {
    const overdue = r.due_day < day;
    if (overdue) c.overdue++;
    else c.dueToday++;
    if (r.owner_id === me) overdue ? c.mineOverdue++ : c.mineDueToday++;
  }
  return c;
}
