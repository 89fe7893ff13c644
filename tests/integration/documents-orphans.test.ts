// The content store's orphan sweep on a real data folder: files rows refer to are kept however old
// (pages, thumbnails, the PDF, an edited page's old file, an inbox file still waiting), files no
// row refers to are kept while younger than the grace period and removed after it (a thrown-away
// inbox file, an upload cut off after its bytes were stored), as are old upload parts and the
// store's temporary files. The log says how many, never which.
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { uploadPage } from '../../main/features/documents/deskScan';
import { importInboxFile } from '../../main/features/documents/inbox';
import { ORPHAN_GRACE_MS, referencedHashes, startOrphanSweep, sweepOrphanFiles } from '../../main/features/documents/orphans';
import { dqb } from '../../main/features/documents/tables';
import { FileStore } from '../../main/platform/files';
import { qb } from '../../main/platform/db';
import { inProcessHost } from '../helpers/inproc';
import { tempDir } from '../helpers/host';

const HOUR = 3_600_000;
const grey = (w: number, h: number, v: number) => sharp({ create: { width: w, height: h, channels: 3, background: { r: v, g: v, b: v } } }).png().toBuffer();

/** Every file of the store, by hash. */
const stored = (dir: string): string[] =>
  existsSync(join(dir, 'files')) ? readdirSync(join(dir, 'files')).filter((d) => /^[0-9a-f]{2}$/.test(d)).flatMap((d) => readdirSync(join(dir, 'files', d))) : [];

/** Sets a file's time `hours` back. */
function age(path: string, hours: number): void {
  const t = new Date(Date.now() - hours * HOUR);
  utimesSync(path, t, t);
}

