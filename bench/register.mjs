// The register at a million rows, against the built headless host (build first):
//   node bench/register.mjs          (BENCH_LETTERS=1000000 BENCH_N=200 by default)
//  1. the real schema through the host (migrations, first run); 2. BENCH_LETTERS register rows
//  bulk-inserted (the FTS5 index kept by its triggers, as in production); 3. register.page over
//  the host's HTTP contract, p50/p95 per kind of query, beside the same SQL on bare SQLite;
//  4. time to the first rows on screen in Chromium. Prints JSON, then a table.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { FIRST_RUN, startHost, stopHost, call, pct } from './lib.mjs';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

export const REKOM = '01900000-0000-7000-8000-000000000101';
const HOSPITALS = [['01900000-0000-7000-8000-000000000201', 'RSUD Palembang BARI'], ['01900000-0000-7000-8000-000000000202', 'RSUP Dr. Mohammad Hoesin']];
const STATUSES = ['diterima', 'dikembalikan', 'lengkap', 'draf', 'disetujui', 'ditandatangani', 'dicetak', 'diambil', 'diserahkan', 'batal'];
const FIRST = ['Siti', 'Ahmad', 'Budi', 'Dewi', 'Rina', 'Agus', 'Sri', 'Hendra', 'Yanti', 'Joko', 'Nur', 'Wati', 'Eko', 'Fitri', 'Rudi', 'Lestari'];
const LAST = ['Aminah', 'Santoso', 'Rahmawati', 'Saputra', 'Hidayat', 'Wahyuni', 'Kurniawan', 'Susanti', 'Pratama', 'Handayani', 'Setiawan', 'Utami'];


export const stats = (xs) => ({ n: xs.length, p50: +pct(xs, 50).toFixed(2), p95: +pct(xs, 95).toFixed(2), p99: +pct(xs, 99).toFixed(2) });

