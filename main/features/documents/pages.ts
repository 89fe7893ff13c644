// A page's way into the case: the file as it arrived is kept (by hash), the image work makes the
// stored JPEG and its thumbnail, the page row and the document's PDF follow, and screens hear of
// it. Edits make a new page from the same source; removals only mark the row.
import { DEFAULT_MAX_FILE_BYTES, DOC_TYPES, NOT_AN_IMAGE_MESSAGE, sniffImage, tooLargeMessage, type DocType } from '../../../common/domain/documents';
import type { ServerEvent } from '../../../common/contract/index';
import { AppFailure, audit, iso, newId, requireActor, type Ctx } from '../../platform/context';
import { qb, type WriteDb } from '../../platform/db';
import { fileStore, ticketService } from './caseFile';
import { documentPdf, processPage, type Crop, type PageWork, type ProcessedPage } from './pipeline';

export interface IngestRequest {
  ticketId: string;
  docType: DocType;
  /** The file as it arrived, already in the file store. */
  sourceSha256: string;
  source: 'upload' | 'scan' | 'edit';
  mode: PageWork['mode'];
  rotate?: 0 | 90 | 180 | 270;
  crop?: Crop | null;
  /** An edit: the page this one replaces (keeps its place). */
  replaces?: string;
  /**
   * One page of a batch whose end remakes the document's PDF once (`remakePdf`): a feeder's pages
   * come faster than a PDF of all the pages so far is made, so none is made in between.
   */
  pdfAtEnd?: boolean;
}

/**
 * One document's pages change one at a time, so its PDF is always made from the latest pages; and
 * while more pages of it are queued (an ADF batch arriving) only the last one remakes the PDF.
 */
const lanes = new Map<string, Promise<unknown>>();
const queued = new Map<string, number>();
function inLane<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = lanes.get(key) ?? Promise.resolve();
  queued.set(key, (queued.get(key) ?? 0) + 1);
  const done = () => {
    const n = (queued.get(key) ?? 1) - 1;
    if (n > 0) queued.set(key, n);
    else queued.delete(key);
  };
  const run = before.then(work, work).finally(done);
  const tail = run.catch(() => undefined);
  lanes.set(key, tail);
  void tail.then(() => lanes.get(key) === tail && lanes.delete(key));
  return run;
}
/** More work waits behind the current one in this document's lane. */
const moreQueued = (key: string): boolean => (queued.get(key) ?? 0) > 1;

export const maxFileBytes = (): number => DEFAULT_MAX_FILE_BYTES;

/**
 * A scanner's pages arrive faster than one page's image work (a feeder gives several a second):
 * their image work starts as each arrives, two at a time (the PC's cores), while the pages are
 * still stored and numbered one after another in their lane. Other sources (an upload that may be
 * a duplicate, an edit) do their image work in the lane.
 */
const IMAGE_WORK_AT_ONCE = 2;
let imageWorkRunning = 0;
const imageWorkWaiting: (() => void)[] = [];
async function boundedImageWork<T>(work: () => Promise<T>): Promise<T> {
  if (imageWorkRunning >= IMAGE_WORK_AT_ONCE) await new Promise<void>((r) => imageWorkWaiting.push(r));
  imageWorkRunning++;
  try {
    return await work();
  } finally {
    imageWorkRunning--;
    imageWorkWaiting.shift()?.();
  }
}

/** Makes the stored page from a source file and records it; answers the page id. */
export function ingestPage(ctx: Ctx, req: IngestRequest, publish: (e: ServerEvent) => void): Promise<string> {
  const lane = `${req.ticketId}/${req.docType}`;
  let early: EarlyWork | null = null;
  if (req.source === 'scan') {
    const input = fileStore(ctx).read(req.sourceSha256);
    const page = sniffImage(input.subarray(0, 16)) ? boundedImageWork(() => processPage(input, { mode: req.mode, rotate: req.rotate ?? 0, crop: req.crop ?? null })) : null;
    // Awaited in the lane; a failure there is reported there (not as an unhandled rejection here).
    page?.catch(() => undefined);
    early = { input, page };
  }
  return inLane(lane, async () => {
    try {
      return await addPage(ctx, req, publish, lane, early);
    } catch (err) {
      // A refused page ends the run: the pages before it still get their PDF.
      if (!req.pdfAtEnd && !moreQueued(lane)) await rebuildPdf(ctx, req.ticketId, req.docType).catch(() => undefined);
      throw err;
    }
  });
}

