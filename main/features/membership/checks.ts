// Membership checks of every member on the visitor's KK: all at once (bounded parallel), each
// recorded as a row with the next action from the bridging table; a check BPJS could not answer is
// "belum dicek" and retried in the background (./retry.ts); staff may type what P-Care showed
// elsewhere (manual), and confirm or override the proposed action with a reason.
import { qb, type ReadDb, type WriteDb } from '../../platform/db';
import type { MemberCheck, ParsedInput } from '../../../common/contract/index';
import { backoffDelayMs } from '../../../common/domain/backoff';
import { BPJS_PENDING_RETRY, nextAction, statusOf, type BpjsResult, type NextAction } from '../../../common/domain/membership';
import { normaliseIdNumber } from '../../../common/domain/nik';
import { officeDay } from '../../../common/domain/time';
import { AppFailure, audit, iso, newId, requireActor, type Ctx, type Deps } from '../../platform/context';
import { officeTimeZone } from '../../platform/office';
import { openFollowupForDecision } from '../followups';
import { checkNikAtBpjs, type BpjsConfig } from './bpjsClient';
import { loadConfig } from './settings';

/**
 * At most this many requests to BPJS at once for one family: a usual KK (up to 8 people) goes out
 * in one wave, so the whole family takes about as long as one check; a 20-person KK takes three.
 * BPJS's rate limits are unconfirmed (bpjs-bridging.md); 8 stays well inside what one desk PC's
 * browser would send from the P-Care web page.
 */
export const FAMILY_PARALLEL = 8;

export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function caseByTicket(db: ReadDb, ticketId: string) {
  const c = db.first(qb.selectFrom('cases').select(['id', 'ticket_id']).where('ticket_id', '=', ticketId));
  if (!c) throw new AppFailure('CASE_REQUIRED', 'Simpan data pengunjung lebih dulu.');
  return c;
}

function members(db: ReadDb, caseId: string) {
  return db.all(qb.selectFrom('case_members').selectAll().where('case_id', '=', caseId).orderBy('position'));
}

function latestCheck(db: ReadDb, caseId: string, nik: string) {
  return db.first(
    qb.selectFrom('membership_checks').selectAll().where('case_id', '=', caseId).where('nik', '=', nik).orderBy('checked_at', 'desc').orderBy('id', 'desc').limit(1),
  );
}

/** Every member's current check, in the KK's order. */
export function readChecks(db: ReadDb, caseId: string): MemberCheck[] {
  const userName = (id: string | null) => (id ? (db.first(qb.selectFrom('users').select('full_name').where('id', '=', id))?.full_name ?? null) : null);
  return members(db, caseId).map((m) => {
    const c = latestCheck(db, caseId, m.nik);
    if (!c)
      return {
        nik: m.nik, name: m.name, position: m.position, status: 'unchecked', nextAction: 'retry_or_manual', source: 'bpjs',
        cardNo: '', className: '', participantName: '', reason: 'Belum pernah dicek.', checkedAt: '', checkedBy: null, decision: null, changedByRetry: false,
      } satisfies MemberCheck;
    const d = db.first(qb.selectFrom('membership_decisions').selectAll().where('check_id', '=', c.id).orderBy('decided_at', 'desc').limit(1));
    return {
      nik: m.nik, name: m.name, position: m.position, status: c.status, nextAction: c.next_action, source: c.source,
      cardNo: c.card_no, className: c.class_name, participantName: c.participant_name, reason: c.reason, checkedAt: c.checked_at,
      checkedBy: userName(c.checked_by),
      decision: d ? { action: d.action, reason: d.reason, by: userName(d.decided_by) ?? '', at: d.decided_at, overridden: d.overridden === 1 } : null,
      changedByRetry: c.by_retry === 1 && !d,
    } satisfies MemberCheck;
  });
}