/** A fixed-seed generator: the same rows every run. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** `count` register rows over three years, in big transactions; ms taken. */
export function bulkLetters(dbFile, count, { days = 1060 } = {}) {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const users = db.prepare('SELECT id, full_name FROM users').all();
  const officers = Array.from({ length: 20 }, (_, i) => ({ id: `0190aaaa-0000-7000-8000-${String(i).padStart(12, '0')}`, name: `Petugas Rujukan ${i + 1}` }));
  const ins = db.prepare(`INSERT INTO letters (reg_key, id, letter_type_id, status, status_rank, patient_name, nik, address, diagnosis, hospital_id, hospital_name,
    year, seq, number, number_key, officer_id, officer_name, received_at, checked_at, drafted_at, signed_at, collected_at, handed_over_at, day, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const r = rng(42);
  const start = Date.UTC(2024, 0, 1);
  const t0 = performance.now();
  const perYear = new Map();
  const BATCH = 50_000;
  for (let done = 0; done < count; done += BATCH) {
    db.transaction(() => {
      // The bench writes straight into the table: it opens the sync write path's gate for its own
      // transaction (these rows are not for the central server) and closes it before the commit.
      db.prepare('UPDATE sync_gate SET open = 1 WHERE id = 1').run();
      for (let i = done; i < Math.min(count, done + BATCH); i++) {
        // Receipts spread evenly over the office hours of `days` days, each its own millisecond.
        const perDay = Math.ceil(count / days);
        const at = new Date(start + Math.floor(i / perDay) * 86_400_000 + 3600_000 + (i % perDay) * Math.floor((7 * 3600_000) / perDay));
        const day = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
        const status = STATUSES[Math.floor(r() * (r() < 0.7 ? 1 : 10)) === 0 && r() < 0.7 ? 8 : Math.floor(r() * 10)];
        const rank = STATUSES.indexOf(status);
        const h = r() < 0.9 ? HOSPITALS[Math.floor(r() * 2)] : null;
        const year = Number(day.slice(0, 4));
        let seq = null;
        if (rank >= 4) {
          seq = (perYear.get(year) ?? 0) + 1;
          perYear.set(year, seq);
        }
        const off = officers[Math.floor(r() * officers.length)];
        const iso = (min) => new Date(at.getTime() + min * 60_000).toISOString();
        const id = `0190${String(i).padStart(4, '0').slice(-4)}-${String(Math.floor(i / 1e4)).padStart(4, '0').slice(-4)}-7000-8000-${String(i).padStart(12, '0')}`;
        ins.run(
          at.getTime() * 1000, id, REKOM, status, rank, `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]} ${i}`,
          `1671${String(Math.floor(r() * 1e12)).padStart(12, '0')}`, r() < 0.5 ? 'Gagal ginjal kronik' : '', h?.[0] ?? null, h?.[1] ?? '',
          seq ? year : null, seq, seq ? `400.7.3.1/${seq}/Dinkes/${year}` : null, seq ? year * 1_000_000 + seq : null, off.id, off.name,
          iso(0), rank >= 2 ? iso(12) : null, rank >= 3 ? iso(25) : null, rank >= 5 ? iso(31) : null, rank >= 7 ? iso(34) : null, rank === 8 ? iso(36) : null,
          day, iso(0), iso(36),
        );
      }
      db.prepare('UPDATE sync_gate SET open = 0 WHERE id = 1').run();
    })();
  }
  for (const [year, last] of perYear) db.prepare('INSERT OR REPLACE INTO letter_counters (letter_type_id, year, last_no) VALUES (?, ?, ?)').run(REKOM, year, last);
  db.pragma('optimize');
  db.close();
  void users;
  return performance.now() - t0;
}

async function timed(n, fn) {
  const xs = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    xs.push(performance.now() - t0);
  }
  return stats(xs);
}

async function main() {
  const COUNT = Number(process.env.BENCH_LETTERS ?? 1_000_000);
  const N = Number(process.env.BENCH_N ?? 200);
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-register-'));
  try {
    let host = await startHost(dataDir);
    const first = await call(host.url, 'setup.firstRun', FIRST_RUN);
    await stopHost(host);
    process.stderr.write(`inserting ${COUNT} register rows…\n`);
    const insertMs = bulkLetters(host.dbFile, COUNT);
    host = await startHost(dataDir);
    const token = first.sessionToken;
    const page = (filter, extra = {}) => call(host.url, 'register.page', { filter, limit: 100, ...extra }, token);
    for (let i = 0; i < 30; i++) await page({});
    const firstPage = await page({ status: 'diserahkan' });
    const kinds = {
      'first page, no filter': () => page({}),
      'status + date range': (i) => page({ status: 'diserahkan', from: `2025-0${1 + (i % 9)}-01`, to: `2025-0${1 + (i % 9)}-28` }),
      'hospital, newest first': () => page({ hospitalId: HOSPITALS[0][0] }),
      'next page (keyset)': () => page({ status: 'diserahkan' }, { after: firstPage.next }),
      'sorted by number': () => page({}, { sort: { by: 'number', dir: 'desc' } }),
      'text: name word': (i) => page({ text: ['siti', 'ahmad', 'wahyuni', 'pratama'][i % 4] }),
      'text: NIK prefix': (i) => page({ text: `1671${String(i % 90 + 10)}` }),
      'text: letter number': (i) => page({ text: `400.7.3.1/${1000 + i}/Dinkes/2025` }),
      'text: name + hospital + status': () => page({ text: 'dewi', hospitalId: HOSPITALS[1][0], status: 'diserahkan' }),
    };
    const results = {};
    for (const [k, fn] of Object.entries(kinds)) results[k] = await timed(N, fn);

    // The same SQL on bare SQLite, for reference (what the host adds: HTTP, auth, zod, JSON).
    const queryModule = join(process.cwd(), 'out', 'bench', 'registerQuery.mjs');
    await require('esbuild').build({ entryPoints: ['main/features/register/query.ts'], outfile: queryModule, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error' });
    const { buildRegisterQuery } = await import(pathToFileURL(queryModule).href);
    let bare = null;
    if (buildRegisterQuery) {
      const db = new Database(host.dbFile, { readonly: true });
      const q1 = buildRegisterQuery({ from: '2025-03-01', to: '2025-03-28', hospitalId: null, status: 'diserahkan', officerId: null, typeId: null, text: '' }, { by: 'day', dir: 'desc' }, null, 101);
      const q2 = buildRegisterQuery({ from: null, to: null, hospitalId: null, status: null, officerId: null, typeId: null, text: 'siti' }, { by: 'day', dir: 'desc' }, null, 101);
      const s1 = db.prepare(q1.sql);
      const s2 = db.prepare(q2.sql);
      bare = { 'status + date range': await timed(N, () => s1.all(...q1.params)), 'text: name word': await timed(N, () => s2.all(...q2.params)) };
      db.close();
    }

    // Time to the first rows on screen: a browser signed in, the register opened.
    let firstRowsMs = null;
    try {
      const { chromium } = require('@playwright/test');
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
      const context = await browser.newContext({ baseURL: host.url, viewport: { width: 1366, height: 768 } });
      await context.addInitScript({ content: `localStorage.setItem('loket.desk', ${JSON.stringify(first.deskToken)}); localStorage.setItem('loket.session', ${JSON.stringify(token)});` });
      const p = await context.newPage();
      await p.goto('/#/');
      await p.waitForSelector('[data-state="ready"]');
      const t0 = performance.now();
      await p.goto('/#/register');
      await p.waitForSelector('[data-testid="register-row"]');
      firstRowsMs = +(performance.now() - t0).toFixed(0);
      await browser.close();
    } catch (err) {
      process.stderr.write(`first rows on screen not measured: ${err.message}\n`);
    }
    await stopHost(host);
    const summary = { rows: COUNT, insertSec: +(insertMs / 1000).toFixed(1), overHttp: results, bareSqlite: bare, firstRowsOnScreenMs: firstRowsMs };
    console.log(JSON.stringify(summary));
    console.log(`\nRegister, ${COUNT.toLocaleString('id-ID')} rows (inserted in ${summary.insertSec} s)`);
    for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(34)} p50 ${String(v.p50).padStart(7)} ms   p95 ${String(v.p95).padStart(7)} ms`);
    if (bare) for (const [k, v] of Object.entries(bare)) console.log(`  bare SQLite: ${k.padEnd(21)} p50 ${String(v.p50).padStart(7)} ms   p95 ${String(v.p95).padStart(7)} ms`);
    console.log(`  first rows on screen: ${firstRowsMs ?? '–'} ms`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();

export { call, FIRST_RUN, startHost, stopHost };
