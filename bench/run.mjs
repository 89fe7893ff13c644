// `npm run bench`: the figures issue 3 asks for, on this machine, against the real headless host.
//  1. issue → screen update and call → display board latency with 20 desks issuing and calling at once;
//  2. host cold start to the first page served.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { startHost, call, pct } from './lib.mjs';

const PASSWORD = 'rahasia-staf-1';
const DESKS = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
// The first rounds after start-up run on cold (not yet optimised) code: measured apart, so the
// steady state an office sees all day is not hidden behind the first minute's, nor the other way round.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
// Extra Node flags for the host, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

const fmt = (xs) => `n=${xs.length} p50=${pct(xs, 50).toFixed(1)} ms p99=${pct(xs, 99).toFixed(1)} ms max=${Math.max(...xs).toFixed(1)} ms`;

async function latency() {
  const host = await startHost(mkdtempSync(join(tmpdir(), 'loket-bench-')), { nodeArgs: NODE_ARGS });
  const { url } = host;
  const first = await call(url, 'setup.firstRun', {
    officeName: 'Dinas Kesehatan Bench', kabKota: 'Kabupaten Bench', address: 'Jl. Bench 1',
    adminUsername: 'admin', adminFullName: 'Admin', adminPassword: 'rahasia-admin-1',
  });
  const admin = first.sessionToken;
  const desks = [];
  for (let i = 0; i < DESKS; i++) {
    const role = i % 2 === 0 ? 'satpam' : 'resepsionis';
    const username = `${role}${i}`;
    await call(url, 'users.create', { username, fullName: username, roles: [role], password: PASSWORD }, admin);
    const { deskToken } = await call(url, 'desks.create', { name: `Meja ${i + 2}`, counterNo: i + 2 }, admin);
    const { sessionToken } = await call(url, 'auth.login', { deskToken, username, password: PASSWORD });
    desks.push({ role, token: sessionToken });
  }
  // Every desk listens to pushed events, like its screen does; one TV listens to the display feed.
  // Arrival times are kept by key, since an event may land before the HTTP answer does.
  const arrivals = track();
  // The TV as an office has it: a process of its own (bench/tvClient.mjs), its arrival times taken there.
  const ownTv = track();
  const tvProc = spawn(process.execPath, [new URL('./tvClient.mjs', import.meta.url).pathname, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => {
    createInterface({ input: tvProc.stdout }).on('line', (line) => {
      const m = JSON.parse(line);
      if (m.ready) resolve();
      else ownTv.mark(`call:${m.label}`, m.at - performance.timeOrigin);
    });
  });
  function track() {
    const at = new Map();
    const waiters = new Map();
    return {
      mark(key, when = performance.now()) {
        if (at.has(key)) return;
        at.set(key, when);
        waiters.get(key)?.();
      },
      wait(key, timeoutMs = 5000) {
        if (at.has(key)) return Promise.resolve(at.get(key));
        return new Promise((resolve) => {
          const timer = setTimeout(() => resolve(null), timeoutMs);
          waiters.set(key, () => (clearTimeout(timer), resolve(at.get(key))));
        });
      },
    };
  }
  const sockets = await Promise.all(
    desks.map(
      (d, i) =>
        new Promise((resolve) => {
          const ws = new WebSocket(`${url.replace('http', 'ws')}/ws/events?token=${d.token}`);
          ws.on('open', () => resolve(ws));
          if (i === DESKS - 1)
            ws.on('message', (m) => {
              const e = JSON.parse(m);
              if (e.type === 'queue.changed' && e.status === 'waiting') arrivals.mark(`issue:${e.ticketId}`);
            });
        }),
    ),
  );
  const board = await new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/ws/display`);
    ws.on('message', (m) => {
      const e = JSON.parse(m);
      if (e.announce) arrivals.mark(`call:${e.announce.label}`);
    });
    ws.on('open', () => resolve(ws));
  });
  // The satpam kiosk: a browser signed in as satpam, listening like the desks do.
  const kiosk = await new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/ws/events?token=${desks[0].token}`);
    ws.on('open', () => resolve(ws));
  });
  let issueLat = [];
  let callLat = [];
  let ownTvLat = [];
  let warmIssue = [];
  let warmCall = [];
  let warmOwnTv = [];
  let lost = 0;
  const satpams = desks.filter((d) => d.role === 'satpam');
  const reseps = desks.filter((d) => d.role === 'resepsionis');
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    if (round === WARMUP) {
      warmIssue = issueLat;
      warmCall = callLat;
      warmOwnTv = ownTvLat;
      issueLat = [];
      callLat = [];
      ownTvLat = [];
    }
    // All satpam desks issue and all resepsionis desks call at the same moment.
    await Promise.all([
      ...satpams.map(async (d) => {
        const t0 = performance.now();
        const t = await call(url, 'queue.issue', { serviceCode: 'A', priority: null }, d.token);
        const seen = await arrivals.wait(`issue:${t.id}`);
        if (seen === null) lost += 1;
        else issueLat.push(seen - t0);
      }),
      ...reseps.map(async (d) => {
        const t0 = performance.now();
        const t = await call(url, 'queue.callNext', { stage: 'resepsionis' }, d.token);
        if (!t) return;
        const shown = await arrivals.wait(`call:${t.label}`);
        if (shown === null) lost += 1;
        else callLat.push(shown - t0);
        const tv = await ownTv.wait(`call:${t.label}`);
        if (tv === null) lost += 1;
        else ownTvLat.push(tv - t0);
        await call(url, 'queue.skip', { ticketId: t.id }, d.token);
      }),
    ]);
  }
  if (lost) console.log(`[bench] WARNING: ${lost} updates never arrived`);
  const rssMb = hostRssMb(host.proc.pid);
  for (const s of [...sockets, board, kiosk]) s.close();
  tvProc.kill('SIGTERM');
  host.proc.kill('SIGTERM');
  await new Promise((r) => host.proc.once('exit', r));
  return { issueLat, callLat, ownTvLat, warmIssue, warmCall, warmOwnTv, rssMb };
}