export function listChecks(ctx: Ctx, input: ParsedInput<'membership.list'>) {
  requireActor(ctx);
  return ctx.store.tx((w) => {
    const c = caseByTicket(w, input.ticketId);
    audit(w, ctx, 'membership.view', 'case', c.id);
    return { checks: readChecks(w, c.id) };
  });
}

type Row = { status: MemberCheck['status']; next_action: NextAction; card_no: string; class_name: string; participant_name: string; reason: string };

export function rowOf(result: BpjsResult, hasCard: boolean): Row {
  const base = { status: statusOf(result), next_action: nextAction(result, { hasCard }) };
  switch (result.kind) {
    case 'active':
      return { ...base, card_no: result.cardNo, class_name: result.className, participant_name: result.participantName, reason: result.provider ? `Faskes: ${result.provider}` : '' };
    case 'inactive':
      return { ...base, card_no: result.cardNo, class_name: '', participant_name: result.participantName, reason: result.reason };
    default:
      return { ...base, card_no: '', class_name: '', participant_name: '', reason: result.reason };
  }
}

/** Appends a member's check; an "unchecked" one is queued for the background retry. */
export function insertCheck(
  w: WriteDb,
  at: Date,
  v: { caseId: string; nik: string; row: Row; source: 'bpjs' | 'manual'; by: string | null; attempts?: number; byRetry?: boolean },
): void {
  // The member's older rows owe nothing any more.
  w.run(qb.updateTable('membership_checks').set({ retry_at: null }).where('case_id', '=', v.caseId).where('nik', '=', v.nik).where('retry_at', 'is not', null));
  const attempts = v.attempts ?? 0;
  const pending = v.row.status === 'unchecked' && v.source === 'bpjs';
  w.run(
    qb.insertInto('membership_checks').values({
      id: newId(), case_id: v.caseId, nik: v.nik, ...v.row, source: v.source, checked_at: iso(at), checked_by: v.by,
      attempts, retry_at: pending ? iso(new Date(at.getTime() + backoffDelayMs(attempts, BPJS_PENDING_RETRY))) : null, by_retry: v.byRetry ? 1 : 0,
    }),
  );
}

export function bpjsDate(deps: Deps): string {
  return officeDay(deps.now(), officeTimeZone(deps.store));
}

/** Asks BPJS about each NIK (bounded parallel); never throws. */
export function askBpjs(deps: Deps, config: BpjsConfig, niks: readonly string[]): Promise<BpjsResult[]> {
  const date = bpjsDate(deps);
  return mapLimit(niks, FAMILY_PARALLEL, (nik) => checkNikAtBpjs(config, nik, { date }));
}

export async function checkFamilyAtBpjs(ctx: Ctx, input: ParsedInput<'membership.checkFamily'>, onAnswered?: () => void) {
  const actor = requireActor(ctx);
  const c = caseByTicket(ctx.store, input.ticketId);
  const family = members(ctx.store, c.id);
  if (family.length === 0) throw new AppFailure('FAMILY_REQUIRED', 'Simpan data keluarga (anggota KK) lebih dulu, lalu cek kepesertaan.');
  const { config, missing } = loadConfig(ctx);
  if (!config) throw new AppFailure('BPJS_NOT_CONFIGURED', missing!);
  const results = await askBpjs(ctx, config, family.map((m) => m.nik));
  const checks = ctx.store.tx((w) => {
    const at = ctx.now();
    family.forEach((m, i) => insertCheck(w, at, { caseId: c.id, nik: m.nik, row: rowOf(results[i]!, m.has_card === 1), source: 'bpjs', by: actor.user.id }));
    audit(w, ctx, 'membership.check', 'case', c.id, { members: family.length, statuses: results.map((r) => statusOf(r)) });
    return readChecks(w, c.id);
  });
  ctx.events.push({ type: 'membership.changed', ticketId: input.ticketId });
  // BPJS answered someone: the link is back, so the owed checks need not wait for their turn.
  if (onAnswered && results.some((r) => r.kind !== 'error')) onAnswered();
  return { checks };
}

