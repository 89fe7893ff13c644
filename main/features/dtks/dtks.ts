// The DTKS/DTSEN register: uploading Dinas Sosial's list, previewing its columns, importing it as
// a job on a worker thread (see ./workerSource.ts), and looking members up by NIK.
import { closeSync, createReadStream, mkdirSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CallInput, CallOutput, DtksLookup, DtksPerson, DtksReport, Job } from '../../../common/contract/index';
import { cleanIdCell, dtksRowIssue, mapHeaders, mappingProblems, DTKS_FIELD_LABELS, type DtksMapping } from '../../../common/domain/dtksColumns';
import { officeDateLong } from '../../../common/domain/time';
import { compiledOnce, prepared, qb, type ReadDb } from '../../platform/db';
import { AppFailure, audit, iso, newId, requireActor, type Ctx, type Deps } from '../../platform/context';
import { runInWorker, sqliteModulePaths } from '../../platform/jobs/worker';
import { officeTimeZone } from '../../platform/office';
import { pdfEngine } from '../../platform/pdf';
import { readSetting, writeSetting } from '../../platform/settings';
import { DTKS_WORKER_SOURCE } from './workerSource';

const require = createRequire(import.meta.url);
export const DTKS_KIND = 'dtks.import';
const REPORT_KEY = 'dtks.lastReport';
/** Rows beyond this are refused: a list that long is not one regency's DTKS. */
export const MAX_ROWS = 1_000_000;

export const VILLAGE_LETTER_STEP =
  'Tidak terdaftar di DTKS/DTSEN. Langkah berikutnya (SOP langkah 11): minta surat keterangan tidak mampu (SKTM) dari kepala desa/lurah, lalu ajukan ke Dinas Sosial untuk didaftarkan.';
const NO_LIST_STEP = 'Data DTKS belum diimpor di kantor ini. Minta admin mengimpor daftar terbaru dari Dinas Sosial (Admin → DTKS), atau cek secara daring.';

const LABELS = {
  reading: 'Membaca baris {n}…',
  swapping: 'Mengganti daftar lama dengan daftar baru…',
  clearing: 'Membersihkan daftar lama…',
  duplicate: 'NIK {nik} ganda: sudah ada di baris {row}',
  tooMany: 'Berkas berisi lebih dari {max} baris. Pastikan ini daftar DTKS satu kabupaten/kota. Data tersimpan tidak diubah.',
  empty: 'Berkas kosong: tidak ada baris judul maupun data. Data tersimpan tidak diubah.',
  noGoodRows: 'Tidak ada satu baris pun yang dapat diimpor ({bad} baris bermasalah). Periksa kolom NIK dan nama. Data tersimpan tidak diubah.',
  tooManyBad: 'Terlalu banyak baris bermasalah ({bad} dari {seen}). Berkas tidak diimpor; data tersimpan tidak diubah. Perbaiki berkas lalu impor lagi.',
  noSheet: 'Berkas Excel tidak berisi lembar kerja. Data tersimpan tidak diubah.',
  unreadable: 'Berkas tidak dapat dibaca sebagai daftar DTKS ({why}). Simpan ulang dari Excel sebagai .xlsx atau CSV, lalu coba lagi. Data tersimpan tidak diubah.',
};

// ---- uploads ----------------------------------------------------------------------------------

interface Upload { id: string; fileName: string; size: number; received: number; nextIndex: number; path: string; userId: string }
const uploads = new Map<string, Upload>();
const uploadDir = (deps: Pick<Deps, 'dataDir'>) => join(deps.dataDir, 'dtks-uploads');

export function uploadStart(ctx: Ctx, input: CallInput<'dtks.uploadStart'>): { uploadId: string } {
  const actor = requireActor(ctx);
  mkdirSync(uploadDir(ctx), { recursive: true });
  const id = newId();
  const path = join(uploadDir(ctx), `${id}.part`);
  closeSync(openSync(path, 'w', 0o600));
  uploads.set(id, { id, fileName: input.fileName, size: input.sizeBytes, received: 0, nextIndex: 0, path, userId: actor.user.id });
  return { uploadId: id };
}

