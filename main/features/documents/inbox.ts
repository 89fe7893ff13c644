// The scan inbox (Kotak masuk pindaian): a scan-to-folder network scanner writes its files into a
// folder, which the komputer utama watches all the time, whoever is signed in. A file is taken once
// it is completely written (its size and time held still, the scanner's lock gone; temporary names
// ignored), goes through the image pipeline (a PDF page by page) into the desk's inbox, and the
// file itself moves to `sudah-diimpor/`, so a restart never takes it twice. The same file again
// (SHA-256) is recognised and not stored twice; anything that is not an image or a PDF, or cannot
// be read, is moved to `ditolak/` and the desk is told why. Nothing is ever deleted from the
// folder. At the desk the resepsionis puts an inbox file into the current case under a document
// type, or throws it away.
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { extname, basename, join } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, megabytes, sniffImage, tooLargeMessage, type DocType } from '../../../common/domain/documents';
import type { ParsedInput, ServerEvent } from '../../../common/contract/index';
import type { Inbox } from '../../../common/contract/documents';
import { AppFailure, audit, iso, newId, requireActor, type Ctx, type Deps } from '../../platform/context';
import { qb } from '../../platform/db';
import { sha256Of } from '../../platform/files';
import { fileStore, ticketService } from './caseFile';
import { addPreparedPages, maxFileBytes } from './pages';
import { isPdf, pdfPageImages, PdfNotReadable } from './pdfPages';
import { processPage } from './pipeline';
import { deskScannerConfig, scannerConfigOf } from './scanning';
import { dqb } from './tables';

export const IMPORTED_DIR = 'sudah-diimpor';
export const REFUSED_DIR = 'ditolak';
/** A file from the scanner may be larger than a stored page (a PDF batch, a 600 dpi colour page). */
export const MAX_SOURCE_BYTES = 10 * DEFAULT_MAX_FILE_BYTES;

/** Names a scanner, a copy program or an editor uses while a file is still being written. */
const TEMPORARY = /^[.~]|~$|\.(part|partial|tmp|temp|crdownload|download|filepart|lock|swp|!ut)$/i;
export const isTemporaryName = (name: string): boolean => TEMPORARY.test(name);

export interface InboxWatchOptions {
  /** How often the folders are looked at. */
  pollMs?: number;
  /** How long a file's size and time must hold still before it is taken. */
  stableMs?: number;
  /** Where the counts go (never file names: they may name a visitor). */
  log?: (line: string) => void;
}

interface Seen {
  size: number;
  mtimeMs: number;
  since: number;
}

interface FolderState {
  deskId: string;
  counterNo: number;
  folder: string;
  seen: Map<string, Seen>;
  problem: string | null;
}

export interface TickCounts {
  imported: number;
  duplicates: number;
  refused: number;
}

/** Whether another program still holds the file open for writing (Windows refuses us then). */
function locked(path: string): boolean {
  try {
    closeSync(openSync(path, 'r+'));
    return false;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // EBUSY is Windows' sharing violation; a read-only file (EACCES/EPERM) is not a lock.
    return code === 'EBUSY';
  }
}