/** The host's resident memory now (Linux /proc), in MB; null elsewhere. */
function hostRssMb(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

async function coldStart() {
  const times = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-cold-'));
  for (let i = 0; i < 5; i++) {
    const host = await startHost(dataDir, { nodeArgs: NODE_ARGS });
    const res = await fetch(`${host.url}/`);
    await res.text();
    if (res.status !== 200) throw new Error(`first page: ${res.status}`);
    times.push(performance.now() - host.t0);
    host.proc.kill('SIGTERM');
    await new Promise((r) => host.proc.once('exit', r));
  }
  return times;
}

const { issueLat, callLat, ownTvLat, warmIssue, warmCall, warmOwnTv, rssMb } = await latency();
if (WARMUP) {
  console.log(`[bench] first ${WARMUP} rounds after start-up (cold code), issue → desk screen: ${fmt(warmIssue)}`);
  console.log(`[bench] first ${WARMUP} rounds after start-up (cold code), call → display board: ${fmt(warmCall)}`);
  console.log(`[bench] first ${WARMUP} rounds after start-up (cold code), call → TV in its own process: ${fmt(warmOwnTv)}`);
}
console.log(`[bench] 20 desks (10 issuing, 10 calling), ${ROUNDS} rounds after those`);
console.log(`[bench] issue → desk screen event over HTTP+WS: ${fmt(issueLat)}`);
console.log(`[bench] call → display board update over HTTP+WS, board in the benchmark's own event loop with the 21 desk sockets: ${fmt(callLat)}`);
console.log(`[bench] call → display board update over HTTP+WS, TV in its own process as in the office: ${fmt(ownTvLat)}`);
// Each round is 10 visitors issued and 10 called (then skipped): BENCH_ROUNDS=30 is a 300-visitor day.
console.log(`[bench] host RSS after ${(WARMUP + ROUNDS) * 10} visitors with 20 desks, a TV and a kiosk connected: ${rssMb === null ? 'n/a' : `${rssMb.toFixed(0)} MB`}`);
const cold = await coldStart();
console.log(`[bench] host cold start → first page served: ${fmt(cold)}`);
