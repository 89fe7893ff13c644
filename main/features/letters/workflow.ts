// A letter's way (seed 002): file received → checked (complete, or returned with what is missing)
// → draft → approved by the team lead (the number is taken here) → signed (PDF archived) → printed
// → collected → handed over. Each move is one IMMEDIATE transaction with its audit row.
import type { LetterDetail, ParsedInput } from '../../../common/contract/index';
import { canMove, LETTER_STATUS_LABELS, letterStepTimings, statusRank, type LetterMove, type LetterStatus } from '../../../common/domain/letterFlow';
import { formatLetterNumber, numberingPeriod } from '../../../common/domain/letterNumber';
import { AppFailure, audit, iso, newId, requireActor, type Ctx } from '../../platform/context';
import { qb, type ReadDb, type WriteDb } from '../../platform/db';
import type { Selectable, Updateable } from 'kysely';
import type { LettersTable } from '../../platform/db/schema';
import { officeDay } from '../../../common/domain/time';
import { officeTimeZone } from '../../platform/office';
import { syncInsert, syncPatch, syncStatus, type SyncRecord } from '../../platform/sync';
import { toHospital, toLetterType } from './setup';

export type LetterRow = Selectable<LettersTable>;

const list = (v: string): string[] => {
  try {
    const a = JSON.parse(v) as unknown;
    return Array.isArray(a) ? a.map(String) : [];
  } catch {
    return [];
  }
};

export function letterRow(db: ReadDb, id: string): LetterRow {
  const row = db.first(qb.selectFrom('letters').selectAll().where('id', '=', id));
  if (!row) throw new AppFailure('NOT_FOUND', 'Surat tidak ditemukan. Muat ulang layar.');
  return row;
}

export function letterType(db: ReadDb, id: string) {
  const row = db.first(qb.selectFrom('letter_types').selectAll().where('id', '=', id));
  if (!row) throw new AppFailure('NOT_FOUND', 'Jenis surat tidak ditemukan.');
  return toLetterType(row);
}

export function requiredDocs(db: ReadDb, typeId: string, hospitalId: string | null): string[] {
  const type = letterType(db, typeId);
  const hospital = hospitalId ? db.first(qb.selectFrom('hospitals').selectAll().where('id', '=', hospitalId)) : undefined;
  return [...type.requiredDocs, ...(hospital ? toHospital(hospital).requiredDocs : [])];
}

export const letterTimes = (r: LetterRow) => ({
  receivedAt: r.received_at, checkedAt: r.checked_at, draftedAt: r.drafted_at, approvedAt: r.approved_at, signedAt: r.signed_at,
  printedAt: r.printed_at, collectedAt: r.collected_at, handedOverAt: r.handed_over_at, cancelledAt: r.cancelled_at,
});

export function toDetail(db: ReadDb, r: LetterRow, now: Date): LetterDetail {
  const type = letterType(db, r.letter_type_id);
  const status = r.status as LetterStatus;
  return {
    id: r.id, typeId: r.letter_type_id, typeName: type.name, status, statusLabel: LETTER_STATUS_LABELS[status],
    patientName: r.patient_name, nik: r.nik, address: r.address, diagnosis: r.diagnosis, hospitalId: r.hospital_id, hospitalName: r.hospital_name,
    docsPresent: list(r.docs_present), docsMissing: list(r.docs_missing), requiredDocs: requiredDocs(db, r.letter_type_id, r.hospital_id),
    sifat: r.sifat, lampiran: r.lampiran, subject: r.subject, body: r.body, tembusan: list(r.tembusan), number: r.number, officerName: r.officer_name,
    signature: r.signature ? (JSON.parse(r.signature) as LetterDetail['signature']) : null, delegationId: r.delegation_id,
    pdfSha256: r.pdf_sha256, shortCode: r.short_code, printer: r.printer, printError: r.print_error,
    handedTo: r.handed_to_name ? { name: r.handed_to_name, relation: r.handed_to_relation ?? '', idShown: r.handed_to_id ?? '' } : null,
    cancelReason: r.cancel_reason, times: letterTimes(r),
    steps: letterStepTimings(letterTimes(r), now, status === 'batal' || status === 'diserahkan'),
  };
}

