// A legacy register (the book kept in Excel before Loket) imported as letters that were handed over
// long ago, as a job. A worker thread (./importWorker.ts) reads the workbook and checks every row on
// its own read-only connection while the host goes on serving; one bad row imports nothing, and the
// report names each bad row and what is wrong with it. The clean rows then go in with one
// transaction on the host (the register is a synced table: its one write path), so an import is
// whole or nothing, and a cancel before that transaction leaves the register as it was.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import type { ParsedInput } from '../../../common/contract/index';
import { statusRank } from '../../../common/domain/letterFlow';
import { AppFailure, audit, iso, newId, requireActor, type Ctx } from '../../platform/context';
import { qb } from '../../platform/db';
import { syncInsert } from '../../platform/sync';
import { JobCancelled } from '../../platform/jobs/runner';
import type { JobContext } from '../../platform/jobs/types';
import { runInWorker, sqliteModulePaths } from '../../platform/jobs/worker';
import { unclaimedStore } from '../../platform/transport/idempotency';
import { KEYS_PER_INSTANT, registerKeys } from '../letters';
import { IMPORT_WORKER_SOURCE } from './importWorker';

export const IMPORT_KIND = 'register.import';
const require = createRequire(import.meta.url);

/** The columns a legacy register must have (row 1), case and spacing ignored. */
export const LEGACY_COLUMNS = ['tanggal', 'nomor surat', 'jenis surat', 'nama pasien', 'nik', 'rumah sakit', 'diagnosis'] as const;
/**
 * Data rows one file may hold. The rows go in with one transaction on the host, about 0.13 ms a row
 * through the synced write path (20,000 rows ≈ 2.5 s on the CI box), during which requests wait:
 * a bigger book is split into several files.
 */
export const MAX_IMPORT_ROWS = 50_000;
/** Bad rows named in the report (all are counted). */
const LISTED_IN_MESSAGE = 20;

export interface ImportProblem { row: number; message: string }
interface ImportRow { row: number; day: string; number: string; typeId: string; name: string; nik: string; hospitalId: string | null; hospitalName: string; diagnosis: string }
interface WorkerAnswer { rows: ImportRow[]; problems: ImportProblem[]; problemCount: number; dataRows: number }

const fmt = (n: number) => n.toLocaleString('id-ID');

/** "3 baris bermasalah, jadi tidak ada yang diimpor. Baris 4: …. Baris 5: …." */
export function problemReport(problems: ImportProblem[], count: number): string {
  const shown = problems.slice(0, LISTED_IN_MESSAGE).map((p) => `Baris ${p.row}: ${p.message}.`).join(' ');
  const more = count - Math.min(count, problems.length, LISTED_IN_MESSAGE);
  return `${fmt(count)} baris bermasalah, jadi tidak ada yang diimpor. ${shown}${more > 0 ? ` (dan ${fmt(more)} baris lain)` : ''}`;
}

export async function importLegacy(ctx: Ctx, input: ParsedInput<'register.import'>, jc: JobContext): Promise<{ rows: number }> {
  const actor = requireActor(ctx);
  if (!existsSync(input.path)) throw new AppFailure('VALIDATION', `Berkas ${input.path} tidak ditemukan di komputer utama.`);
  jc.progress(0.02, 'Membaca berkas Excel…');
  const answer = await runInWorker<WorkerAnswer>(
    IMPORT_WORKER_SOURCE,
    {
      sqlite: sqliteModulePaths(), exceljs: require.resolve('exceljs'), dbFile: ctx.dbFile, file: input.path,
      columns: LEGACY_COLUMNS, maxRows: MAX_IMPORT_ROWS, maxListed: LISTED_IN_MESSAGE,
    },
    jc,
    { failureCode: 'VALIDATION' },
  );
  if (answer.problemCount) throw new AppFailure('VALIDATION', problemReport(answer.problems, answer.problemCount));
  // A cancel that came in while the last rows were checked: nothing has been written yet.
  if (jc.signal.aborted) throw new JobCancelled();
  const rows = answer.rows;
  jc.progress(0.75, `Menyimpan ${fmt(rows.length)} baris…`);
  // The write below is one transaction: the request thread is busy for it (about 0.15 ms a row).
  // Let the screens hear "Menyimpan…" first (the runner sends progress at most every 100 ms).
  await new Promise((r) => setTimeout(r, 120));
  if (jc.signal.aborted) throw new JobCancelled();
  const byDay = new Map<string, ImportRow[]>();
  for (const r of rows) {
    const list = byDay.get(r.day);
    if (list) list.push(r);
    else byDay.set(r.day, [r]);
  }
  const now = ctx.now();
  ctx.store.tx((w) => {
    // A number given out since the worker looked (a letter approved meanwhile) still refuses the whole file.
    const taken = new Set<string>();
    for (let i = 0; i < rows.length; i += 500) {
      const numbers = rows.slice(i, i + 500).map((r) => r.number);
      for (const t of w.all(qb.selectFrom('letters').select('number').where('number', 'in', numbers))) if (t.number) taken.add(t.number);
    }
    if (taken.size) {
      const clash = rows.filter((r) => taken.has(r.number));
      throw new AppFailure('VALIDATION', problemReport(clash.map((r) => ({ row: r.row, message: 'nomor surat sudah ada di register' })), clash.length));
    }
    const at = iso(now);
    for (const [day, dayRows] of byDay) {
      // Every imported row of a day is received at its midnight (the hour is not in the old book).
      const received = `${day}T00:00:00.000Z`;
      const keys = registerKeys(w, received, dayRows.length);
      if (!keys)
        throw new AppFailure('VALIDATION', `Tanggal ${day} berisi lebih dari ${fmt(KEYS_PER_INSTANT)} surat (bersama yang sudah ada di register); bagi baris tanggal itu ke beberapa hari atau hubungi teknisi. Tidak ada yang diimpor.`);
      dayRows.forEach((r, i) => {
        // Letters are a synced table: the imported register reaches the central server too.
        syncInsert(w, 'letters', {
          reg_key: keys[i]!, id: newId(), letter_type_id: r.typeId, status: 'diserahkan', status_rank: statusRank('diserahkan'), ticket_id: null, patient_name: r.name, nik: r.nik,
          address: '', diagnosis: r.diagnosis, hospital_id: r.hospitalId, hospital_name: r.hospitalName, number: r.number, officer_id: actor.user.id,
          officer_name: `${actor.user.fullName} (impor)`, received_at: received, handed_over_at: received, day, created_at: at,
        }, now);
      });
    }
    audit(w, ctx, 'register.import', 'register', null, { path: input.path, rows: rows.length });
  });
  return { rows: rows.length };
}

export function startImport(ctx: Ctx, input: ParsedInput<'register.import'>) {
  const actor = requireActor(ctx);
  // The call is idempotent and answered before the job writes: the job writes through the store
  // itself, not the request's claiming view (which would take its write for a repeated request).
  const jobCtx: Ctx = { ...ctx, store: unclaimedStore(ctx.store), events: [] };
  return ctx.jobs.start(
    IMPORT_KIND,
    async (jc) => {
      const { rows } = await importLegacy(jobCtx, input, jc);
      jc.progress(1, `${fmt(rows)} baris diimpor.`);
      return null;
    },
    { exclusive: true, startedBy: actor.user.id },
  );
}
