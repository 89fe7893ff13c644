// Backup under load, against the built headless host (build first: `node scripts/build.mjs --quiet`):
//   node bench/backup.mjs            (BENCH_TICKETS=1000000 BENCH_IDLE=300 by default)
//  1. a data folder with the real schema: the built host runs once on it (migrations, first run);
//  2. BENCH_TICKETS tickets bulk-inserted with a prepared statement in big transactions;
//  3. the host again: queue.issue latency over HTTP when idle (BENCH_IDLE sequential calls), then
//     again while backup.start runs (issuing back to back until the job ends);
//  4. the backup's duration and the sizes. Prints a JSON summary, then a table for people.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FIRST_RUN, startHost, stopHost, call, pct } from './lib.mjs';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const IDLE = Number(process.env.BENCH_IDLE ?? 300);
const BATCH = 50_000;

async function timedIssue(url, token) {
  const t0 = performance.now();
  await call(url, 'queue.issue', { serviceCode: 'A', priority: null }, token);
  return performance.now() - t0;
}

const stats = (xs) => ({ n: xs.length, p50: +pct(xs, 50).toFixed(2), p99: +pct(xs, 99).toFixed(2), max: +Math.max(...xs).toFixed(2) });
const mb = (bytes) => +(bytes / 1024 / 1024).toFixed(1);

function bulkInsert(dbFile, count) {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const service = db.prepare("SELECT id FROM services WHERE code = 'A'").get();
  const admin = db.prepare('SELECT id FROM users LIMIT 1').get();
  if (!service || !admin) throw new Error('no service A or no user after first run');
  // The columns as the migrations left them (the schema grows): every NOT NULL one without a default
  // gets a value; a done ticket's usual optional ones too.
  const columns = db.prepare('PRAGMA table_info(tickets)').all();
  const has = new Set(columns.map((c) => c.name));
  const fill = {
    id: (r) => r.id, service_id: (r) => r.service, current_service_id: (r) => r.service, day: (r) => r.day, number: (r) => r.number,
    label: (r) => r.label, status: () => 'done', counter_no: () => 1, handled_by: (r) => r.user, issued_by: (r) => r.user,
    issued_at: (r) => r.at, called_at: (r) => r.at, waiting_since: (r) => r.at, closed_at: (r) => r.at, created_at: (r) => r.at, updated_at: (r) => r.at,
  };
  const missing = columns.filter((c) => c.notnull && c.dflt_value === null && !c.pk && !(c.name in fill)).map((c) => c.name);
  if (missing.length) throw new Error(`bench/backup.mjs does not know how to fill tickets.${missing.join(', tickets.')}`);
  const used = Object.keys(fill).filter((name) => has.has(name));
  const insert = db.prepare(`INSERT INTO tickets (${used.join(', ')}) VALUES (${used.map(() => '?').join(', ')})`);
  // 800 tickets a day, back from 2020-01-01: past days, so today's numbering is untouched.
  const perDay = 800;
  const base = Date.UTC(2020, 0, 1);
  const t0 = performance.now();
  for (let from = 0; from < count; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(count, from + BATCH); i++) {
        const dayIndex = Math.floor(i / perDay);
        const number = (i % perDay) + 1;
        const at = new Date(base + dayIndex * 86_400_000 + 1_800_000 + number * 30_000).toISOString();
        const day = at.slice(0, 10);
        const r = { id: `bench-${i}`, service: service.id, user: admin.id, day, number, label: `A-${String(number).padStart(3, '0')}`, at };
        insert.run(...used.map((name) => fill[name](r)));
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return performance.now() - t0;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-backup-'));
  try {
    // 1. Schema and first run through the real host.
    let host = await startHost(dataDir);
    const first = await call(host.url, 'setup.firstRun', FIRST_RUN);
    const token = first.sessionToken;
    await stopHost(host);

    // 2. Bulk tickets.
    const dbFile = host.dbFile;
    process.stderr.write(`inserting ${TICKETS} tickets into ${dbFile}…\n`);
    const insertMs = bulkInsert(dbFile, TICKETS);
    const dbBytes = statSync(dbFile).size;

    // 3. Latency idle, then during a backup.
    host = await startHost(dataDir);
    for (let i = 0; i < 100; i++) await timedIssue(host.url, token); // warm-up (a cold page cache after the restart)
    const idle = [];
    for (let i = 0; i < IDLE; i++) idle.push(await timedIssue(host.url, token));

    const t0 = performance.now();
    const { jobId } = await call(host.url, 'backup.start', {}, token);
    let job = null;
    const during = [];
    const watcher = (async () => {
      for (;;) {
        job = await call(host.url, 'jobs.get', { jobId }, token);
        if (!['queued', 'running'].includes(job.status)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    while (job === null || ['queued', 'running'].includes(job.status)) during.push(await timedIssue(host.url, token));
    await watcher;
    const backupWallMs = performance.now() - t0;
    if (job.status !== 'done') throw new Error(`backup ${job.status}: ${job.error}`);
    const jobMs = Date.parse(job.endedAt) - Date.parse(job.startedAt);
    const after = [];
    for (let i = 0; i < IDLE; i++) after.push(await timedIssue(host.url, token));
    await stopHost(host);

    const copies = readdirSync(join(dataDir, 'cadangan'));
    const summary = {
      tickets: TICKETS,
      insertSeconds: +(insertMs / 1000).toFixed(1),
      dbMB: mb(dbBytes),
      backup: { file: job.file.name, copyMB: mb(job.file.sizeBytes), jobSeconds: +(jobMs / 1000).toFixed(2), wallSeconds: +(backupWallMs / 1000).toFixed(2), copies: copies.length },
      issueMs: { idle: stats(idle), duringBackup: stats(during), afterBackup: stats(after) },
      node: process.version,
    };
    console.log(JSON.stringify(summary));
    const row = (name, s) => `${name.padEnd(22)} ${String(s.n).padStart(6)} ${s.p50.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)} ${s.max.toFixed(1).padStart(8)}`;
    console.log(
      [
        '',
        `Database: ${TICKETS.toLocaleString('en')} tickets, ${summary.dbMB} MB (bulk insert ${summary.insertSeconds} s)`,
        `Backup:   ${summary.backup.jobSeconds} s for ${summary.backup.copyMB} MB (verified copy ${summary.backup.file})`,
        '',
        `${'queue.issue over HTTP'.padEnd(22)} ${'n'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
        row('idle', summary.issueMs.idle),
        row('during backup', summary.issueMs.duringBackup),
        row('after backup', summary.issueMs.afterBackup),
      ].join('\n'),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
