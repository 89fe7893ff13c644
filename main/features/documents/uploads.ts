// Pages coming to the host as files: from a desk's scanner (its main process uploads them), the
// camera or a file dropped on the case screen. Resumable: the bytes so far sit in
// <data>/uploads/<id>.part, a new start with the same ticket, type and hash answers how many the
// host holds, and the finished file must match its SHA-256 before anything is stored.
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tooLargeMessage } from '../../../common/domain/documents';
import type { ParsedInput } from '../../../common/contract/index';
import { AppFailure, audit, iso, newId, requireActor, type Ctx } from '../../platform/context';
import { qb } from '../../platform/db';
import { sha256OfFile } from '../../platform/files';
import { unclaimedStore } from '../../platform/transport/idempotency';
import { fileStore, ticketService } from './caseFile';
import { ingestPage, maxFileBytes } from './pages';

const partPath = (ctx: Ctx, uploadId: string) => join(ctx.dataDir, 'uploads', `${uploadId}.part`);
const held = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

export function uploadStart(ctx: Ctx, input: ParsedInput<'documents.uploadStart'>) {
  const actor = requireActor(ctx);
  ticketService(ctx, input.ticketId);
  if (input.size > maxFileBytes()) throw new AppFailure('FILE_TOO_LARGE', tooLargeMessage(input.size, maxFileBytes()));
  const open = ctx.store.first(
    qb.selectFrom('document_uploads').selectAll().where('ticket_id', '=', input.ticketId).where('doc_type', '=', input.docType)
      .where('sha256', '=', input.sha256).where('user_id', '=', actor.user.id).where('finished_at', 'is', null).orderBy('created_at', 'desc'),
  );
  if (open && open.size === input.size) {
    const received = Math.min(held(partPath(ctx, open.id)), open.size);
    return { uploadId: open.id, receivedBytes: received, size: open.size };
  }
  const id = newId();
  mkdirSync(join(ctx.dataDir, 'uploads'), { recursive: true });
  writeFileSync(partPath(ctx, id), new Uint8Array(0));
  ctx.store.tx((w) => {
    w.run(qb.insertInto('document_uploads').values({ id, ticket_id: input.ticketId, doc_type: input.docType, sha256: input.sha256, size: input.size, origin: input.origin, user_id: actor.user.id, created_at: iso(ctx.now()), finished_at: null }));
    audit(w, ctx, 'documents.uploadStart', 'ticket', input.ticketId, { docType: input.docType, size: input.size, uploadId: id });
  });
  return { uploadId: id, receivedBytes: 0, size: input.size };
}

function openUpload(ctx: Ctx, uploadId: string) {
  const actor = requireActor(ctx);
  const row = ctx.store.first(qb.selectFrom('document_uploads').selectAll().where('id', '=', uploadId));
  if (!row || row.user_id !== actor.user.id) throw new AppFailure('NOT_FOUND', 'Unggahan tidak ditemukan. Mulai unggah ulang berkas ini.');
  return row;
}

export function uploadChunk(ctx: Ctx, input: ParsedInput<'documents.uploadChunk'>) {
  const row = openUpload(ctx, input.uploadId);
  if (row.finished_at) return { uploadId: row.id, receivedBytes: row.size };
  const path = partPath(ctx, row.id);
  const have = held(path);
  const bytes = Buffer.from(input.base64, 'base64');
  if (input.offset > have)
    throw new AppFailure('INVALID_STATE', `Komputer utama baru menerima ${have} bita berkas ini; kirim lanjutan dari situ.`, { offset: String(have) });
  if (input.offset + bytes.length > row.size) throw new AppFailure('VALIDATION', 'Potongan berkas melebihi ukuran yang diumumkan. Unggah ulang berkas ini dari awal.');
  // A resent chunk: the bytes the host already holds are skipped, the rest appended.
  const fresh = bytes.subarray(have - input.offset);
  if (fresh.length > 0) {
    appendFileSync(path, fresh);
    const fd = openSync(path, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return { uploadId: row.id, receivedBytes: held(path) };
}

export function uploadFinish(ctx: Ctx, input: ParsedInput<'documents.uploadFinish'>): { jobId: string } {
  const row = openUpload(ctx, input.uploadId);
  const files = fileStore(ctx);
  const path = partPath(ctx, row.id);
  if (!files.has(row.sha256)) {
    const size = held(path);
    if (size !== row.size) throw new AppFailure('INVALID_STATE', `Berkas belum terkirim utuh (${size} dari ${row.size} bita). Lanjutkan unggahan.`, { offset: String(size) });
    if (sha256OfFile(path) !== row.sha256) {
      rmSync(path, { force: true });
      writeFileSync(path, new Uint8Array(0));
      throw new AppFailure('HASH_MISMATCH', 'Berkas rusak dalam perjalanan (sidik SHA-256 tidak cocok), jadi tidak disimpan. Berkas dikirim ulang dari awal.', { offset: '0' });
    }
    files.adopt(path, row.sha256);
  } else rmSync(path, { force: true });
  ctx.store.tx((w) => {
    w.run(qb.updateTable('document_uploads').set({ finished_at: iso(ctx.now()) }).where('id', '=', row.id).where('finished_at', 'is', null));
    audit(w, ctx, 'documents.uploadFinish', 'ticket', row.ticket_id, { docType: row.doc_type, uploadId: row.id });
  });
  return startIngest(ctx, { ticketId: row.ticket_id, docType: row.doc_type as never, sha256: row.sha256, source: row.origin === 'scanner' ? 'scan' : 'upload' });
}

/** The image work for one stored source file, as a job. */
export function startIngest(ctx: Ctx, req: { ticketId: string; docType: Parameters<typeof ingestPage>[1]['docType']; sha256: string; source: 'upload' | 'scan' }) {
  const jobCtx: Ctx = { ...ctx, store: unclaimedStore(ctx.store), events: [] };
  const job = ctx.jobs.start(
    'documents.page',
    async (j) => {
      j.progress(0.1, 'Mengolah halaman…');
      await ingestPage(jobCtx, { ticketId: req.ticketId, docType: req.docType, sourceSha256: req.sha256, source: req.source, mode: 'auto' }, j.publish);
      return null;
    },
    { startedBy: ctx.actor?.user.id ?? null },
  );
  return { jobId: job.id };
}
