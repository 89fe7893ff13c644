// `npm run bench` (sync part): the figures of ../shared/sync.md on this machine, against a real
// central server process with its own embedded Postgres and real headless hosts.
//  1. server apply rate (8 offices pushing 500-op batches at once)            target ≥ 5,000 ops/s
//  2. local write + outbox append p99 (one transaction per write, WAL + FULL)  target < 50 ms
//  3. a pending op reaches the server after the link returns (default timings) target ≤ 30 s
//  4. catch-up of an offline backlog through a proxy throttled to 256 kbit/s   target < 5 min for 19,000 ops
//     (default run: BENCH_SYNC_BACKLOG=4000 ops, the 19,000 figure extrapolated; the full size:
//      BENCH_SYNC_BACKLOG=19000 node bench/sync.mjs)
//  5. 500 offices syncing at once on loopback: throughput and p99 per request
// The TypeScript pieces (write path, host and central helpers, the proxy) are bundled on the fly.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { v7 as randomUUID } from 'uuid';

const BACKLOG = Number(process.env.BENCH_SYNC_BACKLOG ?? 4000);
const OFFICES = Number(process.env.BENCH_SYNC_OFFICES ?? 500);
const OFFLINE_S = Number(process.env.BENCH_SYNC_OFFLINE_S ?? 20);
const FULL_BACKLOG = 19_000;

const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.slice(0, -4)), namespace: 'raw-text' }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text', resolveDir: dirname(args.path) }));
  },
};
await build({
  stdin: {
    contents: `export { Store } from './main/platform/db';
      export { migrate } from './main/platform/db/migrate';
      export { installSyncGuards, syncInsert, syncPatch } from './main/platform/sync';
      export { startChaosProxy } from './tests/helpers/chaosProxy';
      export { startHostProcess, setupOffice, ok, tempDir, removeTempDirs } from './tests/helpers/host';
      export { startCentralProcess } from './tests/helpers/central';`,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  outfile: 'out/bench/sync-kit.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  plugins: [rawText],
  logLevel: 'error',
});
const kit = await import(resolve('out/bench/sync-kit.mjs'));

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (v) => `${v.toFixed(1)} ms`;
const results = [];
const report = (name, figure, target, pass) => {
  results.push({ name, figure, target, pass });
  console.log(`  ${pass ? 'OK ' : 'LOW'} ${name}: ${figure} (target ${target})`);
};
const until = async (fn, timeoutMs, stepMs = 50) => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, stepMs));
  }
};
const day = (i) => new Date(Date.UTC(2026, 10, 1) + (i % 28) * 86_400_000).toISOString().slice(0, 10);
const iso = () => new Date(Date.now() - 1000).toISOString();

/** A register letter as a host would send it (the central register's fields). */
const letterOp = (seq, i) => {
  const id = randomUUID();
  const at = iso();
  return {
    opId: randomUUID(), deviceOpSeq: seq, table: 'letters', recordId: id, kind: 'insert', createdAt: at, updatedAt: at,
    payload: {
      id, status: 'diterima', status_rank: 0, patient_name: `Pasien Uji ${i}`, nik: `16710${String(100000000 + i).padStart(11, '0')}`,
      hospital_name: 'RSUD Siti Fatimah', diagnosis: 'Kontrol pasca rawat inap', day: day(i), number: null,
      officer_name: 'Rina Petugas', docs_present: '["ktp","kk","bpjs"]', created_at: at, updated_at: at,
    },
  };
};