function upload(ctx: Ctx, id: string): Upload {
  const u = uploads.get(id);
  if (!u || u.userId !== requireActor(ctx).user.id) throw new AppFailure('NOT_FOUND', 'Unggahan tidak ditemukan (Loket di komputer utama mungkin dimulai ulang). Pilih berkasnya lagi.');
  return u;
}

export function uploadChunk(ctx: Ctx, input: CallInput<'dtks.uploadChunk'>): { receivedBytes: number } {
  const u = upload(ctx, input.uploadId);
  if (input.index < u.nextIndex) return { receivedBytes: u.received }; // a resent chunk
  if (input.index > u.nextIndex) throw new AppFailure('VALIDATION', 'Potongan berkas datang tidak berurutan. Unggah ulang berkasnya.');
  const bytes = Buffer.from(input.data, 'base64');
  if (u.received + bytes.length > u.size) throw new AppFailure('VALIDATION', 'Berkas lebih besar dari ukuran yang disebutkan. Unggah ulang berkasnya.');
  const fd = openSync(u.path, 'a');
  try {
    writeSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  u.received += bytes.length;
  u.nextIndex++;
  return { receivedBytes: u.received };
}

function completeUpload(ctx: Ctx, id: string): Upload {
  const u = upload(ctx, id);
  if (u.received !== u.size) throw new AppFailure('VALIDATION', `Unggahan belum lengkap (${u.received} dari ${u.size} byte). Unggah ulang berkasnya.`);
  return u;
}

/** Registers a file already on the host's disk as an upload (tests and the benchmark). */
export function adoptFile(userId: string, path: string, fileName: string): string {
  const id = newId();
  uploads.set(id, { id, fileName, size: statSync(path).size, received: statSync(path).size, nextIndex: 1, path, userId });
  return id;
}

// ---- what the file is -------------------------------------------------------------------------

type Format = 'xlsx' | 'csv';

function sniff(path: string): Format {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(65536);
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const b = head.subarray(0, n);
  const refuse = (why: string) => new AppFailure('DTKS_BAD_FILE', `${why} Data tersimpan tidak diubah.`, { file: why });
  if (n === 0) throw refuse('Berkas kosong.');
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)
    throw refuse('Berkas ini format Excel lama (.xls). Buka di Excel lalu simpan sebagai .xlsx (Excel Workbook) atau CSV.');
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') throw refuse('Berkas ini PDF, bukan lembar kerja. Minta daftar DTKS dalam format Excel (.xlsx) atau CSV.');
  if (b.includes(0)) throw refuse('Berkas ini bukan lembar kerja Excel (.xlsx) atau CSV.');
  const text = b.toString('utf8');
  if (text.includes('\uFFFD') && n < 65536) throw refuse('Berkas ini bukan teks CSV yang dapat dibaca (bukan UTF-8).');
  if (/^\s*<(!doctype|html)/i.test(text)) throw refuse('Berkas ini halaman web (HTML), bukan lembar kerja.');
  return 'csv';
}

function csvHead(path: string, rows: number): string[][] {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(256 * 1024);
  let n: number;
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  let text = buf.subarray(0, n).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delim = [';', ',', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length && out.length < rows; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') q = false;
      else field += ch;
    } else if (ch === '"' && field === '') q = true;
    else if (ch === delim) row.push(field), (field = '');
    else if (ch === '\n') {
      row.push(field);
      field = '';
      if (row.some((c) => c.trim() !== '')) out.push(row);
      row = [];
    } else if (ch !== '\r') field += ch;
  }
  if (out.length < rows && (field || row.length)) {
    row.push(field);
    if (row.some((c) => c.trim() !== '')) out.push(row);
  }
  return out;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text?: string }[]; result?: unknown; text?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text ?? '').join('');
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
  }
  return '';
}

