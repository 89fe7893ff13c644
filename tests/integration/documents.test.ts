// The case file on an in-process host: checklists with the seeds' defaults and the admin's edits,
// pages scanned on the host through SANE's test backend (flatbed and a 10-page ADF batch, a jam
// mid-batch with the earlier pages kept), uploads checked by hash and size, every view audited,
// and an incomplete file returned with a printed sheet read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../common/contract/index';
import { sha256Of } from '../../main/platform/files';
import { uploadPage } from '../../main/features/documents/deskScan';
import { qb } from '../../main/platform/db';
import { inProcessHost } from '../helpers/inproc';
import { privateSane, type PrivateSane } from '../helpers/sane';
import { tempDir } from '../helpers/host';

let sane: PrivateSane;
let savedEnv: string | undefined;
beforeAll(() => {
  sane = privateSane();
  savedEnv = process.env.SANE_CONFIG_DIR;
  process.env.SANE_CONFIG_DIR = sane.dir;
});
afterAll(() => {
  if (savedEnv === undefined) delete process.env.SANE_CONFIG_DIR;
  else process.env.SANE_CONFIG_DIR = savedEnv;
  delete process.env.LOKET_SCANIMAGE;
});

type Host = ReturnType<typeof inProcessHost>;

async function finished(h: Host, jobId: string) {
  for (;;) {
    const job = h.deps.jobs.get(jobId);
    if (job && ['done', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function office() {
  const h = inProcessHost(new Date('2026-11-27T02:00:00Z'));
  const s = await h.setup();
  const desk = h.store.first(qb.selectFrom('sessions').select('desk_id').where('user_id', '=', s.ids.resep1!))!.desk_id;
  return { h, ...s, desk };
}

async function ticketAtResepsionis(h: Host, tokens: Record<string, string>, serviceCode: string) {
  const t = await h.ok('queue.issue', { serviceCode, priority: null }, tokens.satpam1);
  await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
  return t;
}

const grey = (w: number, h: number, v = 200) => sharp({ create: { width: w, height: h, channels: 3, background: { r: v, g: v, b: v } } }).png().toBuffer();

describe('required documents per service', () => {
  it('has the seeds defaults, and the admin edits one', async () => {
    const { h, tokens } = await office();
    const lists = await h.ok('documents.checklists', {}, tokens.admin);
    const by = Object.fromEntries(lists.map((l) => [l.serviceCode, l]));
    expect(by.A).toMatchObject({ docTypes: ['ktp', 'kk'], isDefault: true });
    expect(by.B!.docTypes).toEqual(['ktp', 'kk', 'rujukan_puskesmas', 'rujukan_rs_kelas_c', 'rekomendasi_dinas_kab', 'rujukan_resume_rs']);
    expect(by.C!.docTypes).toEqual(['sktm', 'kk', 'ktp']);
    const saved = await h.ok('documents.saveChecklist', { serviceId: by.A!.serviceId, docTypes: ['kk', 'ktp', 'ktp_orang_tua'] }, tokens.admin);
    expect(saved).toMatchObject({ docTypes: ['kk', 'ktp', 'ktp_orang_tua'], isDefault: false });
    expect((await h.call('documents.saveChecklist', { serviceId: by.A!.serviceId, docTypes: ['kk'] }, tokens.resep1)).ok).toBe(false);
    const bad = await h.call('documents.saveChecklist', { serviceId: by.A!.serviceId, docTypes: ['paspor' as never] }, tokens.admin);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('scanning on the host (SANE test backend)', () => {
  it('a flatbed KTP and a 10-page ADF KK land in the case; the checklist turns complete', async () => {
    const { h, tokens, desk } = await office();
    await h.ok('documents.saveScanner', { deskId: desk, config: { adapter: 'sane', device: 'test:0', resolution: 200, mode: 'gray', paper: 'A4', source: 'flatbed', folder: '' } }, tokens.admin);
    const t = await ticketAtResepsionis(h, tokens, 'A');
    let file = await h.ok('documents.caseFile', { ticketId: t.id }, tokens.resep1);
    expect(file).toMatchObject({ complete: false, checklist: [{ docType: 'ktp', present: false }, { docType: 'kk', present: false }] });

    const ktp = await finished(h, (await h.ok('documents.scan', { ticketId: t.id, docType: 'ktp' }, tokens.resep1)).jobId);
    expect(ktp).toMatchObject({ status: 'done' });
    await h.ok('documents.saveScanner', { deskId: desk, config: { adapter: 'sane', device: 'test:0', resolution: 200, mode: 'gray', paper: 'A4', source: 'adf', folder: '' } }, tokens.admin);
    const before = h.events.length;
    const kk = await finished(h, (await h.ok('documents.scan', { ticketId: t.id, docType: 'kk' }, tokens.resep1)).jobId);
    expect(kk).toMatchObject({ status: 'done' });
    // One event per page as it arrived, so the thumbnails appear one by one, and one when the
    // document's PDF is made, once, after the batch.
    const changes = h.events.slice(before).filter((e) => e.type === 'documents.changed' && e.docType === 'kk');
    expect(changes).toHaveLength(11);
    expect(new Set(changes.map((e) => (e.type === 'documents.changed' ? e.pageId : null)).filter(Boolean)).size).toBe(10);

    file = await h.ok('documents.caseFile', { ticketId: t.id }, tokens.resep1);
    expect(file.complete).toBe(true);
    expect(file.checklist).toEqual([
      { docType: 'ktp', name: 'Fotokopi KTP', present: true, pages: 1 },
      { docType: 'kk', name: 'Fotokopi Kartu Keluarga (KK)', present: true, pages: 10 },
    ]);
    const kkDoc = file.documents.find((d) => d.docType === 'kk')!;
    expect(kkDoc.pages.map((p) => p.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Stored by content under the data folder: the JPEG, its thumbnail and the document's PDF.
    const page = await h.ok('documents.page', { pageId: kkDoc.pages[0]!.pageId }, tokens.petugas1);
    const jpeg = Buffer.from(page.base64, 'base64');
    expect(existsSync(join(h.dir, 'files', sha256Of(jpeg).slice(0, 2), sha256Of(jpeg)))).toBe(true);
    expect((await sharp(jpeg).metadata()).format).toBe('jpeg');
    const pdf = await h.ok('documents.pdf', { ticketId: t.id, docType: 'kk' }, tokens.resep1);
    const pdfPath = join(tempDir('loket-pdf-'), 'kk.pdf');
    writeFileSync(pdfPath, Buffer.from(pdf.base64, 'base64'));
    expect(execFileSync('pdfinfo', [pdfPath]).toString()).toMatch(/Pages:\s+10/);
    // Every look is on the record; the admin, who does not work cases, sees none.
    const views = h.store.all(qb.selectFrom('audit').select('action').where('action', 'like', 'documents.view%'));
    expect(views.length).toBeGreaterThanOrEqual(4);
    expect(await h.call('documents.caseFile', { ticketId: t.id }, tokens.admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a jam after page 3 keeps pages 1-3 in the case, says so, and the batch continues', async () => {
    const { h, tokens, desk } = await office();
    await h.ok('documents.saveScanner', { deskId: desk, config: { adapter: 'sane', device: 'test:0', resolution: 150, mode: 'gray', paper: 'A4', source: 'adf', folder: '' } }, tokens.admin);
    const t = await ticketAtResepsionis(h, tokens, 'A');
    process.env.LOKET_SCANIMAGE = sane.faultAfter(3, 'SANE_STATUS_JAMMED');
    const jammed = await finished(h, (await h.ok('documents.scan', { ticketId: t.id, docType: 'kk' }, tokens.resep1)).jobId);
    expect(jammed).toMatchObject({ status: 'failed', errorCode: 'SCANNER_JAMMED' });
    expect(jammed.error).toMatch(/^3 halaman tersimpan\. Kertas macet/);
    let file = await h.ok('documents.caseFile', { ticketId: t.id }, tokens.resep1);
    expect(file.documents[0]!.pages).toHaveLength(3);
    // The document's PDF is made once at the end of the batch, also when the batch stopped on a fault.
    expect(pdfPages(await h.ok('documents.pdf', { ticketId: t.id, docType: 'kk' }, tokens.resep1))).toBe(3);
    delete process.env.LOKET_SCANIMAGE;
    // Continue: the rest of the feeder goes on after page 3.
    await finished(h, (await h.ok('documents.scan', { ticketId: t.id, docType: 'kk' }, tokens.resep1)).jobId);
    file = await h.ok('documents.caseFile', { ticketId: t.id }, tokens.resep1);
    expect(file.documents[0]!.pages.map((p) => p.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(pdfPages(await h.ok('documents.pdf', { ticketId: t.id, docType: 'kk' }, tokens.resep1))).toBe(13);
  });

  it('no scanner set for the desk: a clear message', async () => {
    const { h, tokens } = await office();
    const t = await ticketAtResepsionis(h, tokens, 'A');
    const r = await h.call('documents.scan', { ticketId: t.id, docType: 'ktp' }, tokens.resep1);
    expect(r).toMatchObject({ ok: false, error: { code: 'SCANNER_NOT_FOUND', message: expect.stringMatching(/Admin → Dokumen/) } });
  });
});

/** Pages of a document's PDF as the host hands it out, counted by pdfinfo. */
function pdfPages(pdf: { base64: string }): number {
  const path = join(tempDir('loket-pdf-'), 'doc.pdf');
  writeFileSync(path, Buffer.from(pdf.base64, 'base64'));
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())?.[1]);
}

describe('uploads (file, camera, a desk scanner)', () => {
  it('stores a page once, whatever the number of times it is sent; edits make a new file', async () => {
    const { h, tokens } = await office();
    const t = await ticketAtResepsionis(h, tokens, 'A');
    const call = (name: string, token: string | null, input: unknown) => h.call(name as never, input as never, token);
    const dir = tempDir('loket-up-');
    const png = await grey(1200, 1700);
    for (const n of [1, 2]) {
      writeFileSync(join(dir, `ktp${n}.png`), png);
      await uploadPage(call, tokens.resep1!, t.id, 'ktp', join(dir, `ktp${n}.png`), 64 * 1024, 'file');
    }
    for (;;) {
      const jobs = h.deps.jobs.list().filter((j) => j.kind === 'documents.page');
      if (jobs.length === 2 && jobs.every((j) => j.status === 'done')) break;
      if (jobs.some((j) => j.status === 'failed')) throw new Error('a page job failed');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(readdirSync(dir)).toEqual([]);
    let file = await h.ok('documents.caseFile', { ticketId: t.id }, tokens.resep1);
    expect(file.documents[0]!.pages).toHaveLength(1);
    const pageId = file.documents[0]!.pages[0]!.pageId;
    const edited = await finished(h, (await h.ok('documents.editPage', { pageId, rotate: 90, crop: { left: 0.1, top: 0.1, width: 0.5, height: 0.5 } }, tokens.resep1)).jobId);
    expect(edited.status).toBe('done');
    file = await h.ok('documents.caseFile', { ticketId: t.id }, tokens.resep1);
    const after = file.documents[0]!.pages[0]!;
    expect(after.pageId).not.toBe(pageId);
    // Rotated a quarter turn, then half of each side kept: 1700x1200 → 850x600.
    expect([after.width, after.height]).toEqual([850, 600]);
    const old = h.store.first(qb.selectFrom('document_pages').selectAll().where('id', '=', pageId))!;
    expect(old.replaced_by).toBe(after.pageId);
    expect(existsSync(join(h.dir, 'files', old.file_sha256.slice(0, 2), old.file_sha256))).toBe(true);
  });

  it('refuses a file over the limit, a non-image and a spoiled upload, each in Indonesian, keeping nothing half', async () => {
    const { h, tokens } = await office();
    const t = await ticketAtResepsionis(h, tokens, 'A');
    const big = await h.call('documents.uploadStart', { ticketId: t.id, docType: 'kk', sha256: 'a'.repeat(64), size: 6 * 1024 * 1024 }, tokens.resep1);
    expect(big).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', message: expect.stringMatching(/terlalu besar \(6 MB\); batasnya 5 MB/) } });

    const text = Buffer.from('Ini bukan gambar, hanya catatan.');
    const s1 = await h.ok('documents.uploadStart', { ticketId: t.id, docType: 'kk', sha256: sha256Of(text), size: text.length }, tokens.resep1);
    await h.ok('documents.uploadChunk', { uploadId: s1.uploadId, offset: 0, base64: text.toString('base64') }, tokens.resep1);
    const job = await finished(h, (await h.ok('documents.uploadFinish', { uploadId: s1.uploadId }, tokens.resep1)).jobId);
    expect(job).toMatchObject({ status: 'failed', errorCode: 'NOT_AN_IMAGE', error: expect.stringMatching(/bukan gambar/) });

    const png = await grey(400, 600);
    const s2 = await h.ok('documents.uploadStart', { ticketId: t.id, docType: 'kk', sha256: sha256Of(png), size: png.length }, tokens.resep1);
    const spoiled = Buffer.from(png);
    spoiled[100] = spoiled[100]! ^ 0xff;
    await h.ok('documents.uploadChunk', { uploadId: s2.uploadId, offset: 0, base64: spoiled.toString('base64') }, tokens.resep1);
    const r = await h.call('documents.uploadFinish', { uploadId: s2.uploadId }, tokens.resep1);
    expect(r).toMatchObject({ ok: false, error: { code: 'HASH_MISMATCH', message: expect.stringMatching(/SHA-256 tidak cocok/) } });
    // A chunk from past the end of what the host holds is refused with where to resume.
    const gap = await h.call('documents.uploadChunk', { uploadId: s2.uploadId, offset: 50, base64: png.subarray(50, 60).toString('base64') }, tokens.resep1);
    expect(gap).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', fields: { offset: '0' } } });
    expect((await h.ok('documents.caseFile', { ticketId: t.id }, tokens.resep1)).documents).toEqual([]);
  });
});

describe('returning an incomplete file (seed 002 step 2)', () => {
  it('records the return and prints what is missing', async () => {
    const { h, tokens } = await office();
    const t = await ticketAtResepsionis(h, tokens, 'B');
    const call = (name: string, token: string | null, input: unknown) => h.call(name as never, input as never, token);
    const dir = tempDir('loket-up-');
    writeFileSync(join(dir, 'ktp.png'), await grey(800, 500));
    await uploadPage(call, tokens.resep1!, t.id, 'ktp', join(dir, 'ktp.png'));
    for (;;) {
      const j = h.deps.jobs.list().find((x) => x.kind === 'documents.page');
      if (j?.status === 'done') break;
      if (j?.status === 'failed') throw new Error(j.error ?? 'failed');
      await new Promise((r) => setTimeout(r, 20));
    }
    const ret: CallOutput<'documents.returnFile'> = await h.ok('documents.returnFile', { ticketId: t.id }, tokens.resep1);
    expect(ret.missing).toEqual(['kk', 'rujukan_puskesmas', 'rujukan_rs_kelas_c', 'rekomendasi_dinas_kab', 'rujukan_resume_rs']);
    const file = await h.ok('documents.caseFile', { ticketId: t.id }, tokens.resep1);
    expect(file.returns).toEqual([{ returnId: ret.returnId, at: ret.at, missing: ret.missing, byName: 'RESEP1' }]);
    const sheet = await h.ok('documents.returnSheet', { returnId: ret.returnId }, tokens.resep1);
    const path = join(tempDir('loket-ret-'), sheet.fileName);
    writeFileSync(path, Buffer.from(sheet.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path, '-']).toString();
    expect(text).toMatch(/BERKAS BELUM LENGKAP/);
    expect(text).toMatch(/B-001/);
    expect(text).toMatch(/Surat Rekomendasi Rujukan/);
    for (const line of ['Fotokopi Kartu Keluarga \\(KK\\)', 'Rujukan dari Puskesmas', 'Rujukan dari RS kelas C', 'Rekomendasi dari Dinas Kesehatan kab/kota', 'Rujukan dan resume medis RS pengirim'])
      expect(text).toMatch(new RegExp(line));
    expect(text).not.toMatch(/Fotokopi KTP\b/);
    expect(h.store.all(qb.selectFrom('audit').select('action').where('action', '=', 'documents.returnFile'))).toHaveLength(1);
    expect(readFileSync(path).subarray(0, 4).toString()).toBe('%PDF');
  });
});