async function enrolDevice(central, officeId) {
  const deviceId = randomUUID();
  const res = await fetch(`${central.url}/sync/enrol`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: await central.enrolCode(officeId), deviceId, deviceName: 'bench' }),
  });
  const { token } = await res.json();
  return { deviceId, token, seq: 0 };
}
const pushBody = (device, ops) => gzipSync(JSON.stringify({ deviceId: device.deviceId, ops, backlog: 0 }));
async function push(central, device, body) {
  const res = await fetch(`${central.url}/sync/push`, {
    method: 'POST', body,
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${device.token}` },
  });
  if (!res.ok) throw new Error(`push ${res.status}: ${await res.text()}`);
  return res.json();
}
async function pool(items, size, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

console.log('Sync benchmarks (../shared/sync.md):');
const central = await kit.startCentralProcess();
/** Hosts started here, stopped in the end whatever happens. */
const hosts = [];
const startHost = async (dir) => {
  const h = await kit.startHostProcess(dir);
  hosts.push(h);
  return h;
};
try {
  // 1. Server apply rate.
  {
    const devices = [];
    for (let o = 0; o < 8; o++) devices.push(await enrolDevice(central, await central.createOffice(`Bench apply ${o}`)));
    const warm = devices[0];
    await push(central, warm, pushBody(warm, Array.from({ length: 100 }, (_, i) => letterOp(++warm.seq, i))));
    const BATCHES = 10;
    const bodies = devices.map((d, o) => Array.from({ length: BATCHES }, (_, b) => pushBody(d, Array.from({ length: 500 }, (_, i) => letterOp(++d.seq, o * 10_000 + b * 500 + i)))));
    const t0 = performance.now();
    await Promise.all(devices.map(async (d, o) => {
      for (const body of bodies[o]) await push(central, d, body);
    }));
    const seconds = (performance.now() - t0) / 1000;
    const ops = devices.length * BATCHES * 500;
    const rate = ops / seconds;
    report('server apply rate', `${Math.round(rate).toLocaleString('en')} ops/s (${ops.toLocaleString('en')} ops, 8 offices, 500-op batches, ${seconds.toFixed(1)} s)`, '≥ 5,000 ops/s', rate >= 5000);
  }

  // 2. Local write + outbox append.
  {
    const dir = kit.tempDir('loket-bench-sync-');
    const store = new kit.Store(`${dir}/w.sqlite`);
    kit.migrate(store);
    kit.installSyncGuards(store);
    const times = [];
    const ids = [];
    for (let i = 0; i < 3000; i++) {
      const t = performance.now();
      if (i % 3 === 2) store.tx((w) => kit.syncPatch(w, 'queue_day_stats', ids[i % ids.length], { issued: i, done: i >> 1 }, new Date()));
      else {
        const id = randomUUID();
        ids.push(id);
        store.tx((w) => kit.syncInsert(w, 'queue_day_stats', {
          id, day: day(i), service_code: `S${i}`, service_name: 'Pelayanan umum', step_seq: 0, step_name: '', issued: 1, done: 0, cancelled: 0,
          no_show: 0, steps: 0, service_median_sec: null, within_mutu_baku_pct: null,
        }, new Date()));
      }
      times.push(performance.now() - t);
    }
    store.close();
    times.sort((a, b) => a - b);
    report('local write + outbox p99', `${ms(pct(times, 99))} (p50 ${ms(pct(times, 50))}, max ${ms(times.at(-1))}, 3,000 transactions, synchronous=FULL)`, '< 50 ms', pct(times, 99) < 50);
  }

  // 3 + 4. A real host behind a proxy: the link comes back; then a backlog over 256 kbit/s.
  {
    const proxy = await kit.startChaosProxy(central.url, 5);
    const dataDir = kit.tempDir('loket-bench-host-');
    let host = await startHost(dataDir);
    const office = await kit.setupOffice(host.url);
    const officeId = await central.createOffice('Bench Puskesmas');
    await kit.ok(host.url, 'sync.enrol', { serverUrl: proxy.url, code: await central.enrolCode(officeId), requestId: randomUUID() }, office.tokens.admin);
    const applied = async () => (await central.query('SELECT count(*)::int AS n FROM applied_ops WHERE office_id = $1', [officeId]))[0].n;
    const synced = async () => {
      const s = await kit.ok(host.url, 'sync.status', {}, office.tokens.admin);
      return s.state === 'synced' && s.pending === 0;
    };
    await until(synced, 30_000);
    proxy.rules.offline = true;
    await kit.ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1);
    await kit.ok(host.url, 'sync.status', {}, office.tokens.admin);
    const before = await applied();
    // Offline long enough for the backoff to grow past the probe interval.
    await new Promise((r) => setTimeout(r, OFFLINE_S * 1000));
    proxy.rules.offline = false;
    const t0 = performance.now();
    await until(async () => (await applied()) > before, 120_000, 20);
    const back = (performance.now() - t0) / 1000;
    report('pending op reaches the server after the link returns', `${back.toFixed(1)} s (offline ${OFFLINE_S} s, default backoff 1 s…5 min, probe every 5 s)`, '≤ 30 s', back <= 30);
    await until(synced, 60_000);
    await host.stop();

    // The backlog, written through the write path itself while the host is off (≈ 14 days offline).
    const store = new kit.Store(host.started.dbFile);
    const ids = [];
    store.tx((w) => {
      for (let i = 0; i < BACKLOG; i++) {
        if (i % 5 === 4) kit.syncPatch(w, 'queue_day_stats', ids[(i * 7) % ids.length], { issued: 10 + i, done: 5 + (i >> 1), service_median_sec: 300 + (i % 50) }, new Date());
        else {
          const id = randomUUID();
          ids.push(id);
          kit.syncInsert(w, 'queue_day_stats', {
            id, day: day(i), service_code: `B${i}`, service_name: 'Rekomendasi rujukan', step_seq: i % 7, step_name: `Langkah ${i % 7}`,
            issued: i % 40, done: i % 30, cancelled: i % 3, no_show: i % 2, steps: i % 25, service_median_sec: 240 + (i % 300), within_mutu_baku_pct: i % 100,
          }, new Date());
        }
      }
    });
    store.close();
    proxy.rules.bytesPerSecond = 256_000 / 8;
    const startedAt = performance.now();
    host = await startHost(dataDir);
    await until(synced, 30 * 60_000, 500);
    const seconds = (performance.now() - startedAt) / 1000;
    const full = (seconds * FULL_BACKLOG) / BACKLOG;
    const scaled = BACKLOG === FULL_BACKLOG ? '' : `; scaled to 19,000 ops: ${(full / 60).toFixed(1)} min (full size: BENCH_SYNC_BACKLOG=19000 node bench/sync.mjs)`;
    report('backlog catch-up at 256 kbit/s', `${BACKLOG.toLocaleString('en')} ops in ${seconds.toFixed(1)} s, up and back down${scaled}`, '19,000 ops < 5 min', full < 300);
    await host.stop();
    await proxy.close();
  }

  // 5. 500 offices at once on loopback: each sends a day's ~200 ops in 4 batches and pulls once.
  {
    const devices = [];
    const ids = [];
    for (let o = 0; o < OFFICES; o++) ids.push(o);
    await pool(ids, 16, async (o) => {
      devices[o] = await enrolDevice(central, await central.createOffice(`Puskesmas Beban ${o}`));
    });
    const bodies = devices.map((d, o) => Array.from({ length: 4 }, (_, b) => pushBody(d, Array.from({ length: 50 }, (_, i) => letterOp(++d.seq, o * 1000 + b * 50 + i)))));
    const latencies = [];
    const t0 = performance.now();
    await Promise.all(devices.map(async (d, o) => {
      for (const body of bodies[o]) {
        const t = performance.now();
        await push(central, d, body);
        latencies.push(performance.now() - t);
      }
      const t = performance.now();
      const res = await fetch(`${central.url}/sync/pull?after=0`, { headers: { authorization: `Bearer ${d.token}`, 'accept-encoding': 'gzip' } });
      if (!res.ok) throw new Error(`pull ${res.status}`);
      await res.json();
      latencies.push(performance.now() - t);
    }));
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const ops = OFFICES * 200;
    report(`${OFFICES} offices at once`, `${Math.round(ops / seconds).toLocaleString('en')} ops/s (${ops.toLocaleString('en')} ops + ${OFFICES} pulls in ${seconds.toFixed(1)} s); per request p50 ${ms(pct(latencies, 50))}, p99 ${ms(pct(latencies, 99))}`, 'all offices served', true);
  }
} finally {
  for (const h of hosts) if (h.proc.exitCode === null) await h.kill9();
  await central.stop();
  kit.removeTempDirs();
}
const low = results.filter((r) => !r.pass);
console.log(low.length ? `Sync: ${low.length} figure(s) below target.` : 'Sync: every figure meets its target.');
