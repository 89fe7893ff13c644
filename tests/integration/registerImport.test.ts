// The legacy register import as a job: the call answers the job id at once, a worker thread reads
// and checks the workbook while the host goes on issuing tickets, progress is reported, a cancel
// leaves the register as it was, and a file with bad rows imports nothing and names them.
// (The clean rows then go in with one transaction on the host, through the synced tables' write
// path: for 20,000 rows about 2.5 s on this box, during which a ticket waits for the commit.)
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../common/contract/index';
import { inProcessHost } from '../helpers/inproc';

type Host = ReturnType<typeof inProcessHost>;

const HEAD = ['Tanggal', 'Nomor surat', 'Jenis surat', 'Nama pasien', 'NIK', 'Rumah sakit', 'Diagnosis'];

/** A legacy register of `n` rows (streamed, as an office's big book would be); `bad(i)` spoils row i. */
async function legacyBook(file: string, n: number, bad: (i: number) => unknown[] | null = () => null): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Buku register');
  ws.addRow(HEAD).commit();
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000);
    const row = bad(i) ?? [
      i % 2 ? day : `${day.getUTCDate()}/${day.getUTCMonth() + 1}/${day.getUTCFullYear()}`,
      `400.7.3.1/${i + 1}/Dinkes/${day.getUTCFullYear()}`,
      i % 3 ? 'REKOM' : 'Surat Rekomendasi / Keterangan Penjaminan',
      `Pasien Lama ${i}`,
      `1671${String(i).padStart(12, '0')}`,
      i % 2 ? 'RSUD Palembang BARI' : 'RSUP Dr. Mohammad Hoesin',
      i % 5 ? 'Hipertensi' : '',
    ];
    ws.addRow(row).commit();
  }
  await ws.commit();
  await wb.commit();
  return file;
}

const jobEvents = (h: Host, jobId: string) => h.events.flatMap((e) => (e.type === 'job.changed' && e.job.id === jobId ? [e.job] : []));

