// Which scanners a PC has, for Admin → Dokumen's device list: SANE (`scanimage -f`, the formatted
// `-L`) where scanimage is, WIA through PowerShell on Windows, NAPS2's console where it is
// installed. A desk in desk mode searches on its own PC and reports through the contract
// (documents.reportScanners); the komputer utama searches its own for its own and browser desks.
// Cari ulang asks both again. What cannot be searched (no program) is said, not hidden.
import { existsSync } from 'node:fs';
import type { DeskScanner, ParsedInput, Result, ServerEvent } from '../../../common/contract/index';
import type { FoundScanner, ScannerReport } from '../../../common/contract/documents';
import { AppFailure, iso, requireActor, type Ctx, type Deps } from '../../platform/context';
import { qb } from '../../platform/db';
import type { ScannerDevice } from '../../platform/ports';
import { NAPS2_DEFAULT, Naps2Scanner } from './adapters/naps2';
import { SaneScanner } from './adapters/sane';
import { WiaScanner } from './adapters/wia';
import { inboxWatchStatus } from './inbox';
import { deskScannerConfig } from './scanning';
import { dqb } from './tables';

export const HOST_SCOPE = 'host';
/** `documents.discover` for every desk: Admin → Dokumen's first look. */
export const ALL_DESKS = '*';

export interface SearchOptions {
  platform?: NodeJS.Platform;
  /** The scanimage program (LOKET_SCANIMAGE by default). */
  scanimage?: string;
  naps2?: string;
}

const label = (d: ScannerDevice): string => {
  const name = [d.vendor, d.model].filter((x) => x && x.toLowerCase() !== 'noname').join(' ') || d.model || d.id;
  return d.kind ? `${name} (${d.kind})` : name;
};

/** Searches this PC's scanners with every adapter that exists here. */
export async function searchScanners(opts: SearchOptions = {}): Promise<{ devices: FoundScanner[]; notes: string[] }> {
  const platform = opts.platform ?? process.platform;
  const devices: FoundScanner[] = [];
  const notes: string[] = [];
  if (platform === 'win32') {
    try {
      for (const d of await new WiaScanner().list()) devices.push({ adapter: 'wia', device: d.id, label: label(d) });
    } catch (err) {
      notes.push(`WIA tidak dapat ditanya: ${(err as Error).message}`);
    }
  } else {
    const found = await new SaneScanner({ command: opts.scanimage ?? (process.env.LOKET_SCANIMAGE || 'scanimage') }).search();
    for (const d of found.devices) devices.push({ adapter: 'sane', device: d.id, label: label(d) });
    if (found.note) notes.push(found.note);
  }
  const naps2 = opts.naps2 ?? (process.env.LOKET_NAPS2 || (platform === 'win32' ? NAPS2_DEFAULT : ''));
  if (naps2 && existsSync(naps2)) {
    try {
      for (const d of await new Naps2Scanner(naps2).list()) devices.push({ adapter: 'naps2', device: d.id, label: `${d.model} (${d.id.split(':')[0]})` });
    } catch (err) {
      notes.push(`NAPS2 tidak dapat ditanya: ${(err as Error).message}`);
    }
  }
  return { devices, notes };
}

function readReport(deps: Pick<Deps, 'store'>, scope: string): ScannerReport | null {
  const row = deps.store.first(dqb.selectFrom('scanner_reports').selectAll().where('scope', '=', scope));
  if (!row) return null;
  return { where: scope === HOST_SCOPE ? 'host' : 'desk', at: row.reported_at, devices: JSON.parse(row.devices) as FoundScanner[], notes: JSON.parse(row.notes) as string[] };
}

function saveReport(deps: Pick<Deps, 'store' | 'now'>, scope: string, found: { devices: FoundScanner[]; notes: string[] }): string {
  const at = iso(deps.now());
  const values = { devices: JSON.stringify(found.devices), notes: JSON.stringify(found.notes), reported_at: at };
  deps.store.tx((w) => w.run(dqb.insertInto('scanner_reports').values({ scope, ...values }).onConflict((oc) => oc.column('scope').doUpdateSet(values))));
  return at;
}

/** The scanners a desk chooses from: its own PC's report, else the komputer utama's. */
export function foundFor(deps: Pick<Deps, 'store'>, deskId: string): ScannerReport | null {
  return readReport(deps, deskId) ?? readReport(deps, HOST_SCOPE);
}