const MOVE_REFUSED: Record<LetterMove, string> = {
  check: 'Berkas surat ini sudah diperiksa.',
  draft: 'Draf hanya dapat dibuat setelah berkas dinyatakan lengkap dan sebelum disetujui.',
  approve: 'Hanya draf yang dapat disetujui.',
  sign: 'Surat ini tidak sedang menunggu tanda tangan.',
  print: 'Surat dapat dicetak setelah ditandatangani.',
  collect: 'Surat dapat diambil setelah dicetak.',
  handOver: 'Surat dapat diserahkan setelah diambil.',
  cancel: 'Surat yang sudah diserahkan atau sudah batal tidak dapat dibatalkan.',
};

/** Reads the letter inside the move's transaction and refuses a move its status does not allow. */
export function forMove(w: ReadDb, id: string, move: LetterMove): LetterRow {
  const row = letterRow(w, id);
  if (!canMove(move, row.status as LetterStatus))
    throw new AppFailure('INVALID_STATE', `${MOVE_REFUSED[move]} Status sekarang: ${LETTER_STATUS_LABELS[row.status as LetterStatus]}.`);
  return row;
}

/**
 * Letters are a synced table (the register reaches the central server): every write goes through
 * the sync write path. A move that keeps the status (a re-check still missing papers, a re-draft)
 * is a patch; a real move is a status op, which only ever goes forward.
 */
export function setStatus(w: WriteDb, id: string, status: LetterStatus, at: string, extra: Updateable<LettersTable> = {}): void {
  const fields = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as SyncRecord;
  const current = w.first(qb.selectFrom('letters').select('status').where('id', '=', id));
  if (current?.status === status) syncPatch(w, 'letters', id, fields, new Date(at));
  else syncStatus(w, 'letters', id, status, { ...fields, status_rank: statusRank(status) }, new Date(at));
}

/** Changes fields of a letter other than its status, through the sync write path. */
export function patchLetter(w: WriteDb, id: string, at: string, fields: SyncRecord): void {
  syncPatch(w, 'letters', id, fields, new Date(at));
}

const moved = (r: Pick<LetterRow, 'id' | 'status' | 'number'>) => ({ id: r.id, status: r.status as LetterStatus, number: r.number });

export function fillTemplate(template: string, f: { pasien: string; nik: string; alamat: string; rumah_sakit: string; diagnosis: string }): string {
  return template.replace(/\{(pasien|nik|alamat|rumah_sakit|diagnosis)\}/g, (_a, k: keyof typeof f) => f[k] || '-');
}

/**
 * The register key of a new row: its receipt time in ms × 1000, plus one for each row already
 * received in the same millisecond. Key order is the register's date order, and the key is the FTS5
 * rowid, so a text search walks matches newest first and stops after one page (register/query.ts).
 */
export function registerKey(w: ReadDb, receivedAt: string): number {
  const base = Date.parse(receivedAt) * 1000;
  const last = w.first(qb.selectFrom('letters').select((eb) => eb.fn.max('reg_key').as('m')).where('reg_key', '>=', base).where('reg_key', '<', base + 1000))?.m;
  return last === null || last === undefined ? base : Number(last) + 1;
}

/** Rows one receipt instant can hold in the register key (its millisecond × 1000 + 0..999). */
export const KEYS_PER_INSTANT = 1000;

/**
 * `count` consecutive register keys for rows received at the same instant (an imported register's
 * day), read with one query; null when that instant has not that many keys left.
 */
export function registerKeys(w: ReadDb, receivedAt: string, count: number): number[] | null {
  const first = registerKey(w, receivedAt);
  if (first - Date.parse(receivedAt) * 1000 + count > KEYS_PER_INSTANT) return null;
  return Array.from({ length: count }, (_, i) => first + i);
}

