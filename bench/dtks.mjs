// DTKS import benchmark against the real built host (out/main/host.js): 200,000 rows of CSV
// uploaded through the contract in chunks, imported as a job on a worker thread. Reports the import
// time, the host's peak RSS (VmHWM), NIK lookup p99 after the import, and ticket-issue p99 idle vs
// while the import runs. Targets (issue 9): < 20 s, < 300 MB, lookup p99 < 5 ms, issue p99 within 2x idle.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { FIRST_RUN, startHost, call } from './lib.mjs';

const Database = createRequire(import.meta.url)('better-sqlite3');

const ROWS = Number(process.env.BENCH_DTKS_ROWS ?? 200_000);
const CHUNK = 512 * 1024;

const p = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const nik = (i) => `3201${String(10 + (Math.floor(i / 9999) % 89)).padStart(2, '0')}${i % 2 ? '55' : '15'}0190${String((i % 9999) + 1).padStart(4, '0')}`;
const hwm = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function timedIssue(url, token) {
  const t0 = performance.now();
  await call(url, 'queue.issue', { serviceCode: 'A', priority: null }, token);
  return performance.now() - t0;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-dtks-'));
  const host = await startHost(dir);
  try {
    const token = (await call(host.url, 'setup.firstRun', FIRST_RUN)).sessionToken;
    const file = join(dir, 'dtks.csv');
    const lines = ['No;ID DTKS;No KK;NIK;Nama;Alamat;Desa/Kelurahan;Kecamatan;Desil'];
    for (let i = 0; i < ROWS; i++) { const h = Math.floor(i / 4); lines.push(`${i + 1};DTKS-${h};32010120031${String(50000 + h).slice(-5)};${nik(i)};WARGA ${i};Jl. Mawar No. ${h}, RT 01;Sungai Lilin;Sungai Lilin;${(h % 10) + 1}`); }
    writeFileSync(file, lines.join('\n') + '\n');
    const bytes = readFileSync(file);

    for (let i = 0; i < 50; i++) await timedIssue(host.url, token); // warm-up
    const idle = [];
    for (let i = 0; i < 300; i++) idle.push(await timedIssue(host.url, token));

    const tu = performance.now();
    const { uploadId } = await call(host.url, 'dtks.uploadStart', { fileName: 'dtks.csv', sizeBytes: bytes.length }, token);
    for (let i = 0, index = 0; i < bytes.length; i += CHUNK, index++) await call(host.url, 'dtks.uploadChunk', { uploadId, index, data: bytes.subarray(i, i + CHUNK).toString('base64') }, token);
    const uploadMs = performance.now() - tu;

    const t0 = performance.now();
    const { jobId } = await call(host.url, 'dtks.import', { uploadId }, token);
    const during = [];
    let job;
    for (;;) {
      during.push(await timedIssue(host.url, token));
      job = await call(host.url, 'jobs.get', { jobId }, token);
      if (job.status !== 'queued' && job.status !== 'running') break;
    }
    const importMs = performance.now() - t0;
    if (job.status !== 'done') throw new Error(`import ${job.status}: ${job.error}`);
    const peak = hwm(host.proc.pid);

    const lookups = [];
    for (let i = 0; i < 2000; i++) {
      const n = nik((i * 7919) % ROWS);
      const s = performance.now();
      const r = await call(host.url, 'dtks.lookup', { nik: n }, token);
      lookups.push(performance.now() - s);
      if (r.status !== 'terdaftar') throw new Error(`lookup ${n}: ${r.status}`);
    }
    // The same two queries the lookup runs, on a read-only connection: the database's share.
    const db = new Database(join(dir, 'loket.sqlite'), { readonly: true });
    const active = db.prepare("SELECT id FROM dtks_imports WHERE status = 'active'").get().id;
    const one = db.prepare('SELECT * FROM dtks_people WHERE import_id = ? AND nik = ?');
    const household = db.prepare('SELECT * FROM dtks_people WHERE import_id = ? AND household_id = ? ORDER BY row_no LIMIT 50');
    const sql = [];
    for (let i = 0; i < 5000; i++) {
      const s = performance.now();
      const person = one.get(active, nik((i * 7919) % ROWS));
      household.all(active, person.household_id);
      sql.push(performance.now() - s);
    }
    db.close();
    const res = {
      rows: ROWS,
      fileMB: +(bytes.length / 1048576).toFixed(1),
      uploadS: +(uploadMs / 1000).toFixed(2),
      importS: +(importMs / 1000).toFixed(2),
      hostPeakRssMB: Math.round(peak),
      lookupP50Ms: +p(lookups, 0.5).toFixed(2),
      lookupP99Ms: +p(lookups, 0.99).toFixed(2),
      lookupSqlP99Ms: +p(sql, 0.99).toFixed(3),
      issueIdleP99Ms: +p(idle, 0.99).toFixed(2),
      issueDuringImportP99Ms: +p(during, 0.99).toFixed(2),
      issuesDuringImport: during.length,
    };
    console.log(JSON.stringify({ bench: 'dtks', ...res }));
    console.log(`DTKS import ${ROWS} rows: ${res.importS} s (target < 20 s), host peak RSS ${res.hostPeakRssMB} MB (target < 300 MB); lookup p99 ${res.lookupP99Ms} ms over HTTP, ${res.lookupSqlP99Ms} ms in SQLite (target < 5 ms); ticket issue p99 idle ${res.issueIdleP99Ms} ms, during import ${res.issueDuringImportP99Ms} ms (target within 2x).`);
  } finally {
    host.proc.kill('SIGTERM');
    await new Promise((r) => host.proc.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
