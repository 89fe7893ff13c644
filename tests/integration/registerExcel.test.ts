// The register: paging with filters and text search in SQL; export to Excel as a job, read back with
// exceljs and compared row by row; a legacy register with broken rows imports nothing and says which
// rows and why; a good one imports every row.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../common/contract/index';
import { inProcessHost } from '../helpers/inproc';
import { PASSWORD } from '../helpers/factories';
import { draftedLetter, letterOffice, RS_RSMH, patient, REKOM_DOCS } from '../helpers/letters';

async function finished(h: ReturnType<typeof inProcessHost>, jobId: string, token: string): Promise<Job> {
  for (;;) {
    const job = await h.ok('jobs.get', { jobId }, token);
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise<void>((resolve) => {
      const seen = h.events.length;
      const tick = setInterval(() => {
        if (h.events.slice(seen).some((e) => e.type === 'job.changed' && e.job.id === jobId)) (clearInterval(tick), resolve());
      }, 20);
    });
  }
}

describe('register and Excel', () => {
  it('pages with keyset and filters in SQL; exports every filtered row to Excel', async () => {
    const h = inProcessHost(new Date('2026-11-20T02:00:00Z'));
    const { tokens, deskToken } = await h.setup();
    const o = await letterOffice(h.ok, tokens.admin!, deskToken);
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) {
      if (i % 10 === 0) {
        // a new office day; sessions last a working day, so the team signs in again
        h.advance(24 * 3600);
        o.tim.token = (await h.ok('auth.login', { deskToken, username: 'rujukan1', password: PASSWORD })).sessionToken;
        o.lead.token = (await h.ok('auth.login', { deskToken, username: 'ketuatim', password: PASSWORD })).sessionToken;
      }
      ids.push(await draftedLetter(h.ok, o.tim.token, 500 + i));
      if (i % 3 === 0) await h.ok('letters.approve', { id: ids[i]! }, o.lead.token);
    }
    // one for RSMH, found by text and hospital
    const { id: rsmh } = await h.ok('letters.receive', { ...patient(999), hospitalId: RS_RSMH, patientName: 'Siti Rahmawati' }, o.tim.token);
    await h.ok('letters.check', { id: rsmh, docsPresent: REKOM_DOCS }, o.tim.token);

    const seen: string[] = [];
    let after = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof h.ok<'register.page'>>> = await h.ok('register.page', { filter: {}, sort: { by: 'day', dir: 'desc' }, after, limit: 10 }, o.tim.token);
      seen.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toHaveLength(46);
    expect(new Set(seen).size).toBe(46);
    const approved = await h.ok('register.page', { filter: { status: 'disetujui' }, limit: 100 }, o.tim.token);
    expect(approved.rows).toHaveLength(15);
    expect(approved.rows[0]!.nikMasked).toMatch(/^1671\*{8}\d{4}$/);
    // Text search pages through the FTS5 index in date order, every match once.
    const byText: { id: string; receivedAt: string }[] = [];
    let cursor = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof h.ok<'register.page'>>> = await h.ok('register.page', { filter: { text: 'pasien nomor' }, after: cursor, limit: 7 }, o.tim.token);
      byText.push(...page.rows);
      if (!page.next) break;
      cursor = page.next;
    }
    expect(byText).toHaveLength(45);
    expect(new Set(byText.map((r) => r.id)).size).toBe(45);
    expect(byText.map((r) => r.receivedAt)).toEqual([...byText.map((r) => r.receivedAt)].sort().reverse());
    const text = await h.ok('register.page', { filter: { text: 'siti rahma' } }, o.tim.token);
    expect(text.rows.map((r) => r.id)).toEqual([rsmh]);
    const byNumber = await h.ok('register.page', { filter: { text: '400.7.3.1/4/Dinkes' } }, o.tim.token);
    expect(byNumber.rows.map((r) => r.number)).toEqual(['400.7.3.1/4/Dinkes/2026']);
    const byHospital = await h.ok('register.page', { filter: { hospitalId: RS_RSMH } }, o.tim.token);
    expect(byHospital.rows.map((r) => r.id)).toEqual([rsmh]);

    const filter = { from: '2026-11-22', to: '2026-11-24' };
    const expected = (await h.ok('register.page', { filter, sort: { by: 'number', dir: 'asc' }, limit: 500 }, o.tim.token)).rows;
    expect(expected.length).toBeGreaterThan(10);
    const { jobId } = await h.ok('register.export', { filter, sort: { by: 'number', dir: 'asc' } }, o.tim.token);
    const job = await finished(h, jobId, o.tim.token);
    expect(job.status, job.error ?? '').toBe('done');
    expect(job.file!.name).toMatch(/^register-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(job.file!.path);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).value).toBe('Tanggal');
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.actualRowCount).toBe(expected.length + 1);
    expected.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      expect((row.getCell(1).value as Date).toISOString().slice(0, 10)).toBe(r.day);
      expect(row.getCell(1).numFmt).toContain('mmmm');
      expect(row.getCell(2).value || null).toBe(r.number);
      expect(row.getCell(4).value).toBe(r.patientName);
      expect(row.getCell(5).value).toBe(r.nikMasked);
      expect(row.getCell(6).value).toBe(r.hospitalName);
    });

    // The month's recap: counts per hospital and status, the share within mutu baku.
    const recap = await finished(h, (await h.ok('register.recap', { month: '2026-11' }, o.tim.token)).jobId, o.tim.token);
    expect(recap.status, recap.error ?? '').toBe('done');
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.readFile(recap.file!.path);
    const cells = rb.worksheets[0]!.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1).join('|')] : []));
    expect(cells).toContain('Rekap surat November 2026');
    expect(cells).toContain('RSUD Palembang BARI|45');
    expect(cells).toContain('RSUP Dr. Mohammad Hoesin|1');
    expect(cells).toContain('Disetujui ketua tim, menunggu tanda tangan|15');
    // The chart: a bar chart over the hospital rows, anchored on the sheet.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(recap.file!.path));
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barChart>');
    expect(chart).toMatch(/'Rekap'!\$B\$\d+:\$B\$\d+/);
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('<drawing r:id="rIdLoketChart"/>');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('/xl/charts/chart1.xml');
  }, 60_000);

  it('an export shows progress and can be cancelled; nothing is left behind', async () => {
    const h = inProcessHost(new Date('2026-11-20T02:00:00Z'));
    const { tokens, ids } = await h.setup();
    const ins = h.store.sqlite.prepare(`INSERT INTO letters (reg_key, id, letter_type_id, status, status_rank, patient_name, nik, officer_id, officer_name, received_at, day, created_at, updated_at)
      VALUES (?, ?, '01900000-0000-7000-8000-000000000101', 'diterima', 0, ?, '1671010101800001', ?, 'Admin', '2026-11-20T02:00:00.000Z', '2026-11-20', '2026-11-20T02:00:00.000Z', '2026-11-20T02:00:00.000Z')`);
    h.store.sqlite.transaction(() => {
      for (let i = 0; i < 60_000; i++) ins.run(Date.parse('2026-11-20T02:00:00.000Z') * 1000 + i, `0190bbbb-0000-7000-8000-${String(i).padStart(12, '0')}`, `Pasien ${i}`, ids.resep1);
    })();
    const { jobId } = await h.ok('register.export', { filter: {} }, tokens.admin);
    while (!h.events.some((e) => e.type === 'job.changed' && e.job.id === jobId && e.job.progress > 0)) await new Promise((r) => setTimeout(r, 20));
    const running = (h.events.filter((e) => e.type === 'job.changed' && e.job.id === jobId).pop() as { job: Job }).job;
    expect(running.message).toMatch(/^Menulis baris [\d.]+ dari 60\.000…$/);
    await h.ok('jobs.cancel', { jobId }, tokens.admin);
    const job = await finished(h, jobId, tokens.admin!);
    expect(job.status).toBe('cancelled');
    expect(job.file).toBeNull();
    const { readdirSync, existsSync } = await import('node:fs');
    const folder = join(h.dir, 'ekspor');
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  }, 60_000);

  it('a legacy register with broken rows imports nothing and names each bad row; a good one imports all', async () => {
    const h = inProcessHost(new Date('2026-11-20T02:00:00Z'));
    const { tokens } = await h.setup();
    const write = async (file: string, rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Buku register');
      ws.addRow(['Tanggal', 'Nomor surat', 'Jenis surat', 'Nama pasien', 'NIK', 'Rumah sakit', 'Diagnosis']);
      rows.forEach((r) => ws.addRow(r));
      await wb.xlsx.writeFile(file);
      return file;
    };
    const good = [
      [new Date(Date.UTC(2025, 2, 3)), '400.7.3.1/11/Dinkes/2025', 'REKOM', 'Ahmad Fauzi', '1671010101800001', 'RSUD Palembang BARI', 'Hipertensi'],
      ['04/03/2025', '400.7.3.1/12/Dinkes/2025', 'Surat Rekomendasi / Keterangan Penjaminan', 'Budi Santoso', '1671010101800002', 'RSUP Dr. Mohammad Hoesin', ''],
    ];
    const broken = await write(join(h.dir, 'rusak.xlsx'), [
      ...good,
      ['kemarin', '400.7.3.1/13/Dinkes/2025', 'REKOM', 'Cici', '1671010101800003', 'RSUD Palembang BARI', ''],
      ['2025-03-05', '400.7.3.1/11/Dinkes/2025', 'REKOM', 'Dedi', '16710101', 'RS Antah Berantah', ''],
    ]);
    const { jobId } = await h.ok('register.import', { path: broken }, tokens.admin);
    const job = await finished(h, jobId, tokens.admin!);
    expect(job.status).toBe('failed');
    expect(job.errorCode).toBe('VALIDATION');
    expect(job.error).toContain('2 baris bermasalah, jadi tidak ada yang diimpor.');
    expect(job.error).toContain('Baris 4: tanggal tidak terbaca');
    expect(job.error).toMatch(/Baris 5: nomor surat sama dengan baris 2; NIK harus 16 angka; rumah sakit "RS Antah Berantah" tidak ada di daftar/);
    expect((h.store.sqlite.prepare('SELECT count(*) AS n FROM letters').get() as { n: number }).n).toBe(0);

    const fine = await write(join(h.dir, 'baik.xlsx'), good);
    const ok = await finished(h, (await h.ok('register.import', { path: fine }, tokens.admin)).jobId, tokens.admin!);
    expect(ok.status, ok.error ?? '').toBe('done');
    const rows = (await h.ok('register.page', { filter: {}, sort: { by: 'day', dir: 'asc' } }, tokens.admin)).rows;
    expect(rows.map((r) => [r.day, r.number, r.patientName, r.status])).toEqual([
      ['2025-03-03', '400.7.3.1/11/Dinkes/2025', 'Ahmad Fauzi', 'diserahkan'],
      ['2025-03-04', '400.7.3.1/12/Dinkes/2025', 'Budi Santoso', 'diserahkan'],
    ]);
  }, 60_000);
});