async function xlsxHead(path: string, rows: number): Promise<string[][]> {
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const out: string[][] = [];
  const input = createReadStream(path);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? (row.values as unknown[]).slice(1).map(cellText) : [];
        if (values.some((c) => c.trim() !== '')) out.push(values);
        if (out.length >= rows) break;
      }
      break;
    }
  } catch (err) {
    throw new AppFailure('DTKS_BAD_FILE', `Berkas Excel rusak atau tidak dapat dibaca (${(err as Error).message}). Simpan ulang dari Excel sebagai .xlsx lalu coba lagi. Data tersimpan tidak diubah.`);
  } finally {
    input.destroy();
  }
  if (out.length === 0) throw new AppFailure('DTKS_BAD_FILE', 'Lembar kerja pertama kosong: tidak ada baris judul. Data tersimpan tidak diubah.');
  return out;
}

async function head(path: string): Promise<{ format: Format; rows: string[][] }> {
  const format = sniff(path);
  const rows = format === 'csv' ? csvHead(path, 6) : await xlsxHead(path, 6);
  if (rows.length === 0) throw new AppFailure('DTKS_BAD_FILE', 'Berkas kosong: tidak ada baris judul. Data tersimpan tidak diubah.');
  return { format, rows };
}

export async function preview(ctx: Ctx, input: CallInput<'dtks.preview'>): Promise<CallOutput<'dtks.preview'>> {
  const u = completeUpload(ctx, input.uploadId);
  const { format, rows } = await head(u.path);
  const headers = rows[0]!.map((h) => h.trim());
  const match = mapHeaders(headers);
  const problems = [
    ...match.missing.map((f) => `Kolom ${DTKS_FIELD_LABELS[f]} tidak dikenali. Pilih kolomnya di bawah.`),
    ...match.duplicates.map((h) => `Kolom "${h}" muncul lebih dari sekali; yang pertama dipakai.`),
  ];
  return { format, headers, sample: rows.slice(1, 6), mapping: match.mapping, missing: match.missing, problems };
}

// ---- the import job ---------------------------------------------------------------------------

interface WorkerResult { rowCount: number; badCount: number; badRows: { row: number; reason: string }[] }

function saveReport(deps: Deps, report: DtksReport): void {
  try {
    deps.store.tx((w) => writeSetting(w, REPORT_KEY, JSON.stringify(report)));
  } catch (err) {
    console.error('[loket] cannot save the DTKS report', err);
  }
}

