// The scan inbox (Kotak masuk pindaian) against a real folder, the way a scan-to-folder network
// scanner fills it: a picture written slowly in pieces (taken whole, only once it held still), the
// same picture twice (stored once), a text file (refused with a message, moved to ditolak/), a
// scanner's two-page PDF (JPEG and Flate pictures), a temporary name (left alone); then the pages
// put into a case and a file thrown away; then a restart with files that came while the watcher
// was off, a file whose move was cut off by a crash, and nothing imported twice.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startDocumentsBackground } from '../../main/features/documents';
import { IMPORTED_DIR, REFUSED_DIR } from '../../main/features/documents/inbox';
import { dqb } from '../../main/features/documents/tables';
import { sha256Of } from '../../main/platform/files';
import { qb } from '../../main/platform/db';
import { inProcessHost } from '../helpers/inproc';
import { tempDir } from '../helpers/host';

type Host = ReturnType<typeof inProcessHost>;
const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

const page = (w: number, h: number, v: number, color = false) =>
  sharp({ create: { width: w, height: h, channels: 3, background: color ? { r: v, g: 40, b: 200 - v } : { r: v, g: v, b: v } } });

/** A scanner's PDF: page 1 a JPEG (DCTDecode), page 2 pixels (FlateDecode), page 3 turned a quarter. */
async function scannerPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const jpg = await pdf.embedJpg(await page(600, 840, 220).jpeg().toBuffer());
  const png = await pdf.embedPng(await page(500, 700, 90, true).png().toBuffer());
  const p1 = pdf.addPage([595, 842]);
  p1.drawImage(jpg, { x: 0, y: 0, width: 595, height: 842 });
  const p2 = pdf.addPage([595, 842]);
  p2.drawImage(png, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await pdf.save());
}

async function office() {
  const h = inProcessHost(new Date('2026-11-27T02:00:00Z'));
  const s = await h.setup();
  const desk = h.store.first(qb.selectFrom('sessions').select('desk_id').where('user_id', '=', s.ids.resep1!))!.desk_id;
  const desk2 = h.store.first(qb.selectFrom('sessions').select('desk_id').where('user_id', '=', s.ids.resep2!))!.desk_id;
  return { h, ...s, desk, desk2 };
}

const config = (inboxFolder: string) => ({ adapter: 'none' as const, device: '', resolution: 200, mode: 'gray' as const, paper: 'A4' as const, source: 'flatbed' as const, folder: '', inboxFolder });

function watch(h: Host, log: string[] = []) {
  const bg = startDocumentsBackground(h.deps, (e) => h.events.push(e), { inbox: { pollMs: 50, stableMs: 400, log: (l) => log.push(l) }, orphans: { firstMs: 3_600_000 } });
  running.push(bg);
  return bg;
}