async function finished(h: Host, jobId: string, token: string): Promise<Job> {
  for (;;) {
    const job = await h.ok('jobs.get', { jobId }, token);
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const letterCount = (h: Host) => (h.store.sqlite.prepare('SELECT count(*) AS n FROM letters').get() as { n: number }).n;

describe('legacy register import (a job on a worker thread)', () => {
  it('20,000 rows: the call answers at once, tickets are issued while the worker checks, then every row is in', async () => {
    const h = inProcessHost(new Date('2026-11-20T02:00:00Z'));
    const { tokens } = await h.setup();
    const file = await legacyBook(join(h.dir, 'register-lama.xlsx'), 20_000);

    const t0 = performance.now();
    // with a requestId, as the screens send it: the job's write is not taken for a repeat of the call
    const requestId = uuidv7();
    const { jobId } = await h.ok('register.import', { path: file, requestId }, tokens.admin);
    const answeredMs = performance.now() - t0;
    expect(answeredMs).toBeLessThan(1_000);
    expect((await h.ok('jobs.get', { jobId }, tokens.admin)).status).toMatch(/^(queued|running)$/);

    // Tickets while the worker is still checking rows.
    while (!jobEvents(h, jobId).some((j) => j.status === 'running' && /^Memeriksa baris [\d.]+…$/.test(j.message))) await new Promise((r) => setTimeout(r, 10));
    const issued: { label: string; ms: number; jobStatus: string; jobMessage: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      const ticket = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
      const ms = performance.now() - s;
      const job = (await h.ok('jobs.get', { jobId }, tokens.admin));
      issued.push({ label: ticket.label, ms, jobStatus: job.status, jobMessage: job.message });
    }
    expect(issued.map((t) => t.label)).toEqual(['A-001', 'A-002', 'A-003']);
    for (const t of issued) {
      expect(t.jobStatus, JSON.stringify(t)).toBe('running');
      expect(t.jobMessage, JSON.stringify(t)).toMatch(/^Memeriksa baris/);
      // The worker holds no write lock and the request thread is free: a ticket costs what it costs idle.
      expect(t.ms, JSON.stringify(t)).toBeLessThan(500);
    }
    expect(letterCount(h)).toBe(0);

    const job = await finished(h, jobId, tokens.admin!);
    expect(job.status, job.error ?? '').toBe('done');
    // the same request again answers the same job, and starts nothing
    expect(await h.ok('register.import', { path: file, requestId }, tokens.admin)).toEqual({ jobId });
    const progress = jobEvents(h, jobId).filter((j) => j.status === 'running').map((j) => j.progress);
    expect(progress.length).toBeGreaterThan(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(letterCount(h)).toBe(20_000);
    const oldest = await h.ok('register.page', { filter: { text: 'Pasien Lama 19999' }, limit: 5 }, tokens.admin);
    expect(oldest.rows.filter((r) => r.patientName === 'Pasien Lama 19999').map((r) => [r.number, r.status, r.hospitalName, r.day])).toEqual([
      ['400.7.3.1/20000/Dinkes/2025', 'diserahkan', 'RSUD Palembang BARI', '2025-02-03'],
    ]);
    // The same file again: every number is taken now, so nothing more goes in.
    const again = await finished(h, (await h.ok('register.import', { path: file }, tokens.admin)).jobId, tokens.admin!);
    expect(again.status).toBe('failed');
    expect(again.error).toMatch(/^20\.000 baris bermasalah, jadi tidak ada yang diimpor\. Baris 2: nomor surat sudah ada di register\./);
    expect(again.error).toContain('(dan 19.980 baris lain)');
    expect(letterCount(h)).toBe(20_000);
  }, 120_000);

  it('cancelled while the rows are checked: cancelled, and not one row imported', async () => {
    const h = inProcessHost(new Date('2026-11-20T02:00:00Z'));
    const { tokens } = await h.setup();
    const file = await legacyBook(join(h.dir, 'besar.xlsx'), 20_000);
    const { jobId } = await h.ok('register.import', { path: file }, tokens.admin);
    while (!jobEvents(h, jobId).some((j) => j.progress > 0.05)) await new Promise((r) => setTimeout(r, 10));
    await h.ok('jobs.cancel', { jobId }, tokens.admin);
    const job = await finished(h, jobId, tokens.admin!);
    expect(job.status).toBe('cancelled');
    expect(letterCount(h)).toBe(0);
    // and the slot is free again: the next import runs
    const next = await finished(h, (await h.ok('register.import', { path: await legacyBook(join(h.dir, 'kecil.xlsx'), 3) }, tokens.admin)).jobId, tokens.admin!);
    expect(next.status, next.error ?? '').toBe('done');
    expect(letterCount(h)).toBe(3);
  }, 120_000);

  it('bad rows anywhere in a big file: nothing imported, each named (the first 20, then how many more)', async () => {
    const h = inProcessHost(new Date('2026-11-20T02:00:00Z'));
    const { tokens } = await h.setup();
    const spoiled = new Set([10, 4_000, 19_998]);
    const file = await legacyBook(join(h.dir, 'rusak.xlsx'), 20_000, (i) => {
      if (i === 10) return ['31/02/2025', 'X/1', 'REKOM', 'Ani', '1671000000000001', '', ''];
      if (i === 4_000) return ['2025-03-01', '400.7.3.1/1/Dinkes/2024', 'Surat Sakti', 'B', '12', 'RS Antah', ''];
      if (i >= 19_970 && !spoiled.has(i)) return [45_000, `LAMA/${i}`, 'rekom', `Pasien ${i}`, '1671 0101 0101 0001', '', ''];
      return null;
    });
    const job = await finished(h, (await h.ok('register.import', { path: file }, tokens.admin)).jobId, tokens.admin!);
    expect(job.status).toBe('failed');
    expect(job.errorCode).toBe('VALIDATION');
    // row i of the book is spreadsheet row i + 2
    expect(job.error).toMatch(/^2 baris bermasalah, jadi tidak ada yang diimpor\. Baris 12: tanggal tidak terbaca/);
    expect(job.error).toContain(
      'Baris 4002: nomor surat sama dengan baris 2; jenis surat "Surat Sakti" tidak dikenal; nama pasien kosong; NIK harus 16 angka; rumah sakit "RS Antah" tidak ada di daftar.',
    );
    expect(letterCount(h)).toBe(0);
    // the Excel serial date (45000 = 15 March 2023) and a NIK with spaces are fine
    expect(job.error).not.toContain('Baris 19972');
  }, 120_000);

  it('a file that is not a workbook, or lacks the columns, is refused whole', async () => {
    const h = inProcessHost(new Date('2026-11-20T02:00:00Z'));
    const { tokens } = await h.setup();
    const notExcel = join(h.dir, 'bukan.xlsx');
    writeFileSync(notExcel, 'Tanggal;Nomor surat\n2025-01-01;1\n');
    const a = await finished(h, (await h.ok('register.import', { path: notExcel }, tokens.admin)).jobId, tokens.admin!);
    expect([a.status, a.errorCode, a.error]).toEqual(['failed', 'VALIDATION', 'Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca. Tidak ada yang diimpor.']);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['Tanggal', 'Nama pasien', 'NIK']);
    const fewColumns = join(h.dir, 'kolom.xlsx');
    await wb.xlsx.writeFile(fewColumns);
    const b = await finished(h, (await h.ok('register.import', { path: fewColumns }, tokens.admin)).jobId, tokens.admin!);
    expect(b.error).toBe('Kolom berikut tidak ada di baris 1: nomor surat, jenis surat, rumah sakit, diagnosis. Tidak ada yang diimpor.');
    const missing = await finished(h, (await h.ok('register.import', { path: join(h.dir, 'tidak-ada.xlsx') }, tokens.admin)).jobId, tokens.admin!);
    expect(missing.error).toMatch(/tidak ditemukan di komputer utama/);
  }, 60_000);
});