export async function startImport(ctx: Ctx, input: CallInput<'dtks.import'>): Promise<Job> {
  const actor = requireActor(ctx);
  const u = completeUpload(ctx, input.uploadId);
  const { format, rows } = await head(u.path);
  const headers = rows[0]!;
  const mapping: DtksMapping = input.mapping ?? mapHeaders(headers).mapping;
  const problems = mappingProblems(mapping, headers.length);
  if (problems.length)
    throw new AppFailure(
      'DTKS_BAD_FILE',
      `Kolom berkas tidak sesuai daftar DTKS: ${problems.join(' ')} Kolom yang ada: ${headers.filter((h) => h.trim()).join(', ') || '(tidak ada)'}. Data tersimpan tidak diubah.`,
    );
  uploads.delete(u.id);
  const at = iso(ctx.now());
  const deps: Deps = ctx;
  return ctx.jobs.start(
    DTKS_KIND,
    async (jc) => {
      jc.progress(0, 'Memulai impor…');
      const importId = newId();
      const report = (outcome: DtksReport['outcome'], message: string, r?: WorkerResult): DtksReport => ({
        fileName: u.fileName, at, outcome, message, rowCount: r?.rowCount ?? 0, badCount: r?.badCount ?? 0, badRows: r?.badRows ?? [],
      });
      try {
        const r = await runInWorker<WorkerResult>(
          DTKS_WORKER_SOURCE,
          {
            sqlite: sqliteModulePaths(), dbFile: deps.dbFile, file: u.path, format, mapping, importId, fileName: u.fileName, userId: actor.user.id, at,
            exceljs: require.resolve('exceljs'), rowIssueSrc: String(dtksRowIssue), cleanSrc: String(cleanIdCell), maxRows: MAX_ROWS, labels: LABELS,
          },
          jc,
          { failureCode: 'DTKS_BAD_FILE' },
        );
        const message = r.badCount
          ? `Daftar diimpor: ${r.rowCount.toLocaleString('id-ID')} orang. ${r.badCount.toLocaleString('id-ID')} baris dilewati karena bermasalah (lihat laporan).`
          : `Daftar diimpor: ${r.rowCount.toLocaleString('id-ID')} orang, tanpa baris bermasalah.`;
        deps.store.tx((w) => {
          writeSetting(w, REPORT_KEY, JSON.stringify(report('imported', message, r)));
          w.run(qb.insertInto('audit').values({ id: newId(), at: iso(deps.now()), user_id: actor.user.id, desk_id: actor.desk.id, action: 'dtks.import', entity: 'dtks_import', entity_id: importId, detail: JSON.stringify({ fileName: u.fileName, rows: r.rowCount, bad: r.badCount }) }));
        });
        jc.progress(1, message);
        return null;
      } catch (err) {
        if (jc.signal.aborted) saveReport(deps, report('cancelled', 'Impor dibatalkan. Daftar sebelumnya tetap berlaku.'));
        else saveReport(deps, report('refused', err instanceof AppFailure ? err.message : LABELS.unreadable.replace('{why}', String((err as Error)?.message ?? err))));
        throw err;
      } finally {
        rmSync(u.path, { force: true });
      }
    },
    { exclusive: false, startedBy: actor.user.id },
  );
}

// ---- reading the register ---------------------------------------------------------------------

const ACTIVE_LIST = compiledOnce(qb.selectFrom('dtks_imports').selectAll().where('status', '=', 'active'));
const PERSON_COLUMNS = ['nik', 'name', 'kk', 'household_id', 'address', 'village', 'district', 'desil'] as const;
// The lookup's queries, built once: a desk looks up every member of every family it checks.
const PERSON = prepared((p: { importId: string; nik: string }) =>
  qb.selectFrom('dtks_people').select(PERSON_COLUMNS).where('import_id', '=', p.importId).where('nik', '=', p.nik));
const HOUSEHOLD = prepared((p: { importId: string; householdId: string }) =>
  qb.selectFrom('dtks_people').select(PERSON_COLUMNS).where('import_id', '=', p.importId).where('household_id', '=', p.householdId).orderBy('row_no').limit(50));

function activeList(db: ReadDb) {
  const r = db.first(ACTIVE_LIST);
  return r ? { id: r.id, fileName: r.file_name, importedAt: r.imported_at ?? r.started_at, rowCount: r.row_count, badCount: r.bad_count } : null;
}

export function status(ctx: Ctx): CallOutput<'dtks.status'> {
  const raw = readSetting(ctx.store, REPORT_KEY);
  return { active: activeList(ctx.store), lastReport: raw ? (JSON.parse(raw) as DtksReport) : null };
}

const person = (r: { nik: string; name: string; kk: string; household_id: string; address: string; village: string; district: string; desil: string }): DtksPerson => ({
  nik: r.nik, name: r.name, kk: r.kk, householdId: r.household_id, address: r.address, village: r.village, district: r.district, desil: r.desil,
});

