// The case record opened from a ticket: the visitor's identity as typed by the resepsionis.
import { qb } from '../../platform/db';
import type { ParsedInput, CaseRecord } from '../../../common/contract/index';
import { birthDateWarning, checkNik, normaliseIdNumber } from '../../../common/domain/nik';
import { checkCaseText, formatDayMonthYear } from '../../../common/domain/caseCheck';
import { AppFailure, audit, iso, newId, requireActor, type Ctx } from '../../platform/context';
import { getTicket } from '../queue';

type CaseRow = { id: string; ticket_id: string; nik: string; name: string; kk: string; birth_date: string | null; phone: string; purpose: string; updated_at: string };
const toRecord = (r: CaseRow): CaseRecord => ({
  id: r.id, ticketId: r.ticket_id, nik: r.nik, name: r.name, kk: r.kk, birthDate: r.birth_date ?? '', phone: r.phone, purpose: r.purpose, updatedAt: r.updated_at,
});

/** Full personal data: every view is audited. */
export function getCase(ctx: Ctx, input: ParsedInput<'cases.get'>): CaseRecord | null {
  requireActor(ctx);
  return ctx.store.tx((w) => {
    const row = w.first(qb.selectFrom('cases').selectAll().where('ticket_id', '=', input.ticketId));
    if (!row) return null;
    audit(w, ctx, 'cases.view', 'case', row.id);
    return toRecord(row);
  });
}

export function saveCase(ctx: Ctx, input: ParsedInput<'cases.save'>) {
  const actor = requireActor(ctx);
  const today = ctx.now();
  const nik = normaliseIdNumber(input.nik);
  const kk = normaliseIdNumber(input.kk);
  const nikCheck = checkNik(nik, today);
  // Every field in one pass, with the form's own rules and words (common/domain/caseCheck.ts).
  const fields: Record<string, string> = checkCaseText(
    { nik, name: input.name, kk, birthDate: input.birthDate ? formatDayMonthYear(input.birthDate) : '', phone: input.phone, purpose: input.purpose },
    today,
  );
  // The screens ask for the purpose (SOP step 4); API callers and older desks may still leave it empty.
  if (input.purpose.trim() === '') delete fields.purpose;
  if (Object.keys(fields).length)
    throw new AppFailure('VALIDATION', 'Periksa kembali isian yang ditandai. Data belum disimpan, isian Anda tetap ada.', fields);
  const warnings: { field: string; code: string; message: string }[] = [];
  const mismatch = birthDateWarning(nikCheck.info!, input.birthDate || undefined);
  if (mismatch) warnings.push({ field: 'birthDate', code: 'birth_date_mismatch', message: mismatch });
  if (nik === kk) warnings.push({ field: 'kk', code: 'kk_equals_nik', message: 'Nomor KK sama dengan NIK; biasanya berbeda. Periksa kembali.' });
  const record = ctx.store.tx((w) => {
    getTicket(ctx, input.ticketId);
    const now = iso(ctx.now());
    const existing = ctx.store.first(qb.selectFrom('cases').select('id').where('ticket_id', '=', input.ticketId));
    const values = { nik, name: input.name, kk, birth_date: input.birthDate || null, phone: input.phone, purpose: input.purpose, updated_at: now };
    if (existing) w.run(qb.updateTable('cases').set(values).where('id', '=', existing.id));
    else w.run(qb.insertInto('cases').values({ id: newId(), ticket_id: input.ticketId, created_by: actor.user.id, created_at: now, ...values }));
    const row = ctx.store.first(qb.selectFrom('cases').selectAll().where('ticket_id', '=', input.ticketId))!;
    audit(w, ctx, existing ? 'cases.update' : 'cases.create', 'case', row.id, { warnings: warnings.map((w) => w.code) });
    return toRecord(row);
  });
  ctx.events.push({ type: 'queue.changed', ticketId: input.ticketId, stage: null, status: 'serving' });
  return { record, warnings };
}