export function receiveLetter(ctx: Ctx, input: ParsedInput<'letters.receive'>) {
  const actor = requireActor(ctx);
  const now = ctx.now();
  return ctx.store.tx((w) => {
    const type = letterType(w, input.typeId);
    if (!type.active) throw new AppFailure('INVALID_STATE', `Jenis surat ${type.name} tidak aktif.`);
    const hospital = input.hospitalId ? w.first(qb.selectFrom('hospitals').selectAll().where('id', '=', input.hospitalId)) : undefined;
    if (input.hospitalId && !hospital) throw new AppFailure('NOT_FOUND', 'Rumah sakit tidak ditemukan.', { hospitalId: 'Pilih dari daftar.' });
    if (type.kind === 'rekomendasi' && !hospital) throw new AppFailure('VALIDATION', 'Surat rekomendasi memerlukan rumah sakit tujuan.', { hospitalId: 'Pilih rumah sakit tujuan.' });
    const id = newId();
    const at = iso(now);
    const body = [
      fillTemplate(type.opening, { pasien: input.patientName, nik: input.nik, alamat: input.address, rumah_sakit: hospital?.name ?? '', diagnosis: input.diagnosis }),
      fillTemplate(type.closing, { pasien: input.patientName, nik: input.nik, alamat: input.address, rumah_sakit: hospital?.name ?? '', diagnosis: input.diagnosis }),
    ].join('\n\n');
    syncInsert(w, 'letters', {
      reg_key: registerKey(w, at), id, letter_type_id: type.id, status: 'diterima', status_rank: statusRank('diterima'), ticket_id: input.ticketId ?? null,
      patient_name: input.patientName, nik: input.nik, address: input.address, diagnosis: input.diagnosis,
      hospital_id: hospital?.id ?? null, hospital_name: hospital?.name ?? '', subject: type.subject, body,
      tembusan: '[]', officer_id: actor.user.id, officer_name: actor.user.fullName, received_at: at, day: officeDay(now, officeTimeZone(w)),
      created_at: at,
    }, now);
    audit(w, ctx, 'letters.receive', 'letter', id, { typeId: type.id, hospitalId: hospital?.id ?? null });
    return { id, status: 'diterima' as const, number: null };
  });
}

export function checkLetter(ctx: Ctx, input: ParsedInput<'letters.check'>) {
  const at = iso(ctx.now());
  return ctx.store.tx((w) => {
    const row = forMove(w, input.id, 'check');
    const required = requiredDocs(w, row.letter_type_id, row.hospital_id);
    const present = input.docsPresent.filter((d) => required.includes(d));
    const missing = required.filter((d) => !present.includes(d));
    const status: LetterStatus = missing.length ? 'dikembalikan' : 'lengkap';
    setStatus(w, row.id, status, at, {
      docs_present: JSON.stringify(present), docs_missing: JSON.stringify(missing), ...(status === 'lengkap' ? { checked_at: at } : {}),
    });
    audit(w, ctx, 'letters.check', 'letter', row.id, { missing });
    return { id: row.id, status, number: null };
  });
}

export function draftLetter(ctx: Ctx, input: ParsedInput<'letters.draft'>) {
  const at = iso(ctx.now());
  return ctx.store.tx((w) => {
    const row = forMove(w, input.id, 'draft');
    setStatus(w, row.id, 'draf', at, {
      sifat: input.sifat, lampiran: input.lampiran, subject: input.subject, body: input.body, diagnosis: input.diagnosis,
      tembusan: JSON.stringify(input.tembusan), drafted_at: row.drafted_at ?? at,
    });
    audit(w, ctx, 'letters.draft', 'letter', row.id);
    return { id: row.id, status: 'draf' as const, number: null };
  });
}

/**
 * Approval takes the number: the next of this letter type's sequence in the office's calendar year,
 * read and advanced in the same IMMEDIATE transaction as the status change. Two desks (or two
 * processes) approving at once are serialised by SQLite's write lock, so no number is given twice;
 * a host killed before the commit leaves both the counter and the letter as they were, so no
 * number is lost. UNIQUE(letter_type_id, year, seq) is the last line of defence.
 */