/** A scanned page's bytes, read once, and its image work already under way (null: not an image). */
interface EarlyWork {
  input: Buffer;
  page: Promise<ProcessedPage> | null;
}

async function addPage(ctx: Ctx, req: IngestRequest, publish: (e: ServerEvent) => void, lane: string, early: EarlyWork | null = null): Promise<string> {
    requireActor(ctx);
    const files = fileStore(ctx);
    const input = early?.input ?? files.read(req.sourceSha256);
    if (!sniffImage(input.subarray(0, 16))) throw new AppFailure('NOT_AN_IMAGE', NOT_AN_IMAGE_MESSAGE);
    const existing = req.replaces || req.source !== 'upload'
      ? undefined
      : ctx.store.first(
          qb.selectFrom('document_pages').select('id').where('ticket_id', '=', req.ticketId).where('doc_type', '=', req.docType)
            .where('source_sha256', '=', req.sourceSha256).where('replaced_by', 'is', null).where('removed_at', 'is', null),
        );
    // The same file picked twice into one document is one page; a scanner's sheets are each a page.
    if (existing) return existing.id;
    let page;
    try {
      page = await (early?.page ?? processPage(input, { mode: req.mode, rotate: req.rotate ?? 0, crop: req.crop ?? null }));
    } catch {
      throw new AppFailure('NOT_AN_IMAGE', 'Gambar ini rusak atau tidak dapat dibaca, jadi tidak dimasukkan. Pindai atau foto ulang halaman ini.');
    }
    if (page.jpeg.length > maxFileBytes()) throw new AppFailure('FILE_TOO_LARGE', tooLargeMessage(page.jpeg.length, maxFileBytes()));
    const stored = files.put(page.jpeg);
    const thumb = files.put(page.thumb);
    const id = newId();
    const now = iso(ctx.now());
    ctx.store.tx((w) => {
      let seq: number;
      if (req.replaces) {
        const old = w.first(qb.selectFrom('document_pages').select(['seq', 'replaced_by', 'removed_at']).where('id', '=', req.replaces));
        if (!old || old.replaced_by || old.removed_at) throw new AppFailure('INVALID_STATE', 'Halaman ini sudah diubah atau dihapus orang lain. Muat ulang berkas kasus.');
        seq = old.seq;
      } else {
        const last = w.first(qb.selectFrom('document_pages').select((eb) => eb.fn.max('seq').as('m')).where('ticket_id', '=', req.ticketId).where('doc_type', '=', req.docType));
        seq = Number(last?.m ?? 0) + 1;
      }
      w.run(
        qb.insertInto('document_pages').values({
          id, ticket_id: req.ticketId, doc_type: req.docType, seq, file_sha256: stored.sha256, thumb_sha256: thumb.sha256, source_sha256: req.sourceSha256,
          mime: 'image/jpeg', width: page.width, height: page.height, bytes: stored.size, source: req.source,
          created_by: ctx.actor?.user.id ?? null, created_at: now, replaced_by: null, removed_at: null,
        }),
      );
      if (req.replaces) w.run(qb.updateTable('document_pages').set({ replaced_by: id }).where('id', '=', req.replaces));
      audit(w, ctx, req.replaces ? 'documents.editPage' : 'documents.addPage', 'ticket', req.ticketId, { docType: req.docType, pageId: id, bytes: stored.size, source: req.source });
    });
    if (!req.pdfAtEnd && !moreQueued(lane)) await rebuildPdf(ctx, req.ticketId, req.docType);
    publish({ type: 'documents.changed', ticketId: req.ticketId, docType: req.docType, pageId: id });
    return id;
}

/** The end of a batch of `pdfAtEnd` pages: the document's PDF made once, after its last page. */
export function remakePdf(ctx: Ctx, ticketId: string, docType: DocType, publish: (e: ServerEvent) => void): Promise<void> {
  return inLane(`${ticketId}/${docType}`, async () => {
    await rebuildPdf(ctx, ticketId, docType);
    publish({ type: 'documents.changed', ticketId, docType });
  });
}

