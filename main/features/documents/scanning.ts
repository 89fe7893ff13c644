// Which scanner a desk drives (Admin → Dokumen), and one batch from it: pages handed on as each is
// complete, the batch's fault reported with the pages before it kept. The host's own desk scans
// here, as a job; other desks run the same batch in their own main process (./deskScan.ts).
import { readFileSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { ParsedInput, ScannerConfig } from '../../../common/contract/index';
import { AppFailure, audit, iso, newId, requireActor, type Ctx } from '../../platform/context';
import { qb } from '../../platform/db';
import type { ScanFault, ScannedPage, Scanner } from '../../platform/ports';
import { unclaimedStore } from '../../platform/transport/idempotency';
import { fileStore, ticketService } from './caseFile';
import { ingestPage, remakePdf } from './pages';
import { Naps2Scanner } from './adapters/naps2';
import { SaneScanner } from './adapters/sane';
import { WatchFolderScanner } from './adapters/watchFolder';
import { WiaScanner } from './adapters/wia';

export const DEFAULT_SCANNER: ScannerConfig = { adapter: 'none', device: '', resolution: 200, mode: 'gray', paper: 'A4', source: 'flatbed', folder: '', inboxFolder: '' };

export function deskScannerConfig(ctx: Pick<Ctx, 'store'>, deskId: string): ScannerConfig {
  const row = ctx.store.first(qb.selectFrom('desk_scanners').select('config').where('desk_id', '=', deskId));
  return row ? scannerConfigOf(row.config) : DEFAULT_SCANNER;
}

/** A desk_scanners row's stored config, with the defaults for what it does not say. */
export const scannerConfigOf = (json: string): ScannerConfig => ({ ...DEFAULT_SCANNER, ...(JSON.parse(json) as Partial<ScannerConfig>) });

/** Two spellings of one folder on this PC are one folder (case too, on Windows). */
const sameFolder = (a: string, b: string): boolean => {
  const norm = (p: string) => resolve(p).replace(/[\\/]+$/, '');
  return process.platform === 'win32' ? norm(a).toLowerCase() === norm(b).toLowerCase() : norm(a) === norm(b);
};

export function saveDeskScanner(ctx: Ctx, input: ParsedInput<'documents.saveScanner'>): { id: string; name: string; counter_no: number } {
  const desk = ctx.store.first(qb.selectFrom('desks').select(['id', 'name', 'counter_no']).where('id', '=', input.deskId).where('revoked_at', 'is', null));
  if (!desk) throw new AppFailure('NOT_FOUND', 'Meja tidak ditemukan.');
  const config = input.config;
  if (config.adapter === 'folder' && !config.folder)
    throw new AppFailure('VALIDATION', 'Tulis folder tempat pemindai jaringan menyimpan hasil pindaian.', { folder: 'Wajib untuk folder pindaian.' });
  if (config.inboxFolder) {
    if (!isAbsolute(config.inboxFolder))
      throw new AppFailure('VALIDATION', 'Tulis folder kotak masuk lengkap dari awal, misalnya /srv/pindaian/loket1 atau \\\\server\\pindaian\\loket1.', { inboxFolder: 'Harus alamat folder lengkap.' });
    if (config.adapter === 'folder' && config.folder && sameFolder(config.folder, config.inboxFolder))
      throw new AppFailure('VALIDATION', 'Folder ini sudah dipantau terus untuk kotak masuk; jenis pemindai Folder jaringan memakai folder lain, atau pilih jenis lain.', { inboxFolder: 'Sama dengan folder pindaian.' });
    const others = ctx.store.all(qb.selectFrom('desk_scanners as s').innerJoin('desks as d', 'd.id', 's.desk_id').select(['d.counter_no', 's.config']).where('d.revoked_at', 'is', null).where('d.id', '!=', desk.id));
    const taken = others.find((o) => {
      const other = (JSON.parse(o.config) as Partial<ScannerConfig>).inboxFolder;
      return other ? sameFolder(other, config.inboxFolder) : false;
    });
    if (taken)
      throw new AppFailure('VALIDATION', `Folder ini sudah menjadi kotak masuk meja ${taken.counter_no}. Setiap meja memakai folder kotak masuknya sendiri.`, { inboxFolder: 'Sudah dipakai meja lain.' });
  }
  const now = iso(ctx.now());
  ctx.store.tx((w) => {
    w.run(qb.insertInto('desk_scanners').values({ desk_id: desk.id, config: JSON.stringify(config), updated_at: now }).onConflict((oc) => oc.column('desk_id').doUpdateSet({ config: JSON.stringify(config), updated_at: now })));
    audit(w, ctx, 'documents.saveScanner', 'desk', desk.id, config);
  });
  return desk;
}

/**
 * The adapter for a configuration, on this PC. LOKET_SCANIMAGE names another scanimage program
 * (the device tests' fault-injecting wrapper); SANE_CONFIG_DIR is SANE's own.
 */
export function scannerFor(config: Pick<ScannerConfig, 'adapter' | 'folder'>): Scanner | null {
  switch (config.adapter) {
    case 'sane':
      return new SaneScanner({ command: process.env.LOKET_SCANIMAGE || 'scanimage' });
    case 'wia':
      return new WiaScanner();
    case 'naps2':
      return new Naps2Scanner();
    case 'folder':
      return new WatchFolderScanner({ folder: config.folder });
    default:
      return null;
  }
}

export const NO_SCANNER_MESSAGE = 'Pemindai untuk meja ini belum diatur. Minta admin memilihnya di Admin → Dokumen, atau masukkan berkas dari file atau kamera.';

export interface BatchOutcome {
  stored: number;
  fault: ScanFault | null;
  /** A page the sink could not take (host unreachable, refused): the pages from there on are kept where they are. */
  sinkError: Error | null;
}

/**
 * Scans one batch and hands each page to `sink` in order, as it arrives. A page the sink fails on
 * stops the handing on; the scan itself still finishes, so nothing on the glass or in the feeder
 * is half-taken.
 */
export async function runBatch(scanner: Scanner, config: Pick<ScannerConfig, 'device' | 'resolution' | 'mode' | 'paper' | 'source'>, outDir: string, signal: AbortSignal | undefined, sink: (page: ScannedPage) => Promise<void>): Promise<BatchOutcome> {
  let chain = Promise.resolve();
  let stored = 0;
  let sinkError: Error | null = null;
  const result = await scanner.scan({
    device: config.device,
    resolution: config.resolution,
    mode: config.mode,
    paper: config.paper,
    source: config.source,
    outDir,
    ...(signal ? { signal } : {}),
    onPage: (page) => {
      chain = chain.then(async () => {
        if (sinkError) return;
        try {
          await sink(page);
          stored++;
        } catch (err) {
          sinkError = err as Error;
        }
      });
    },
  });
  await chain;
  return { stored, fault: result.fault, sinkError };
}

const busyDesks = new Set<string>();

/** `documents.scan`: the host's own scanner, with the caller desk's settings, as a job. */
export function startHostScan(ctx: Ctx, input: ParsedInput<'documents.scan'>): { jobId: string } {
  const actor = requireActor(ctx);
  ticketService(ctx, input.ticketId);
  const config = deskScannerConfig(ctx, actor.desk.id);
  const scanner = scannerFor(config);
  if (!scanner) throw new AppFailure('SCANNER_NOT_FOUND', NO_SCANNER_MESSAGE);
  if (busyDesks.has(actor.desk.id)) throw new AppFailure('SCANNER_BUSY', 'Pemindai meja ini sedang memindai. Tunggu sampai selesai.');
  const jobCtx: Ctx = { ...ctx, store: unclaimedStore(ctx.store), events: [] };
  busyDesks.add(actor.desk.id);
  const files = fileStore(ctx);
  const job = ctx.jobs.start(
    'documents.scan',
    async (j) => {
      try {
        j.progress(0.05, 'Memindai…');
        const outDir = join(ctx.dataDir, 'scans', newId());
        // Each page is kept (by hash) the moment it is scanned and queued for its image work, so the
        // scanner never waits for the JPEG of the page before.
        const work: Promise<unknown>[] = [];
        let stored = 0;
        const outcome = await runBatch(scanner, config, outDir, j.signal, async (page) => {
          const { sha256 } = files.put(readFileSync(page.path));
          rmSync(page.path, { force: true });
          work.push(
            ingestPage(jobCtx, { ticketId: input.ticketId, docType: input.docType, sourceSha256: sha256, source: 'scan', mode: config.mode, pdfAtEnd: true }, j.publish).then(() => {
              stored++;
              j.progress(Math.min(0.95, 0.1 + stored * 0.08), `Halaman ${stored} tersimpan`);
            }),
          );
        });
        const settled = await Promise.allSettled(work);
        // The document's PDF once, with every page the batch stored (also when it stopped on a fault).
        if (stored > 0) await remakePdf(jobCtx, input.ticketId, input.docType, j.publish);
        const refused = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason as Error | undefined;
        rmSync(outDir, { recursive: true, force: true });
        const saved = `${stored} halaman tersimpan.`;
        const sinkError = outcome.sinkError ?? refused ?? null;
        if (sinkError) throw sinkError instanceof AppFailure ? new AppFailure(sinkError.code, `${saved} ${sinkError.message}`) : sinkError;
        if (outcome.fault) throw new AppFailure(outcome.fault.code, `${saved} ${outcome.fault.message}`);
        j.progress(1, saved);
        return null;
      } finally {
        busyDesks.delete(actor.desk.id);
      }
    },
    { startedBy: actor.user.id },
  );
  return { jobId: job.id };
}
