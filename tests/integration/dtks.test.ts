// DTKS/DTSEN import of good and broken lists through the contract (chunked upload, preview, job
// on a worker thread), the lookup by NIK, re-import replacing the list atomically.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { DTKS_CHUNK_BYTES, type Job } from '../../common/contract/index';
import { inProcessHost } from '../helpers/inproc';
import { HEADER, bigNik, csv, row, writeBigCsv } from '../helpers/dtksFiles';

let h: ReturnType<typeof inProcessHost>;
afterEach(async () => {
  await h?.deps.jobs.close();
  h?.store.close();
});

async function upload(token: string | undefined, path: string, fileName = path.split('/').pop()!): Promise<string> {
  const bytes = readFileSync(path);
  const { uploadId } = await h.ok('dtks.uploadStart', { fileName, sizeBytes: bytes.length }, token ?? null);
  for (let i = 0, index = 0; i < bytes.length; i += DTKS_CHUNK_BYTES, index++)
    await h.ok('dtks.uploadChunk', { uploadId, index, data: bytes.subarray(i, i + DTKS_CHUNK_BYTES).toString('base64') }, token ?? null);
  return uploadId;
}

async function finished(jobId: string, token: string | undefined): Promise<Job> {
  for (;;) {
    const j = await h.ok('jobs.get', { jobId }, token ?? null);
    if (j.status !== 'queued' && j.status !== 'running') return j;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function importFile(token: string | undefined, path: string, mapping?: Record<string, number>) {
  const uploadId = await upload(token, path);
  const { jobId } = await h.ok('dtks.import', { uploadId, ...(mapping ? { mapping } : {}) }, token ?? null);
  return finished(jobId, token);
}

const count = () => (h.store.sqlite.prepare("SELECT count(*) AS n FROM dtks_people p JOIN dtks_imports i ON i.id = p.import_id WHERE i.status = 'active'").get() as { n: number }).n;

async function xlsx(path: string, rows: (string | number)[][], merge?: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DTKS');
  for (const r of rows) ws.addRow(r);
  if (merge) ws.mergeCells(merge);
  await wb.xlsx.writeFile(path);
}

describe('DTKS import', () => {
  it('imports a CSV with a bad row, reports it, and looks members up', async () => {
    h = inProcessHost(new Date('2026-11-26T02:00:00Z'));
    const { tokens } = await h.setup();
    const file = join(h.dir, 'dtks-nov.csv');
    const rows = [HEADER, row(0, 1, 'AHMAD, S.PD'), row(1, 1, 'SITI'), row(2, 1, 'RINA'), row(3, 2, 'JOKO'), ['5', 'DTKS-2', '', '12345', 'SALAH', '', '', '', '3'], row(5, 2, 'MADE')];
    writeFileSync(file, csv(rows));

    const uploadId = await upload(tokens.admin, file);
    const preview = await h.ok('dtks.preview', { uploadId }, tokens.admin);
    expect(preview).toMatchObject({ format: 'csv', missing: [], mapping: { nik: 3, name: 4, kk: 2, householdId: 1, village: 6, district: 7, desil: 8 } });
    expect(preview.sample[0]![4]).toBe('AHMAD, S.PD');

    const { jobId } = await h.ok('dtks.import', { uploadId }, tokens.admin);
    const job = await finished(jobId, tokens.admin);
    expect(job.status).toBe('done');
    const st = await h.ok('dtks.status', {}, tokens.admin);
    expect(st.active).toMatchObject({ fileName: 'dtks-nov.csv', rowCount: 5, badCount: 1, importedAt: '2026-11-26T02:00:00.000Z' });
    expect(st.lastReport).toMatchObject({ outcome: 'imported', rowCount: 5, badCount: 1, badRows: [{ row: 6, reason: 'NIK harus 16 digit (5 digit)' }] });

    const found = await h.ok('dtks.lookup', { nik: bigNik(1) }, tokens.resep1);
    expect(found.status).toBe('terdaftar');
    if (found.status === 'terdaftar') {
      expect(found.person).toMatchObject({ name: 'SITI', householdId: 'DTKS-1', village: 'Sungai Lilin' });
      expect(found.members.map((m) => m.name)).toEqual(['AHMAD, S.PD', 'SITI', 'RINA']);
    }
    const missing = await h.ok('dtks.lookup', { nik: '3201011501909999' }, tokens.resep1);
    expect(missing.status).toBe('tidak_terdaftar');
    if (missing.status === 'tidak_terdaftar') expect(missing.nextStep).toMatch(/kepala desa/);
    const pdf = await h.ok('dtks.recordPdf', { nik: bigNik(1) }, tokens.resep1);
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Kept for a look (pdftoppm): the printable record of seed 000 step 3.
    mkdirSync('test-results/screens', { recursive: true });
    writeFileSync('test-results/screens/dtks-record.pdf', Buffer.from(pdf.pdfBase64, 'base64'));
  });

  it('re-import of a newer .xlsx list replaces the older one; broken files leave it as it was', async () => {
    h = inProcessHost(new Date('2026-11-26T02:00:00Z'));
    const { tokens } = await h.setup();
    const first = join(h.dir, 'lama.csv');
    writeFileSync(first, csv([HEADER, row(0, 1, 'A'), row(1, 1, 'B'), row(2, 2, 'C')]));
    expect((await importFile(tokens.admin, first)).status).toBe('done');
    expect(count()).toBe(3);

    // Newer list, DTSEN headers, as .xlsx with a number-typed NIK column.
    const newer = join(h.dir, 'baru.xlsx');
    await xlsx(newer, [['ID_KELUARGA', 'NOKK', 'NIK_ART', 'NAMA_ART', 'KELURAHAN'], ['K-9', '3201012003150007', Number(bigNik(10)), 'DEWI', 'Bayung Lencir'], ['K-9', '3201012003150007', bigNik(11), 'EKO', 'Bayung Lencir']]);
    h.setTime(new Date('2026-11-26T05:00:00Z'));
    expect((await importFile(tokens.admin, newer)).status).toBe('done');
    expect(count()).toBe(2);
    expect((await h.ok('dtks.lookup', { nik: bigNik(0) }, tokens.admin)).status).toBe('tidak_terdaftar');
    const dewi = await h.ok('dtks.lookup', { nik: bigNik(10) }, tokens.admin);
    expect(dewi.status === 'terdaftar' && dewi.members.length).toBe(2);
    expect((await h.ok('dtks.status', {}, tokens.admin)).active).toMatchObject({ fileName: 'baru.xlsx', importedAt: '2026-11-26T05:00:00.000Z' });
    const leftovers = h.store.sqlite.prepare("SELECT count(*) AS n FROM dtks_people").get() as { n: number };
    expect(leftovers.n).toBe(2); // the replaced rows are gone

    // Wrong columns: refused before any job, with the headers found named.
    const wrong = join(h.dir, 'salah.csv');
    writeFileSync(wrong, csv([['Nomor', 'Nama Barang', 'Harga'], ['1', 'Beras', '10000']]));
    const up = await upload(tokens.admin, wrong);
    const pv = await h.ok('dtks.preview', { uploadId: up }, tokens.admin);
    expect(pv.missing).toEqual(['nik', 'name']);
    const refused = await h.call('dtks.import', { uploadId: up }, tokens.admin);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('DTKS_BAD_FILE');
      expect(refused.error.message).toMatch(/Kolom untuk NIK belum dipilih.*Nomor, Nama Barang, Harga.*Data tersimpan tidak diubah/);
    }
    // …but an unknown layout mapped by the admin imports.
    const odd = join(h.dir, 'tata-letak-lain.csv');
    writeFileSync(odd, csv([['Kolom A', 'Kolom B'], [bigNik(20), 'FAJAR'], [bigNik(21), 'GITA']]));
    expect((await importFile(tokens.admin, odd, { nik: 0, name: 1 })).status).toBe('done');
    expect(count()).toBe(2);
    expect((await h.ok('dtks.lookup', { nik: bigNik(21) }, tokens.admin)).status).toBe('terdaftar');

    // Duplicate NIKs throughout: too many bad rows, refused, list unchanged.
    const dups = join(h.dir, 'ganda.csv');
    writeFileSync(dups, csv([HEADER, ...Array.from({ length: 30 }, (_, i) => row(i % 3, 1, `X${i}`))]));
    const dj = await importFile(tokens.admin, dups);
    expect(dj.status).toBe('failed');
    expect(dj.errorCode).toBe('DTKS_BAD_FILE');
    expect(dj.error).toMatch(/Terlalu banyak baris bermasalah \(27 dari 30\)/);
    expect((await h.ok('dtks.status', {}, tokens.admin)).lastReport).toMatchObject({ outcome: 'refused', fileName: 'ganda.csv' });
    expect(count()).toBe(2);
    expect((await h.ok('dtks.status', {}, tokens.admin)).active?.fileName).toBe('tata-letak-lain.csv');

    // A few duplicates among good rows: imported, each reported with the row it repeats.
    const someDups = join(h.dir, 'sedikit-ganda.csv');
    writeFileSync(someDups, csv([HEADER, ...Array.from({ length: 20 }, (_, i) => row(i, 1, `Y${i}`)), row(3, 1, 'Y3 LAGI')]));
    expect((await importFile(tokens.admin, someDups)).status).toBe('done');
    expect((await h.ok('dtks.status', {}, tokens.admin)).lastReport?.badRows).toEqual([{ row: 22, reason: `NIK ${bigNik(3)} ganda: sudah ada di baris 5` }]);

    // Merged cells: the rows under a merged NIK cell have no NIK of their own.
    const merged = join(h.dir, 'gabung.xlsx');
    await xlsx(merged, [HEADER, ...Array.from({ length: 12 }, (_, i) => row(i, 1, `Z${i}`))], 'D2:D4');
    expect((await importFile(tokens.admin, merged)).status).toBe('done');
    const rep = (await h.ok('dtks.status', {}, tokens.admin)).lastReport!;
    expect(rep.badRows).toEqual([{ row: 3, reason: 'NIK kosong (sel kosong atau sel yang digabung)' }, { row: 4, reason: 'NIK kosong (sel kosong atau sel yang digabung)' }]);

    // Not a spreadsheet at all.
    const before = count();
    for (const [name, bytes, why] of [
      ['surat.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n'), /PDF, bukan lembar kerja/],
      ['foto.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]), /bukan lembar kerja/],
      ['lama.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), /\.xls/],
      ['rusak.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]), /rusak|tidak dapat dibaca/],
    ] as const) {
      const p = join(h.dir, name);
      writeFileSync(p, bytes);
      const id = await upload(tokens.admin, p);
      const r = await h.call('dtks.preview', { uploadId: id }, tokens.admin);
      expect(r.ok, name).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('DTKS_BAD_FILE');
        expect(r.error.message, name).toMatch(why);
        expect(r.error.message).toMatch(/Data tersimpan tidak diubah/);
      }
    }
    expect(count()).toBe(before);
  });

  it('imports 200,000 rows with progress while tickets keep being issued', { timeout: 120_000 }, async () => {
    h = inProcessHost(new Date('2026-11-26T02:00:00Z'));
    const { tokens } = await h.setup();
    const file = join(h.dir, 'dtks-besar.csv');
    writeBigCsv(file, Number(process.env.DTKS_N ?? 200_000));
    const uploadId = await upload(tokens.admin, file);
    const { jobId } = await h.ok('dtks.import', { uploadId }, tokens.admin);
    let issued = 0;
    let job = await h.ok('jobs.get', { jobId }, tokens.admin);
    while (job.status === 'queued' || job.status === 'running') {
      await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
      issued++;
      // Let the worker's messages in (the calls above settle in microtasks only).
      await new Promise((r) => setImmediate(r));
      job = await h.ok('jobs.get', { jobId }, tokens.admin);
    }
    expect(job.status).toBe('done');
    expect(issued).toBeGreaterThan(0);
    const progress = h.events.filter((e) => e.type === 'job.changed' && e.job.id === jobId && e.job.status === 'running').map((e) => (e.type === 'job.changed' ? e.job.progress : 0));
    expect(progress.some((p) => p > 0.2 && p < 0.95)).toBe(true);
    expect(count()).toBe(Number(process.env.DTKS_N ?? 200_000));
    expect((await h.ok('dtks.lookup', { nik: bigNik(Number(process.env.DTKS_N ?? 200_000) - 1) }, tokens.admin)).status).toBe('terdaftar');
  });

  it('cancelling an import keeps the previous list', { timeout: 60_000 }, async () => {
    h = inProcessHost(new Date('2026-11-26T02:00:00Z'));
    const { tokens } = await h.setup();
    const small = join(h.dir, 'kecil.csv');
    writeFileSync(small, csv([HEADER, row(0, 1, 'A')]));
    await importFile(tokens.admin, small);
    const file = join(h.dir, 'besar.csv');
    writeBigCsv(file, 150_000);
    const { jobId } = await h.ok('dtks.import', { uploadId: await upload(tokens.admin, file) }, tokens.admin);
    // Cancel once it has written something.
    while ((await h.ok('jobs.get', { jobId }, tokens.admin)).progress < 0.1) await new Promise((r) => setTimeout(r, 10));
    await h.ok('jobs.cancel', { jobId }, tokens.admin);
    expect((await finished(jobId, tokens.admin)).status).toBe('cancelled');
    expect(count()).toBe(1);
    expect((await h.ok('dtks.status', {}, tokens.admin)).lastReport?.outcome).toBe('cancelled');
  });
});