function memberOf(db: ReadDb, caseId: string, rawNik: string) {
  const nik = normaliseIdNumber(rawNik);
  const m = db.first(qb.selectFrom('case_members').selectAll().where('case_id', '=', caseId).where('nik', '=', nik));
  if (!m) throw new AppFailure('NOT_FOUND', 'NIK ini tidak ada pada data keluarga kasus ini.');
  return m;
}

export function recordManual(ctx: Ctx, input: ParsedInput<'membership.recordManual'>) {
  const actor = requireActor(ctx);
  if (input.status === 'inactive' && !input.inactiveReason)
    throw new AppFailure('VALIDATION', 'Pilih alasan tidak aktif seperti yang tampil di P-Care.', { inactiveReason: 'Pilih alasannya.' });
  const checks = ctx.store.tx((w) => {
    const c = caseByTicket(w, input.ticketId);
    const m = memberOf(w, c.id, input.nik);
    const result: BpjsResult =
      input.status === 'active'
        ? { kind: 'active', cardNo: input.cardNo, name: m.name, className: input.className, participantCode: '', participantName: input.participantName, provider: '' }
        : input.status === 'inactive'
          ? { kind: 'inactive', reasonCode: input.inactiveReason!, reason: input.note || 'Tidak aktif (menurut P-Care)', cardNo: input.cardNo, name: m.name, participantName: input.participantName }
          : { kind: 'not_found', duplicateNik: false, reason: input.note || 'Tidak terdaftar (menurut P-Care)' };
    const row = rowOf(result, m.has_card === 1);
    insertCheck(w, ctx.now(), { caseId: c.id, nik: m.nik, row: { ...row, reason: [row.reason, input.note].filter(Boolean).filter((x, i, a) => a.indexOf(x) === i).join(' · ') }, source: 'manual', by: actor.user.id });
    audit(w, ctx, 'membership.manual', 'case', c.id, { position: m.position, status: input.status });
    return readChecks(w, c.id);
  });
  ctx.events.push({ type: 'membership.changed', ticketId: input.ticketId });
  return { checks };
}

export function decide(ctx: Ctx, input: ParsedInput<'membership.decide'>) {
  const actor = requireActor(ctx);
  const checks = ctx.store.tx((w) => {
    const c = caseByTicket(w, input.ticketId);
    const m = memberOf(w, c.id, input.nik);
    const check = latestCheck(w, c.id, m.nik);
    if (!check) throw new AppFailure('INVALID_STATE', 'Anggota ini belum dicek; cek dulu atau isi hasil P-Care secara manual.');
    const overridden = input.action !== check.next_action;
    if (overridden && input.reason.length < 5)
      throw new AppFailure('VALIDATION', 'Tulis alasan mengganti tindak lanjut yang diusulkan (sedikitnya 5 huruf).', { reason: 'Alasan wajib diisi bila tindak lanjut diganti.' });
    w.run(
      qb.insertInto('membership_decisions').values({
        id: newId(), check_id: check.id, action: input.action, overridden: overridden ? 1 : 0, reason: input.reason, decided_by: actor.user.id, decided_at: iso(ctx.now()),
      }),
    );
    audit(w, ctx, overridden ? 'membership.override' : 'membership.confirm', 'case', c.id, { position: m.position, proposed: check.next_action, action: input.action, reason: input.reason });
    // The paper the decision calls for goes on the follow-up board in the same transaction; one an
    // earlier, different decision opened is cancelled ("keputusan diubah").
    openFollowupForDecision(w, ctx, { ticketId: input.ticketId, nik: m.nik, memberName: m.name, action: input.action, ownerId: actor.user.id, reason: input.reason });
    return readChecks(w, c.id);
  });
  ctx.events.push({ type: 'membership.changed', ticketId: input.ticketId });
  return { checks };
}