export function lookup(ctx: Ctx, input: CallInput<'dtks.lookup'>): DtksLookup {
  requireActor(ctx);
  const list = activeList(ctx.store);
  if (!list) return { status: 'belum_ada_data', nik: input.nik, nextStep: NO_LIST_STEP };
  const p = ctx.store.first(PERSON({ importId: list.id, nik: input.nik }));
  if (!p) return { status: 'tidak_terdaftar', list, nik: input.nik, nextStep: VILLAGE_LETTER_STEP };
  let members;
  if (p.household_id) members = ctx.store.all(HOUSEHOLD({ importId: list.id, householdId: p.household_id }));
  else {
    let q = qb.selectFrom('dtks_people').select(PERSON_COLUMNS).where('import_id', '=', list.id);
    q = p.kk ? q.where('kk', '=', p.kk) : q.where('nik', '=', p.nik);
    members = ctx.store.all(q.orderBy('row_no').limit(50));
  }
  return { status: 'terdaftar', list, person: person(p), members: members.map(person) };
}

// ---- the printable record (seed 000 step 3) ---------------------------------------------------

export async function recordPdf(ctx: Ctx, input: CallInput<'dtks.recordPdf'>): Promise<CallOutput<'dtks.recordPdf'>> {
  const r = lookup(ctx, { nik: input.nik });
  const tz = officeTimeZone(ctx.store);
  const office = ctx.store.first(qb.selectFrom('office').select(['name', 'kab_kota']));
  const now = ctx.now();
  const title = 'HASIL PENGECEKAN DATA TERPADU KESEJAHTERAAN SOSIAL (DTKS/DTSEN)';
  const body: unknown[] = [];
  if (r.status === 'terdaftar') {
    body.push(
      { text: [{ text: 'Status: ', bold: true }, 'TERDAFTAR'], margin: [0, 8, 0, 4] },
      { columns: [{ width: 140, text: 'ID keluarga / ID DTKS' }, { text: `: ${r.person.householdId || '-'}` }] },
      { columns: [{ width: 140, text: 'Nomor KK' }, { text: `: ${r.person.kk || '-'}` }] },
      { columns: [{ width: 140, text: 'Alamat' }, { text: `: ${[r.person.address, r.person.village, r.person.district].filter(Boolean).join(', ') || '-'}` }] },
      { columns: [{ width: 140, text: 'Desil' }, { text: `: ${r.person.desil || '-'}` }] },
      {
        margin: [0, 10, 0, 0],
        table: {
          headerRows: 1,
          widths: [20, 110, '*', 40],
          body: [
            [{ text: 'No', bold: true }, { text: 'NIK', bold: true }, { text: 'Nama', bold: true }, { text: 'Desil', bold: true }],
            ...r.members.map((m, i) => [String(i + 1), m.nik, m.name + (m.nik === r.person.nik ? ' (dicek)' : ''), m.desil || '-']),
          ],
        },
      },
    );
  } else {
    body.push({ text: [{ text: 'NIK: ', bold: true }, input.nik], margin: [0, 8, 0, 4] }, { text: [{ text: 'Status: ', bold: true }, 'TIDAK TERDAFTAR'] }, { text: r.nextStep, margin: [0, 8, 0, 0] });
  }
  const list = r.status === 'belum_ada_data' ? null : r.list;
  const doc = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title, creator: 'Loket' },
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    content: [
      { text: office?.name ?? '', bold: true, fontSize: 12, alignment: 'center' },
      { text: office?.kab_kota ?? '', alignment: 'center', margin: [0, 0, 0, 12] },
      { text: title, bold: true, alignment: 'center', fontSize: 11 },
      ...body,
      {
        margin: [0, 16, 0, 0],
        fontSize: 8,
        color: '#444',
        text: list
          ? `Sumber: daftar DTKS dari Dinas Sosial (${list.fileName}), diimpor ${officeDateLong(list.importedAt, tz, false)}. Dicetak ${officeDateLong(now, tz, false)}.`
          : `Dicetak ${officeDateLong(now, tz, false)}.`,
      },
    ],
  };
  const pdf = await pdfEngine().createPdf(doc).getBuffer();
  ctx.store.tx((w) => audit(w, ctx, 'dtks.print', 'dtks', input.nik.slice(0, 6)));
  return { fileName: `dtks-${input.nik}.pdf`, pdfBase64: Buffer.from(pdf).toString('base64') };
}