/** `name` in `dir`, or `name (2)`, `name (3)`… when taken: nothing in the folder is overwritten. */
function freeName(dir: string, name: string): string {
  if (!existsSync(join(dir, name))) return join(dir, name);
  const ext = extname(name);
  const stem = basename(name, ext);
  for (let n = 2; ; n++) {
    const candidate = join(dir, `${stem} (${n})${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

function moveAside(folder: string, sub: string, name: string): void {
  const dir = join(folder, sub);
  mkdirSync(dir, { recursive: true });
  renameSync(join(folder, name), freeName(dir, name));
}

const notScan = (name: string) =>
  `${name} bukan gambar pindaian atau PDF (JPEG, PNG, TIFF, WEBP, PDF), jadi tidak dimasukkan. Berkasnya dipindahkan ke folder ${REFUSED_DIR} di folder pindaian.`;
const unreadable = (name: string, why: string) => `${name}: ${why} Berkasnya dipindahkan ke folder ${REFUSED_DIR} di folder pindaian.`;

type Prepared = { file_sha256: string; thumb_sha256: string; width: number; height: number; bytes: number };

/** The pages of an arrived file through the image pipeline, stored by content; or why not. */
async function preparePages(deps: Pick<Deps, 'dataDir'>, name: string, bytes: Buffer): Promise<{ kind: 'image' | 'pdf'; pages: Prepared[] } | { refused: string }> {
  if (bytes.length > MAX_SOURCE_BYTES)
    return { refused: unreadable(name, `berkas terlalu besar (${megabytes(bytes.length)}); batasnya ${megabytes(MAX_SOURCE_BYTES)} per berkas dari pemindai. Pindai dengan resolusi lebih rendah atau dalam beberapa bagian.`) };
  const head = bytes.subarray(0, 16);
  let pictures: Buffer[];
  let kind: 'image' | 'pdf';
  if (sniffImage(head)) {
    pictures = [bytes];
    kind = 'image';
  } else if (isPdf(head)) {
    try {
      pictures = await pdfPageImages(bytes);
    } catch (err) {
      if (err instanceof PdfNotReadable) return { refused: unreadable(name, err.message) };
      return { refused: unreadable(name, 'PDF ini rusak atau tidak dapat dibaca, jadi tidak dimasukkan.') };
    }
    kind = 'pdf';
  } else return { refused: notScan(name) };
  const files = fileStore(deps);
  const pages: Prepared[] = [];
  for (const picture of pictures) {
    let page;
    try {
      page = await processPage(picture, { mode: 'auto' });
    } catch {
      return { refused: unreadable(name, 'gambar ini rusak atau tidak dapat dibaca, jadi tidak dimasukkan. Pindai ulang halaman ini.') };
    }
    if (page.jpeg.length > maxFileBytes()) return { refused: unreadable(name, tooLargeMessage(page.jpeg.length, maxFileBytes())) };
    const stored = files.put(page.jpeg);
    const thumb = files.put(page.thumb);
    pages.push({ file_sha256: stored.sha256, thumb_sha256: thumb.sha256, width: page.width, height: page.height, bytes: stored.size });
  }
  return { kind, pages };
}

/** A system context for the watcher's own writes (no one is signed in to a folder). */
const systemCtx = (deps: Deps): Ctx => ({ ...deps, actor: null, remote: 'system', token: null, events: [] });

/** Takes one completely written file of a desk's folder into its inbox. */
export async function importInboxFile(deps: Deps, deskId: string, folder: string, name: string): Promise<keyof TickCounts> {
  const path = join(folder, name);
  const bytes = readFileSync(path);
  const sha256 = sha256Of(bytes);
  const known = deps.store.first(
    dqb.selectFrom('document_inbox').select(['id', 'kind']).where('desk_id', '=', deskId).where('sha256', '=', sha256).where('discarded_at', 'is', null),
  );
  if (known) {
    // Taken before (or refused before, and not yet acknowledged): not a second time.
    moveAside(folder, known.kind === 'refused' ? REFUSED_DIR : IMPORTED_DIR, name);
    return 'duplicates';
  }
  const prepared = await preparePages(deps, name, bytes);
  const id = newId();
  const now = iso(deps.now());
  const ctx = systemCtx(deps);
  deps.store.tx((w) => {
    w.run(
      dqb.insertInto('document_inbox').values({
        id, desk_id: deskId, file_name: name, sha256, bytes: bytes.length, kind: 'refused' in prepared ? 'refused' : prepared.kind,
        message: 'refused' in prepared ? prepared.refused : null, arrived_at: now,
        assigned_at: null, assigned_by: null, ticket_id: null, doc_type: null, discarded_at: null, discarded_by: null,
      }),
    );
    if (!('refused' in prepared)) prepared.pages.forEach((p, i) => w.run(dqb.insertInto('document_inbox_pages').values({ item_id: id, seq: i + 1, ...p })));
    audit(w, ctx, 'refused' in prepared ? 'documents.inboxRefused' : 'documents.inboxArrived', 'desk', deskId, { itemId: id, pages: 'refused' in prepared ? 0 : prepared.pages.length, bytes: bytes.length });
  });
  // Only once the row is in: a crash before this move finds the file again, as a duplicate.
  moveAside(folder, 'refused' in prepared ? REFUSED_DIR : IMPORTED_DIR, name);
  return 'refused' in prepared ? 'refused' : 'imported';
}

function folderProblem(folder: string): string | null {
  try {
    if (!statSync(folder).isDirectory()) return `${folder} bukan folder. Minta admin memeriksa folder kotak masuk di Admin → Dokumen.`;
    readdirSync(folder);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `Folder pindaian ${folder} tidak ada atau jaringannya terputus. Periksa folder bersama pemindai, atau minta admin memeriksanya di Admin → Dokumen.`;
    return `Folder pindaian ${folder} tidak dapat dibaca oleh komputer utama (${code ?? 'galat'}). Periksa izin folder bersama pemindai.`;
  }
}

/**
 * Watches every desk's inbox folder (Admin → Dokumen) from the komputer utama; started and stopped
 * with the host. Polls instead of relying on file-change notices, which network shares do not send
 * reliably.
 */
export class InboxWatcher {
  private readonly pollMs: number;
  private readonly stableMs: number;
  private readonly log: (line: string) => void;
  private readonly folders = new Map<string, FolderState>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly deps: Deps,
    private readonly publish: (e: ServerEvent) => void,
    opts: InboxWatchOptions = {},
  ) {
    this.pollMs = opts.pollMs ?? 2000;
    this.stableMs = opts.stableMs ?? 3000;
    this.log = opts.log ?? ((line) => console.info(line));
  }

  start(): this {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((err) => console.error('[loket] scan inbox check failed', (err as Error).message))
        .finally(() => {
          this.running = null;
          if (!this.stopped) {
            this.timer = setTimeout(loop, this.pollMs);
            this.timer.unref();
          }
        });
    };
    // The first look right after start-up (files that came while the komputer utama was off),
    // once the start-up has finished.
    this.timer = setTimeout(loop, 0);
    this.timer.unref();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** The watch of a desk's folder as the desk and the admin see it. */
  status(deskId: string, folder: string): { watching: boolean; problem: string | null } {
    const state = this.folders.get(deskId);
    if (!state || state.folder !== folder) return { watching: false, problem: this.stopped ? null : folderProblem(folder) };
    return { watching: !this.stopped && state.problem === null, problem: state.problem };
  }

  /** One look at every folder: answers what was done, per kind. */
  async tick(): Promise<TickCounts> {
    const desks = this.deps.store.all(
      qb.selectFrom('desk_scanners as s').innerJoin('desks as d', 'd.id', 's.desk_id').select(['d.id', 'd.counter_no', 's.config']).where('d.revoked_at', 'is', null),
    );
    const wanted = new Set<string>();
    const total: TickCounts = { imported: 0, duplicates: 0, refused: 0 };
    for (const d of desks) {
      const folder = scannerConfigOf(d.config).inboxFolder;
      if (!folder) continue;
      wanted.add(d.id);
      let state = this.folders.get(d.id);
      if (!state || state.folder !== folder) {
        state = { deskId: d.id, counterNo: d.counter_no, folder, seen: new Map(), problem: null };
        this.folders.set(d.id, state);
      }
      const counts = await this.poll(state);
      if (counts.imported || counts.refused || counts.duplicates) {
        this.log(`[loket] kotak masuk pindaian meja ${state.counterNo}: ${counts.imported} berkas masuk, ${counts.refused} ditolak, ${counts.duplicates} sama dengan yang sudah ada`);
        this.publish({ type: 'documents.inbox', deskId: d.id });
      }
      total.imported += counts.imported;
      total.duplicates += counts.duplicates;
      total.refused += counts.refused;
      if (this.stopped) break;
    }
    for (const id of [...this.folders.keys()]) if (!wanted.has(id)) this.folders.delete(id);
    return total;
  }

  private async poll(state: FolderState): Promise<TickCounts> {
    const counts: TickCounts = { imported: 0, duplicates: 0, refused: 0 };
    const problem = folderProblem(state.folder);
    if (problem !== state.problem) {
      state.problem = problem;
      this.publish({ type: 'documents.inbox', deskId: state.deskId });
      if (problem) console.error(`[loket] scan inbox folder of desk ${state.counterNo} cannot be read`);
    }
    if (problem) return counts;
    const now = Date.now();
    const ready: { name: string; mtimeMs: number }[] = [];
    const present = new Set<string>();
    for (const entry of readdirSync(state.folder, { withFileTypes: true })) {
      if (!entry.isFile() || isTemporaryName(entry.name)) continue;
      present.add(entry.name);
      let st;
      try {
        st = statSync(join(state.folder, entry.name));
      } catch {
        continue;
      }
      const seen = state.seen.get(entry.name);
      if (!seen || seen.size !== st.size || seen.mtimeMs !== st.mtimeMs || st.size === 0) {
        state.seen.set(entry.name, { size: st.size, mtimeMs: st.mtimeMs, since: now });
        continue;
      }
      if (now - seen.since < this.stableMs) continue;
      if (locked(join(state.folder, entry.name))) {
        seen.since = now;
        continue;
      }
      ready.push({ name: entry.name, mtimeMs: st.mtimeMs });
    }
    for (const name of [...state.seen.keys()]) if (!present.has(name)) state.seen.delete(name);
    // In the order the scanner wrote them: a batch's pages stay in order.
    ready.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
    for (const { name } of ready) {
      if (this.stopped) break;
      state.seen.delete(name);
      try {
        counts[await importInboxFile(this.deps, state.deskId, state.folder, name)]++;
      } catch (err) {
        // Gone or locked in between, or the disk refused: looked at again on the next round.
        console.error('[loket] scan inbox import failed', (err as NodeJS.ErrnoException).code ?? (err as Error).message);
      }
    }
    return counts;
  }
}

/** The running watchers, by data folder (one host per data folder; tests run several). */
const watchers = new Map<string, InboxWatcher>();
export const registerInboxWatcher = (dataDir: string, w: InboxWatcher | null): void => void (w ? watchers.set(dataDir, w) : watchers.delete(dataDir));

export function inboxWatchStatus(deps: Pick<Deps, 'dataDir'>, deskId: string, folder: string): { watching: boolean; problem: string | null } {
  const w = watchers.get(deps.dataDir);
  return w ? w.status(deskId, folder) : { watching: false, problem: folderProblem(folder) };
}

/** `documents.inbox`: the caller desk's inbox with page thumbnails; an audited view. */
export function listInbox(ctx: Ctx): Inbox {
  const actor = requireActor(ctx);
  const deskId = actor.desk.id;
  const folder = deskScannerConfig(ctx, deskId).inboxFolder;
  const rows = ctx.store.all(
    dqb.selectFrom('document_inbox').selectAll().where('desk_id', '=', deskId).where('assigned_at', 'is', null).where('discarded_at', 'is', null).orderBy('arrived_at').orderBy('id'),
  );
  const files = fileStore(ctx);
  const pagesOf = (itemId: string) =>
    ctx.store.all(dqb.selectFrom('document_inbox_pages').selectAll().where('item_id', '=', itemId).orderBy('seq'))
      .map((p) => ({ seq: p.seq, width: p.width, height: p.height, bytes: p.bytes, thumbBase64: files.read(p.thumb_sha256).toString('base64') }));
  const items = rows.filter((r) => r.kind !== 'refused').map((r) => ({ itemId: r.id, fileName: r.file_name, arrivedAt: r.arrived_at, kind: r.kind as 'image' | 'pdf', pages: pagesOf(r.id) }));
  const refused = rows.filter((r) => r.kind === 'refused').map((r) => ({ itemId: r.id, fileName: r.file_name, at: r.arrived_at, message: r.message ?? '' }));
  if (items.length > 0) ctx.store.tx((w) => audit(w, ctx, 'documents.inboxView', 'desk', deskId, { items: items.length }));
  const status = folder ? inboxWatchStatus(ctx, deskId, folder) : { watching: false, problem: null };
  return { folder, ...status, items, refused };
}

function openItem(ctx: Ctx, itemId: string) {
  const actor = requireActor(ctx);
  const item = ctx.store.first(dqb.selectFrom('document_inbox').selectAll().where('id', '=', itemId));
  // Each desk's inbox is its own.
  if (!item || item.desk_id !== actor.desk.id) throw new AppFailure('NOT_FOUND', 'Pindaian ini tidak ada di kotak masuk meja ini. Muat ulang kotak masuk.');
  if (item.assigned_at || item.discarded_at) throw new AppFailure('INVALID_STATE', 'Pindaian ini sudah dimasukkan ke berkas atau dibuang. Muat ulang kotak masuk.');
  return item;
}

/** `documents.inboxAssign`: the inbox file's pages go into the case's document, after its pages. */
export async function assignInboxItem(ctx: Ctx, input: ParsedInput<'documents.inboxAssign'>): Promise<{ itemId: string; pages: number }> {
  const actor = requireActor(ctx);
  const item = openItem(ctx, input.itemId);
  if (item.kind === 'refused') throw new AppFailure('INVALID_STATE', 'Berkas yang ditolak tidak dapat dimasukkan ke berkas kasus.');
  ticketService(ctx, input.ticketId);
  const pages = ctx.store.all(dqb.selectFrom('document_inbox_pages').selectAll().where('item_id', '=', item.id).orderBy('seq'));
  const now = iso(ctx.now());
  const publish = (e: ServerEvent) => ctx.events.push(e);
  await addPreparedPages(
    ctx,
    {
      ticketId: input.ticketId,
      docType: input.docType as DocType,
      sourceSha256: item.sha256,
      pages,
      // In the same transaction as the pages: two desks pressing at once put it in one case only.
      claim: (w) => {
        const n = w.run(
          dqb.updateTable('document_inbox').set({ assigned_at: now, assigned_by: actor.user.id, ticket_id: input.ticketId, doc_type: input.docType })
            .where('id', '=', item.id).where('assigned_at', 'is', null).where('discarded_at', 'is', null),
        );
        if (n !== 1) throw new AppFailure('INVALID_STATE', 'Pindaian ini sudah dimasukkan ke berkas atau dibuang. Muat ulang kotak masuk.');
        audit(w, ctx, 'documents.inboxAssign', 'ticket', input.ticketId, { itemId: item.id, docType: input.docType, pages: pages.length });
      },
    },
    publish,
  );
  publish({ type: 'documents.inbox', deskId: item.desk_id });
  return { itemId: item.id, pages: pages.length };
}

/** `documents.inboxDiscard`: thrown away; its page rows go, so the orphan sweep may take the files later. */
export function discardInboxItem(ctx: Ctx, itemId: string): { itemId: string } {
  const actor = requireActor(ctx);
  const item = openItem(ctx, itemId);
  ctx.store.tx((w) => {
    w.run(dqb.updateTable('document_inbox').set({ discarded_at: iso(ctx.now()), discarded_by: actor.user.id }).where('id', '=', item.id).where('discarded_at', 'is', null));
    w.run(dqb.deleteFrom('document_inbox_pages').where('item_id', '=', item.id));
    audit(w, ctx, 'documents.inboxDiscard', 'desk', item.desk_id, { itemId: item.id, kind: item.kind });
  });
  ctx.events.push({ type: 'documents.inbox', deskId: item.desk_id });
  return { itemId: item.id };
}