async function until<T>(what: string, read: () => Promise<T> | T, done: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the scan inbox, watched all the time', () => {
  it('takes whole files only, once each; refuses what is not a scan; a PDF page by page; pages go into a case', async () => {
    const { h, tokens, desk } = await office();
    const folder = tempDir('loket-inbox-');
    await h.ok('documents.saveScanner', { deskId: desk, config: config(folder) }, tokens.admin);
    const log: string[] = [];
    watch(h, log);

    // A picture the scanner is still writing, in pieces: never taken half.
    const slow = await page(900, 1300, 150).png().toBuffer();
    writeFileSync(join(folder, 'scan_0001.png'), slow.subarray(0, 200));
    let written = 200;
    const writer = (async () => {
      while (written < slow.length) {
        await new Promise((r) => setTimeout(r, 150));
        const next = Math.min(slow.length, written + Math.ceil(slow.length / 6));
        await appendFile(join(folder, 'scan_0001.png'), slow.subarray(written, next));
        written = next;
      }
    })();
    const ktp = await page(1000, 640, 230).jpeg().toBuffer();
    writeFileSync(join(folder, 'ktp.jpg'), ktp);
    await new Promise((r) => setTimeout(r, 30));
    writeFileSync(join(folder, 'ktp lagi.jpg'), ktp); // the same picture again, a moment later
    writeFileSync(join(folder, 'catatan.txt'), 'bukan gambar');
    const pdf = await scannerPdf();
    writeFileSync(join(folder, 'batch.pdf'), pdf);
    writeFileSync(join(folder, 'next.pdf.part'), pdf.subarray(0, 100)); // a name still being written
    await writer;

    const inbox = await until('the inbox', () => h.ok('documents.inbox', {}, tokens.resep1), (i) => i.items.length >= 3 && i.refused.length >= 1);
    await new Promise((r) => setTimeout(r, 600)); // one more round: nothing more comes
    const final = await h.ok('documents.inbox', {}, tokens.resep1);
    expect(final.folder).toBe(folder);
    expect(final.watching).toBe(true);
    expect(final.problem).toBeNull();
    expect(final.items.map((i) => [i.fileName, i.kind, i.pages.length]).sort()).toEqual([['batch.pdf', 'pdf', 2], ['ktp.jpg', 'image', 1], ['scan_0001.png', 'image', 1]]);
    expect(inbox.refused).toEqual([{ itemId: expect.any(String), fileName: 'catatan.txt', at: expect.any(String), message: expect.stringMatching(/^catatan\.txt bukan gambar pindaian atau PDF .* dipindahkan ke folder ditolak/) }]);

    // The slow file was taken as written to the end.
    const slowRow = h.store.first(dqb.selectFrom('document_inbox').selectAll().where('file_name', '=', 'scan_0001.png'))!;
    expect(slowRow.sha256).toBe(sha256Of(slow));
    expect(written).toBe(slow.length);
    const slowPage = final.items.find((i) => i.fileName === 'scan_0001.png')!.pages[0]!;
    expect([slowPage.width, slowPage.height]).toEqual([900, 1300]);
    // The PDF's pages, each as the picture drawn on it.
    const pdfPages = final.items.find((i) => i.fileName === 'batch.pdf')!.pages;
    expect(pdfPages.map((p) => [p.width, p.height])).toEqual([[600, 840], [500, 700]]);
    expect((await sharp(Buffer.from(pdfPages[1]!.thumbBase64, 'base64')).metadata()).format).toBe('jpeg');

    // The folder: taken files in sudah-diimpor (the duplicate too), the text file in ditolak, the part left.
    expect(readdirSync(folder).sort()).toEqual([REFUSED_DIR, IMPORTED_DIR, 'next.pdf.part'].sort());
    expect(readdirSync(join(folder, IMPORTED_DIR)).sort()).toEqual(['batch.pdf', 'ktp lagi.jpg', 'ktp.jpg', 'scan_0001.png']);
    expect(readdirSync(join(folder, REFUSED_DIR))).toEqual(['catatan.txt']);
    expect(readFileSync(join(folder, IMPORTED_DIR, 'scan_0001.png')).equals(slow)).toBe(true);
    // Stored once: one row for the two copies of the KTP.
    expect(h.store.all(dqb.selectFrom('document_inbox').select('id').where('sha256', '=', sha256Of(ktp)))).toHaveLength(1);
    // Counts in the log, never a file name.
    expect(log.join('\n')).toMatch(/kotak masuk pindaian meja 1: \d+ berkas masuk/);
    expect(log.join('\n')).not.toMatch(/ktp|catatan|batch|scan_/i);
    expect(h.events.some((e) => e.type === 'documents.inbox' && e.deskId === desk)).toBe(true);

    // Into the case: the PDF's two pages become the KK; the KTP picture the KTP.
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    const pdfItem = final.items.find((i) => i.fileName === 'batch.pdf')!;
    const ktpItem = final.items.find((i) => i.fileName === 'ktp.jpg')!;
    // Another desk's inbox is not this desk's: desk 2 neither sees nor takes it.
    expect((await h.ok('documents.inbox', {}, tokens.resep2)).items).toEqual([]);
    expect(await h.call('documents.inboxAssign', { itemId: pdfItem.itemId, ticketId: t.id, docType: 'kk' }, tokens.resep2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.ok('documents.inboxAssign', { itemId: pdfItem.itemId, ticketId: t.id, docType: 'kk' }, tokens.resep1)).toEqual({ itemId: pdfItem.itemId, pages: 2 });
    await h.ok('documents.inboxAssign', { itemId: ktpItem.itemId, ticketId: t.id, docType: 'ktp' }, tokens.resep1);
    expect(await h.call('documents.inboxAssign', { itemId: pdfItem.itemId, ticketId: t.id, docType: 'kk' }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const file = await h.ok('documents.caseFile', { ticketId: t.id }, tokens.resep1);
    expect(file.complete).toBe(true);
    expect(file.documents.find((d) => d.docType === 'kk')!.pages.map((p) => [p.seq, p.width, p.height])).toEqual([[1, 600, 840], [2, 500, 700]]);
    expect(file.documents.find((d) => d.docType === 'kk')!.pdfBytes).toBeGreaterThan(0);

    // Thrown away: gone from the inbox, its page rows gone (the sweep may take the files later).
    const slowItem = final.items.find((i) => i.fileName === 'scan_0001.png')!;
    await h.ok('documents.inboxDiscard', { itemId: slowItem.itemId }, tokens.resep1);
    await h.ok('documents.inboxDiscard', { itemId: inbox.refused[0]!.itemId }, tokens.resep1);
    const after = await h.ok('documents.inbox', {}, tokens.resep1);
    expect(after.items).toEqual([]);
    expect(after.refused).toEqual([]);
    expect(h.store.all(dqb.selectFrom('document_inbox_pages').select('seq').where('item_id', '=', slowItem.itemId))).toEqual([]);
    // Every look and every move is on the record.
    const actions = h.store.all(qb.selectFrom('audit').select('action').where('action', 'like', 'documents.inbox%')).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['documents.inboxArrived', 'documents.inboxRefused', 'documents.inboxView', 'documents.inboxAssign', 'documents.inboxDiscard']));
  });

  it('after a restart: takes what came meanwhile, never a file twice, and recognises a file whose move a crash cut off', async () => {
    const { h, tokens, desk } = await office();
    const folder = tempDir('loket-inbox-');
    await h.ok('documents.saveScanner', { deskId: desk, config: config(folder) }, tokens.admin);
    const first = await page(700, 990, 200).png().toBuffer();
    writeFileSync(join(folder, 'pagi.png'), first);
    const bg = watch(h);
    await until('the first file', () => h.ok('documents.inbox', {}, tokens.resep1), (i) => i.items.length === 1);
    await bg.stop();

    // While the watcher is off: a new scan, the first one again, and the first one back in the
    // folder as if the host had died after recording it but before moving it.
    const second = await page(700, 990, 120).png().toBuffer();
    writeFileSync(join(folder, 'siang.png'), second);
    copyFileSync(join(folder, IMPORTED_DIR, 'pagi.png'), join(folder, 'pagi.png'));
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(join(folder, 'siang.png'))).toBe(true); // nobody took it while stopped

    watch(h);
    const inbox = await until('after the restart', () => h.ok('documents.inbox', {}, tokens.resep1), (i) => i.items.length === 2 && !existsSync(join(folder, 'pagi.png')));
    expect(inbox.items.map((i) => i.fileName)).toEqual(['pagi.png', 'siang.png']);
    expect(h.store.all(dqb.selectFrom('document_inbox').select('id'))).toHaveLength(2);
    expect(readdirSync(join(folder, IMPORTED_DIR)).sort()).toEqual(['pagi (2).png', 'pagi.png', 'siang.png']);
  });

  it('says when the folder is gone, and refuses a folder another desk watches', async () => {
    const { h, tokens, desk, desk2 } = await office();
    const folder = join(tempDir('loket-inbox-'), 'pindaian');
    mkdirSync(folder);
    await h.ok('documents.saveScanner', { deskId: desk, config: config(folder) }, tokens.admin);
    watch(h);
    await until('watching', () => h.ok('documents.inbox', {}, tokens.resep1), (i) => i.watching);
    rmSync(folder, { recursive: true });
    const gone = await until('the problem', () => h.ok('documents.inbox', {}, tokens.resep1), (i) => i.problem !== null);
    expect(gone).toMatchObject({ watching: false, problem: expect.stringMatching(/tidak ada atau jaringannya terputus/) });
    const rows = await h.ok('documents.scanners', {}, tokens.admin);
    expect(rows.find((r) => r.deskId === desk)!.inbox).toMatchObject({ watching: false, problem: expect.stringMatching(/tidak ada/) });
    const taken = await h.call('documents.saveScanner', { deskId: desk2, config: config(`${folder}/`) }, tokens.admin);
    expect(taken).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/sudah menjadi kotak masuk meja 1/) } });
    const relative = await h.call('documents.saveScanner', { deskId: desk2, config: config('pindaian') }, tokens.admin);
    expect(relative).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