export interface PreparedPages {
  ticketId: string;
  docType: DocType;
  /** The file the pages came from (an inbox file), as it arrived. */
  sourceSha256: string;
  /** Already through the image pipeline and in the file store, in order. */
  pages: { file_sha256: string; thumb_sha256: string; width: number; height: number; bytes: number }[];
  /** Runs in the pages' own transaction (e.g. marks the inbox file taken); throwing keeps nothing. */
  claim(w: WriteDb): void;
}

/** Pages made earlier (the scan inbox) go into a case's document after its pages; one PDF remade. */
export function addPreparedPages(ctx: Ctx, req: PreparedPages, publish: (e: ServerEvent) => void): Promise<string[]> {
  return inLane(`${req.ticketId}/${req.docType}`, async () => {
    const ids = req.pages.map(() => newId());
    const now = iso(ctx.now());
    ctx.store.tx((w) => {
      req.claim(w);
      const last = w.first(qb.selectFrom('document_pages').select((eb) => eb.fn.max('seq').as('m')).where('ticket_id', '=', req.ticketId).where('doc_type', '=', req.docType));
      let seq = Number(last?.m ?? 0);
      req.pages.forEach((p, i) => {
        w.run(
          qb.insertInto('document_pages').values({
            id: ids[i]!, ticket_id: req.ticketId, doc_type: req.docType, seq: ++seq, file_sha256: p.file_sha256, thumb_sha256: p.thumb_sha256, source_sha256: req.sourceSha256,
            mime: 'image/jpeg', width: p.width, height: p.height, bytes: p.bytes, source: 'scan', created_by: ctx.actor?.user.id ?? null, created_at: now, replaced_by: null, removed_at: null,
          }),
        );
      });
    });
    await rebuildPdf(ctx, req.ticketId, req.docType);
    publish({ type: 'documents.changed', ticketId: req.ticketId, docType: req.docType });
    return ids;
  });
}

/** The document's live pages as one PDF, stored as a new file (the old one is left as it was). */
async function rebuildPdf(ctx: Ctx, ticketId: string, docType: DocType): Promise<void> {
  const files = fileStore(ctx);
  const rows = ctx.store.all(
    qb.selectFrom('document_pages').select(['file_sha256', 'width', 'height']).where('ticket_id', '=', ticketId).where('doc_type', '=', docType)
      .where('replaced_by', 'is', null).where('removed_at', 'is', null).orderBy('seq'),
  );
  let sha: string | null = null;
  let bytes: number | null = null;
  if (rows.length > 0) {
    const { label } = ticketService(ctx, ticketId);
    const pdf = await documentPdf(rows.map((r) => ({ jpeg: files.read(r.file_sha256), width: r.width, height: r.height })), `${label} ${DOC_TYPES[docType]}`);
    const stored = files.put(pdf);
    sha = stored.sha256;
    bytes = stored.size;
  }
  const now = iso(ctx.now());
  ctx.store.tx((w) =>
    w.run(
      qb.insertInto('document_pdfs').values({ ticket_id: ticketId, doc_type: docType, file_sha256: sha, bytes, updated_at: now })
        .onConflict((oc) => oc.columns(['ticket_id', 'doc_type']).doUpdateSet({ file_sha256: sha, bytes, updated_at: now })),
    ),
  );
}

export function pageRow(ctx: Ctx, pageId: string) {
  const p = ctx.store.first(qb.selectFrom('document_pages').selectAll().where('id', '=', pageId));
  if (!p) throw new AppFailure('NOT_FOUND', 'Halaman tidak ditemukan.');
  if (p.replaced_by || p.removed_at) throw new AppFailure('INVALID_STATE', 'Halaman ini sudah diubah atau dihapus. Muat ulang berkas kasus.');
  return p as typeof p & { doc_type: DocType };
}

export async function removePage(ctx: Ctx, pageId: string, publish: (e: ServerEvent) => void): Promise<{ pageId: string }> {
  const p = pageRow(ctx, pageId);
  return inLane(`${p.ticket_id}/${p.doc_type}`, async () => {
    ctx.store.tx((w) => {
      w.run(qb.updateTable('document_pages').set({ removed_at: iso(ctx.now()) }).where('id', '=', pageId).where('removed_at', 'is', null));
      audit(w, ctx, 'documents.removePage', 'ticket', p.ticket_id, { docType: p.doc_type, pageId });
    });
    await rebuildPdf(ctx, p.ticket_id, p.doc_type);
    publish({ type: 'documents.changed', ticketId: p.ticket_id, docType: p.doc_type });
    return { pageId };
  });
}
