// Letters and the Excel export, against the built headless host (build first):
//   node bench/letters.mjs      (BENCH_EXPORT_ROWS=100000 BENCH_PDF=100 BENCH_IDLE=300 by default)
//  1. letter PDF generation over the contract (letters.pdf of a draft renders it afresh each call): p95;
//  2. register export of BENCH_EXPORT_ROWS rows as the host's job (worker thread, streaming writer):
//     time and the host process's peak RSS above its idle RSS; against exceljs's bare streaming writer
//     writing the same rows (same SQL, same columns) in a child process: time and peak RSS;
//  3. queue.issue latency idle, and while the export runs. Prints JSON, then a table.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bulkLetters, call, FIRST_RUN, REKOM, startHost, stats, stopHost } from './register.mjs';

const require = createRequire(import.meta.url);
const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const PDF = Number(process.env.BENCH_PDF ?? 100);
const IDLE = Number(process.env.BENCH_IDLE ?? 300);
const PASSWORD = 'rahasia-staf-1';

const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/** exceljs's bare streaming writer on the same rows: the reference the export is held to. */
const BARE = String.raw`
const Database = require(process.argv[2]);
const ExcelJS = require(process.argv[3]);
(async () => {
  const t0 = performance.now();
  const db = new Database(process.argv[4], { readonly: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: process.argv[5], useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Register');
  for (const r of db.prepare("SELECT day, number, letter_type_id, patient_name, nik, hospital_name, diagnosis, status, officer_name, received_at, checked_at, drafted_at, signed_at, collected_at, handed_over_at FROM letters ORDER BY day DESC, id DESC").iterate())
    ws.addRow([r.day, r.number, r.letter_type_id, r.patient_name, r.nik, r.hospital_name, r.diagnosis, r.status, r.officer_name, r.received_at, r.checked_at, r.drafted_at, r.signed_at, r.collected_at, r.handed_over_at]).commit();
  await ws.commit();
  await wb.commit();
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]);
  console.log(JSON.stringify({ ms: performance.now() - t0, peakKb: hwm }));
})();
`;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-letters-'));
  try {
    let host = await startHost(dataDir);
    const first = await call(host.url, 'setup.firstRun', FIRST_RUN);
    const admin = first.sessionToken;
    await call(host.url, 'users.create', { username: 'rujukan1', fullName: 'Rina Rujukan', roles: ['tim_rujukan'], password: PASSWORD }, admin);
    await call(host.url, 'users.create', { username: 'satpam1', fullName: 'Satpam Satu', roles: ['satpam'], password: PASSWORD }, admin);
    await stopHost(host);
    process.stderr.write(`inserting ${ROWS} register rows…\n`);
    bulkLetters(host.dbFile, ROWS, { days: 365 });
    host = await startHost(dataDir);
    const login = async (username) => (await call(host.url, 'auth.login', { deskToken: first.deskToken, username, password: PASSWORD })).sessionToken;
    const tim = await login('rujukan1');
    const satpam = await login('satpam1');

    // 1. PDF generation.
    const { id } = await call(host.url, 'letters.receive', { typeId: REKOM, hospitalId: '01900000-0000-7000-8000-000000000201', patientName: 'Siti Aminah', nik: '1671014506800002', address: 'Jl. Kenanga No. 5', diagnosis: 'Gagal ginjal kronik' }, tim);
    for (let i = 0; i < 10; i++) await call(host.url, 'letters.pdf', { id }, tim);
    const pdfTimes = [];
    for (let i = 0; i < PDF; i++) {
      const t0 = performance.now();
      await call(host.url, 'letters.pdf', { id }, tim);
      pdfTimes.push(performance.now() - t0);
    }

    // 3a. Ticket issue, idle.
    const issue = async () => {
      const t0 = performance.now();
      await call(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, satpam);
      return performance.now() - t0;
    };
    for (let i = 0; i < 50; i++) await issue();
    const idle = [];
    for (let i = 0; i < IDLE; i++) idle.push(await issue());

    // 2a. The export alone (the figure held against the bare writer, which also runs alone).
    const alone0 = performance.now();
    const aloneJob = (await call(host.url, 'register.export', { filter: {}, sort: { by: 'day', dir: 'desc' } }, tim)).jobId;
    for (;;) {
      const j = await call(host.url, 'jobs.get', { jobId: aloneJob }, tim);
      if (!['queued', 'running'].includes(j.status)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const aloneMs = performance.now() - alone0;

    // 2b. The export again with ticket issuing meanwhile, the host's RSS sampled.
    const baseKb = rssKb(host.proc.pid);
    let peakKb = baseKb;
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, rssKb(host.proc.pid))), 25);
    const t0 = performance.now();
    const { jobId } = await call(host.url, 'register.export', { filter: {}, sort: { by: 'day', dir: 'desc' } }, tim);
    const during = [];
    let job;
    for (;;) {
      during.push(await issue());
      if (during.length % 10 === 0) {
        job = await call(host.url, 'jobs.get', { jobId }, tim);
        if (!['queued', 'running'].includes(job.status)) break;
      }
    }
    const exportMs = performance.now() - t0;
    clearInterval(sampler);
    if (job.status !== 'done') throw new Error(`export ${job.status}: ${job.error}`);
    await stopHost(host);

    // The bare writer, same rows, its own process.
    const bareFile = join(dataDir, 'bare.xlsx');
    const script = join(dataDir, 'bare.cjs');
    writeFileSync(script, BARE);
    const sqliteModule = require.resolve('better-sqlite3');
    const r = spawnSync(process.execPath, [script, sqliteModule, require.resolve('exceljs'), host.dbFile, bareFile], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    const bare = JSON.parse(r.stdout);
    void execFileSync;

    const summary = {
      pdf: stats(pdfTimes),
      export: { rows: ROWS, aloneMs: Math.round(aloneMs), withTicketsMs: Math.round(exportMs), hostPeakAboveIdleMb: +((peakKb - baseKb) / 1024).toFixed(1), hostPeakMb: +(peakKb / 1024).toFixed(1), fileBytes: job.file.sizeBytes },
      bareExceljs: { ms: Math.round(bare.ms), peakMb: +(bare.peakKb / 1024).toFixed(1) },
      ratio: +(aloneMs / bare.ms).toFixed(2),
      issueIdle: stats(idle),
      issueDuringExport: stats(during),
    };
    console.log(JSON.stringify(summary));
    console.log(`\nLetter PDF (letters.pdf over HTTP): p50 ${summary.pdf.p50} ms, p95 ${summary.pdf.p95} ms`);
    console.log(`Export ${ROWS.toLocaleString('id-ID')} rows: ${summary.export.aloneMs} ms alone, ${summary.export.withTicketsMs} ms while tickets are issued; host peak +${summary.export.hostPeakAboveIdleMb} MB (${summary.export.hostPeakMb} MB total)`);
    console.log(`Bare exceljs streaming writer, same rows: ${summary.bareExceljs.ms} ms, peak ${summary.bareExceljs.peakMb} MB  → ratio ${summary.ratio}×`);
    console.log(`queue.issue idle p99 ${summary.issueIdle.p99} ms; during export p99 ${summary.issueDuringExport.p99} ms (n=${summary.issueDuringExport.n})`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