async function jobsDone(h: ReturnType<typeof inProcessHost>) {
  for (;;) {
    const jobs = h.deps.jobs.list();
    if (jobs.some((j) => j.status === 'failed')) throw new Error(jobs.find((j) => j.status === 'failed')!.error ?? 'a job failed');
    if (jobs.every((j) => ['done', 'failed', 'cancelled'].includes(j.status))) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('orphan files in the content store', () => {
  it('keeps referenced and young files, removes old orphans, and logs only counts', async () => {
    const h = inProcessHost(new Date('2026-11-27T02:00:00Z'));
    const { tokens, ids } = await h.setup();
    const desk = h.store.first(qb.selectFrom('sessions').select('desk_id').where('user_id', '=', ids.resep1!))!.desk_id;
    const files = new FileStore(h.dir);
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);

    // A KTP page uploaded, then rotated (the old page's file stays referenced by its row).
    const call = (name: string, token: string | null, input: unknown) => h.call(name as never, input as never, token);
    const up = tempDir('loket-orph-up-');
    writeFileSync(join(up, 'ktp.png'), await grey(800, 500, 210));
    await uploadPage(call, tokens.resep1!, t.id, 'ktp', join(up, 'ktp.png'), 64 * 1024, 'file');
    await jobsDone(h);
    const pageId = (await h.ok('documents.caseFile', { ticketId: t.id }, tokens.resep1)).documents[0]!.pages[0]!.pageId;
    await h.ok('documents.editPage', { pageId, rotate: 90, crop: null }, tokens.resep1);
    await jobsDone(h);

    // Two inbox files: one waits in the inbox, one is thrown away.
    const folder = tempDir('loket-orph-inbox-');
    writeFileSync(join(folder, 'tunggu.png'), await grey(600, 800, 180));
    writeFileSync(join(folder, 'buang.png'), await grey(600, 800, 60));
    expect(await importInboxFile(h.deps, desk, folder, 'tunggu.png')).toBe('imported');
    expect(await importInboxFile(h.deps, desk, folder, 'buang.png')).toBe('imported');
    const thrown = h.store.first(dqb.selectFrom('document_inbox').select('id').where('file_name', '=', 'buang.png'))!.id;
    const thrownFiles = h.store.all(dqb.selectFrom('document_inbox_pages').select(['file_sha256', 'thumb_sha256']).where('item_id', '=', thrown)).flatMap((p) => [p.file_sha256, p.thumb_sha256]);
    await h.ok('documents.inboxDiscard', { itemId: thrown }, tokens.resep1);

    // An upload cut off after its bytes were stored (never referenced), an old and a young one.
    const lostOld = files.put(Buffer.from('potongan unggahan lama')).sha256;
    const lostYoung = files.put(Buffer.from('unggahan yang sedang berjalan')).sha256;
    // Leftovers: an old upload part, a young one, an old temporary file of the store.
    mkdirSync(join(h.dir, 'uploads'), { recursive: true });
    writeFileSync(join(h.dir, 'uploads', 'lama.part'), 'x');
    writeFileSync(join(h.dir, 'uploads', 'baru.part'), 'y');
    writeFileSync(join(h.dir, 'files', '.0192-lama.tmp'), 'z');

    const referenced = referencedHashes(h.store);
    const before = stored(h.dir);
    const kept = before.filter((x) => referenced.has(x));
    expect(kept.length).toBeGreaterThanOrEqual(8); // source, 2 JPEGs, 2 thumbs, PDFs, the waiting inbox page and thumb
    for (const x of thrownFiles) expect(referenced.has(x)).toBe(false);

    // Everything is old now except the young orphan and the young part.
    for (const x of before) if (x !== lostYoung) age(files.pathOf(x), 30);
    age(join(h.dir, 'uploads', 'lama.part'), 30);
    age(join(h.dir, 'files', '.0192-lama.tmp'), 30);
    age(files.pathOf(lostYoung), 2);

    // The orphans: the thrown-away inbox page and thumbnail, the lost upload, and the KTP's PDF as it
    // was before the page was turned (remade as a new file since).
    const orphans = before.filter((x) => !referenced.has(x) && x !== lostYoung);
    expect(orphans).toEqual(expect.arrayContaining([...thrownFiles, lostOld]));
    expect(orphans).toHaveLength(thrownFiles.length + 2);
    const r = sweepOrphanFiles(h.deps);
    const after = stored(h.dir);
    expect(r).toMatchObject({ removed: orphans.length, young: 1, referenced: kept.length, leftovers: 2 });
    expect(after.sort()).toEqual([...kept, lostYoung].sort());
    expect(after).not.toContain(lostOld);
    for (const x of thrownFiles) expect(after).not.toContain(x);
    expect(readdirSync(join(h.dir, 'uploads'))).toEqual(['baru.part']);
    expect(existsSync(join(h.dir, 'files', '.0192-lama.tmp'))).toBe(false);

    // The case and the inbox still read whole.
    const file = await h.ok('documents.caseFile', { ticketId: t.id }, tokens.resep1);
    expect(file.documents[0]!.pages).toHaveLength(1);
    expect((await h.ok('documents.pdf', { ticketId: t.id, docType: 'ktp' }, tokens.resep1)).base64.length).toBeGreaterThan(100);
    expect((await h.ok('documents.inbox', {}, tokens.resep1)).items.map((i) => i.fileName)).toEqual(['tunggu.png']);

    // A file stored again (the same bytes) is young again: never swept while on its way in.
    const again = files.put(Buffer.from('potongan unggahan lama')).sha256;
    age(files.pathOf(again), 30);
    files.put(Buffer.from('potongan unggahan lama'));
    expect(sweepOrphanFiles(h.deps).removed).toBe(0);
    expect(existsSync(files.pathOf(again))).toBe(true);

    // The periodic sweep logs counts only: no hash, no name.
    age(files.pathOf(again), 30);
    const log: string[] = [];
    const stop = startOrphanSweep(h.deps, { firstMs: 10, everyMs: HOUR, log: (l) => log.push(l) });
    for (let i = 0; i < 100 && log.length === 0; i++) await new Promise((res) => setTimeout(res, 20));
    stop();
    expect(log).toEqual([expect.stringMatching(/^\[loket\] pembersihan berkas: 1 berkas tanpa rujukan dihapus/)]);
    expect(log[0]).not.toMatch(/[0-9a-f]{16}/);
    expect(ORPHAN_GRACE_MS).toBe(24 * HOUR);
  });
});
