// A legacy register (the book kept in Excel before Loket) imported as letters that were handed over
// long ago. Every row is checked first; one bad row imports nothing, and the report names each
// bad row and what is wrong with it. The rows go in with one transaction.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import type { ParsedInput } from '../../../common/contract/index';
import { statusRank } from '../../../common/domain/letterFlow';
import { AppFailure, audit, iso, newId, requireActor, type Ctx } from '../../platform/context';
import { qb } from '../../platform/db';
import { syncInsert } from '../../platform/sync';
import type { JobContext } from '../../platform/jobs/types';
import { registerKey } from '../letters';

export const IMPORT_KIND = 'register.import';
const require = createRequire(import.meta.url);
type ExcelJs = typeof import('exceljs');

/** The columns a legacy register must have (row 1), case and spacing ignored. */
export const LEGACY_COLUMNS = ['tanggal', 'nomor surat', 'jenis surat', 'nama pasien', 'nik', 'rumah sakit', 'diagnosis'] as const;

export interface ImportProblem { row: number; message: string }

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'text' in (v as object)) return String((v as { text: unknown }).text).trim();
  if (typeof v === 'object' && 'result' in (v as object)) return String((v as { result: unknown }).result).trim();
  return String(v).trim();
};

function dayOf(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  const t = cellText(v);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return null;
}

export async function importLegacy(ctx: Ctx, input: ParsedInput<'register.import'>, jc: JobContext): Promise<{ rows: number }> {
  const actor = requireActor(ctx);
  if (!existsSync(input.path)) throw new AppFailure('VALIDATION', `Berkas ${input.path} tidak ditemukan di komputer utama.`);
  const ExcelJS = require('exceljs') as ExcelJs;
  const wb = new ExcelJS.Workbook();
  jc.progress(0.05, 'Membaca berkas Excel…');
  try {
    await wb.xlsx.readFile(input.path);
  } catch {
    throw new AppFailure('VALIDATION', 'Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca. Tidak ada yang diimpor.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppFailure('VALIDATION', 'Berkas Excel tidak berisi lembar kerja. Tidak ada yang diimpor.');
  const head = (ws.getRow(1).values as unknown[]).slice(1).map((v) => cellText(v).toLowerCase().replace(/\s+/g, ' '));
  const col: Record<string, number> = {};
  const missing = LEGACY_COLUMNS.filter((c) => {
    const i = head.indexOf(c);
    if (i >= 0) col[c] = i + 1;
    return i < 0;
  });
  if (missing.length) throw new AppFailure('VALIDATION', `Kolom berikut tidak ada di baris 1: ${missing.join(', ')}. Tidak ada yang diimpor.`);

  const types = ctx.store.all(qb.selectFrom('letter_types').select(['id', 'name', 'code']));
  const hospitals = ctx.store.all(qb.selectFrom('hospitals').select(['id', 'name']));
  const problems: ImportProblem[] = [];
  const rows: { day: string; number: string; typeId: string; name: string; nik: string; hospitalId: string | null; hospitalName: string; diagnosis: string }[] = [];
  const seenNumbers = new Map<string, number>();
  const last = ws.actualRowCount;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const get = (c: string) => row.getCell(col[c]!).value;
    const wrong: string[] = [];
    const day = dayOf(get('tanggal'));
    if (!day) wrong.push('tanggal tidak terbaca (pakai TTTT-BB-HH atau HH/BB/TTTT)');
    const number = cellText(get('nomor surat'));
    if (!number) wrong.push('nomor surat kosong');
    else if (seenNumbers.has(number)) wrong.push(`nomor surat sama dengan baris ${seenNumbers.get(number)}`);
    else if (ctx.store.first(qb.selectFrom('letters').select('id').where('number', '=', number))) wrong.push('nomor surat sudah ada di register');
    seenNumbers.set(number, n);
    const typeText = cellText(get('jenis surat')).toLowerCase();
    const type = types.find((t) => t.name.toLowerCase() === typeText || t.code.toLowerCase() === typeText);
    if (!type) wrong.push(`jenis surat "${cellText(get('jenis surat'))}" tidak dikenal`);
    const name = cellText(get('nama pasien'));
    if (name.length < 2) wrong.push('nama pasien kosong');
    const nik = cellText(get('nik')).replace(/[\s.-]/g, '');
    if (!/^\d{16}$/.test(nik)) wrong.push('NIK harus 16 angka');
    const hospitalText = cellText(get('rumah sakit'));
    const hospital = hospitals.find((h) => h.name.toLowerCase() === hospitalText.toLowerCase());
    if (hospitalText && !hospital) wrong.push(`rumah sakit "${hospitalText}" tidak ada di daftar`);
    if (wrong.length) problems.push({ row: n, message: wrong.join('; ') });
    else rows.push({ day: day!, number, typeId: type!.id, name, nik, hospitalId: hospital?.id ?? null, hospitalName: hospital?.name ?? '', diagnosis: cellText(get('diagnosis')) });
    if (n % 500 === 0) jc.progress(0.1 + 0.6 * (n / last), `Memeriksa baris ${n} dari ${last}…`);
  });
  if (problems.length) {
    const shown = problems.slice(0, 20).map((p) => `Baris ${p.row}: ${p.message}.`).join(' ');
    throw new AppFailure('VALIDATION', `${problems.length} baris bermasalah, jadi tidak ada yang diimpor. ${shown}${problems.length > 20 ? ` (dan ${problems.length - 20} baris lain)` : ''}`);
  }
  if (jc.signal.aborted) return { rows: 0 };
  jc.progress(0.75, `Menyimpan ${rows.length} baris…`);
  const now = ctx.now();
  ctx.store.tx((w) => {
    for (const r of rows) {
      const received = `${r.day}T00:00:00.000Z`;
      // Letters are a synced table: the imported register reaches the central server too.
      syncInsert(w, 'letters', {
        reg_key: registerKey(w, received), id: newId(), letter_type_id: r.typeId, status: 'diserahkan', status_rank: statusRank('diserahkan'), ticket_id: null, patient_name: r.name, nik: r.nik,
        address: '', diagnosis: r.diagnosis, hospital_id: r.hospitalId, hospital_name: r.hospitalName, number: r.number, officer_id: actor.user.id,
        officer_name: `${actor.user.fullName} (impor)`, received_at: received, handed_over_at: received, day: r.day, created_at: iso(now),
      }, now);
    }
    audit(w, ctx, 'register.import', 'register', null, { path: input.path, rows: rows.length });
  });
  return { rows: rows.length };
}

export function startImport(ctx: Ctx, input: ParsedInput<'register.import'>) {
  const actor = requireActor(ctx);
  return ctx.jobs.start(
    IMPORT_KIND,
    async (jc) => {
      const { rows } = await importLegacy(ctx, input, jc);
      jc.progress(1, `${rows} baris diimpor.`);
      return null;
    },
    { exclusive: true, startedBy: actor.user.id },
  );
}