export function deskScannerRow(deps: Deps, desk: { id: string; name: string; counter_no: number }): DeskScanner {
  const config = deskScannerConfig(deps, desk.id);
  return {
    deskId: desk.id,
    deskName: desk.name,
    counterNo: desk.counter_no,
    config,
    found: foundFor(deps, desk.id),
    inbox: config.inboxFolder ? inboxWatchStatus(deps, desk.id, config.inboxFolder) : null,
  };
}

/** One search on the komputer utama at a time (per data folder); a second asker waits for it. */
const searching = new Map<string, Promise<void>>();

/** The komputer utama searches its own scanners and keeps the report. */
export function searchOnHost(deps: Deps, publish: (e: ServerEvent) => void, opts: SearchOptions = {}): Promise<void> {
  const running = searching.get(deps.dataDir);
  if (running) return running;
  const run = searchScanners(opts)
    .then((found) => {
      saveReport(deps, HOST_SCOPE, found);
      publish({ type: 'documents.scanners', deskId: null });
    })
    .finally(() => searching.delete(deps.dataDir));
  searching.set(deps.dataDir, run);
  return run;
}

/** `documents.scanners`: every desk's settings and choices; the first look starts a search on the komputer utama. */
export function listScannerRows(ctx: Ctx): DeskScanner[] {
  if (!readReport(ctx, HOST_SCOPE) && !searching.has(ctx.dataDir))
    ctx.jobs.start(
      'documents.searchScanners',
      async (j) => {
        j.progress(0.1, 'Mencari pemindai…');
        await searchOnHost(ctx, j.publish);
        return null;
      },
      { startedBy: requireActor(ctx).user.id },
    );
  // Desks in desk mode that have not reported yet are asked too (they answer while signed in).
  const desks = ctx.store.all(qb.selectFrom('desks').select(['id', 'name', 'counter_no']).where('revoked_at', 'is', null).orderBy('counter_no'));
  if (desks.some((d) => !readReport(ctx, d.id))) ctx.events.push({ type: 'documents.discover', deskId: ALL_DESKS });
  return desks.map((d) => deskScannerRow(ctx, d));
}

/** `documents.rediscover`: search here now, ask the desk's own PC to search too. */
export async function rediscover(ctx: Ctx, deskId: string): Promise<DeskScanner> {
  const desk = ctx.store.first(qb.selectFrom('desks').select(['id', 'name', 'counter_no']).where('id', '=', deskId).where('revoked_at', 'is', null));
  if (!desk) throw new AppFailure('NOT_FOUND', 'Meja tidak ditemukan.');
  ctx.events.push({ type: 'documents.discover', deskId: desk.id });
  await searchOnHost(ctx, (e) => ctx.events.push(e));
  return deskScannerRow(ctx, desk);
}

/** `documents.reportScanners`: a desk's own PC says what it found. */
export function reportScanners(ctx: Ctx, input: ParsedInput<'documents.reportScanners'>): { at: string; deskId: string } {
  const actor = requireActor(ctx);
  const at = saveReport(ctx, actor.desk.id, input);
  ctx.events.push({ type: 'documents.scanners', deskId: actor.desk.id });
  return { at, deskId: actor.desk.id };
}

type DeskCall = (name: string, token: string | null, input: unknown) => Promise<Result<unknown>>;

/**
 * A desk in desk mode (its main process): searches this PC's scanners and reports them whenever
 * Admin → Dokumen asks (its first look, or Cari ulang for this desk), while someone is signed in.
 */
export function deskScannerReporter(call: DeskCall, opts: SearchOptions = {}) {
  let token: string | null = null;
  let deskId: string | null = null;
  let busy: Promise<void> | null = null;
  const report = (): Promise<void> => {
    if (!token) return Promise.resolve();
    if (busy) return busy;
    const session = token;
    busy = searchScanners(opts)
      .then(async (found) => {
        const r = await call('documents.reportScanners', session, found);
        if (r.ok) deskId = (r.value as { deskId: string }).deskId;
      })
      .catch((err) => console.error('[loket] desk scanner report failed', (err as Error).message))
      .finally(() => (busy = null));
    return busy;
  };
  return {
    /** A session began on this desk (null: it ended); reports go with it. */
    signedIn(session: string | null): void {
      token = session;
    },
    /** An event from the komputer utama's feed: a search asked of this desk (or of every desk). */
    onEvent(e: ServerEvent): Promise<void> {
      // Until this desk knows its id (its first report answers it), any ask is taken as ours.
      const forUs = e.type === 'documents.discover' && (deskId === null || e.deskId === deskId);
      return forUs ? report() : Promise.resolve();
    },
  };
}