export function approveLetter(ctx: Ctx, input: ParsedInput<'letters.approve'>) {
  const actor = requireActor(ctx);
  const now = ctx.now();
  const at = iso(now);
  return ctx.store.tx((w) => {
    const row = forMove(w, input.id, 'approve');
    const type = letterType(w, row.letter_type_id);
    const { year, month } = numberingPeriod(now, officeTimeZone(w));
    const last = w.first(qb.selectFrom('letter_counters').select('last_no').where('letter_type_id', '=', type.id).where('year', '=', year))?.last_no ?? 0;
    const seq = last + 1;
    w.run(
      qb.insertInto('letter_counters').values({ letter_type_id: type.id, year, last_no: seq })
        .onConflict((oc) => oc.columns(['letter_type_id', 'year']).doUpdateSet({ last_no: seq })),
    );
    const number = formatLetterNumber(type.numberPattern, { seq, year, month });
    setStatus(w, row.id, 'disetujui', at, { seq, year, number, number_key: year * 1_000_000 + seq, approved_at: at, approved_by: actor.user.id });
    audit(w, ctx, 'letters.approve', 'letter', row.id, { number, seq, year });
    return { id: row.id, status: 'disetujui' as const, number };
  });
}

export function collectLetter(ctx: Ctx, input: ParsedInput<'letters.collect'>) {
  const at = iso(ctx.now());
  return ctx.store.tx((w) => {
    const row = forMove(w, input.id, 'collect');
    setStatus(w, row.id, 'diambil', at, { collected_at: at });
    audit(w, ctx, 'letters.collect', 'letter', row.id);
    return moved({ ...row, status: 'diambil' });
  });
}

export function handOverLetter(ctx: Ctx, input: ParsedInput<'letters.handOver'>) {
  const at = iso(ctx.now());
  return ctx.store.tx((w) => {
    const row = forMove(w, input.id, 'handOver');
    setStatus(w, row.id, 'diserahkan', at, { handed_over_at: at, handed_to_name: input.receiverName, handed_to_relation: input.relation, handed_to_id: input.idShown });
    audit(w, ctx, 'letters.handOver', 'letter', row.id, { relation: input.relation });
    return moved({ ...row, status: 'diserahkan' });
  });
}

/** A cancelled letter keeps its number (never reused), marked batal with the reason. */
export function cancelLetter(ctx: Ctx, input: ParsedInput<'letters.cancel'>) {
  const at = iso(ctx.now());
  return ctx.store.tx((w) => {
    const row = forMove(w, input.id, 'cancel');
    setStatus(w, row.id, 'batal', at, { cancelled_at: at, cancel_reason: input.reason });
    audit(w, ctx, 'letters.cancel', 'letter', row.id, { reason: input.reason, number: row.number });
    return moved({ ...row, status: 'batal' });
  });
}

export function getLetter(ctx: Ctx, id: string): LetterDetail {
  const row = letterRow(ctx.store, id);
  ctx.store.tx((w) => audit(w, ctx, 'letters.view', 'letter', id));
  return toDetail(ctx.store, row, ctx.now());
}

/** The team's open letters and today's finished ones, oldest first (a few dozen a day: no paging). */
export function workList(ctx: Ctx): LetterDetail[] {
  const today = officeDay(ctx.now(), officeTimeZone(ctx.store));
  const open = ['diterima', 'dikembalikan', 'lengkap', 'draf', 'disetujui', 'ditandatangani', 'dicetak', 'diambil'];
  const rows = ctx.store.all(
    qb.selectFrom('letters').selectAll().where((eb) => eb.or([eb('status', 'in', open), eb('day', '=', today)])).orderBy('received_at').limit(200),
  );
  return rows.map((r) => toDetail(ctx.store, r, ctx.now()));
}
