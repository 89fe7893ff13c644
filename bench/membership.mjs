// Whole-KK membership check against the BPJS simulator with 300 ms latency per request, against the
// built headless host over HTTP (build first: `node scripts/build.mjs --quiet`):
//   node bench/membership.mjs        (BENCH_LATENCY_MS=300 BENCH_ROUNDS=5 by default)
// Times membership.checkFamily for a 1-member family (one single check) and for an 8-member family
// (checked 4 at a time); target: 8 members within 1.5x of one. Prints a JSON summary, then a table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFakeBpjs } from '../scripts/fake-bpjs.mjs';
import { startHost, call } from './lib.mjs';

const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PASSWORD = 'rahasia-bench-1';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const nik = (i) => `3171014101900${String(100 + i).padStart(3, '0')}`;

const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-membership-'));
const sim = await startFakeBpjs({ latencyMs: LATENCY });
const host = await startHost(dataDir);
try {
  const first = await call(host.url, 'setup.firstRun', {
    officeName: 'Dinas Kesehatan Bench', kabKota: 'Kabupaten Bench', address: 'Jl. Bench 1',
    adminUsername: 'admin', adminFullName: 'Admin Bench', adminPassword: PASSWORD,
  });
  const admin = first.sessionToken;
  await call(host.url, 'users.create', { username: 'resep', fullName: 'Resep Bench', roles: ['resepsionis'], password: PASSWORD }, admin);
  await call(host.url, 'users.create', { username: 'satpam', fullName: 'Satpam Bench', roles: ['satpam'], password: PASSWORD }, admin);
  const resep = (await call(host.url, 'auth.login', { deskToken: first.deskToken, username: 'resep', password: PASSWORD })).sessionToken;
  const satpam = (await call(host.url, 'auth.login', { deskToken: first.deskToken, username: 'satpam', password: PASSWORD })).sessionToken;
  await call(host.url, 'membership.settings.save', { service: 'pcare', pcareUrl: sim.pcareUrl, vclaimUrl: '', ...sim.credentials, timeoutMs: 10_000 }, admin);

  async function familyOf(size) {
    await call(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, satpam);
    const t = await call(host.url, 'queue.callNext', { stage: 'resepsionis' }, resep);
    await call(host.url, 'cases.save', { ticketId: t.id, nik: nik(0), name: 'Anggota 0', kk: '3171012001150003', phone: '081234567890', purpose: 'Cek' }, resep);
    const members = Array.from({ length: size }, (_, i) => ({ nik: nik(i), name: `Anggota ${i}`, sex: null, birthDate: '', relation: i ? 'anak' : 'kepala', hasCard: false }));
    await call(host.url, 'cases.family.save', { ticketId: t.id, kk: '3171012001150003', address: 'Jl. Bench', headName: 'Anggota 0', members }, resep);
    await call(host.url, 'queue.endVisit', { ticketId: t.id, reason: 'lainnya', note: 'bench' }, resep).catch(() => undefined);
    return t.id;
  }
  async function timed(ticketId) {
    const t0 = performance.now();
    const r = await call(host.url, 'membership.checkFamily', { ticketId }, resep);
    const ms = performance.now() - t0;
    if (r.checks.some((c) => c.status === 'unchecked')) throw new Error('a check failed');
    return ms;
  }
  const single = await familyOf(1);
  const eight = await familyOf(8);
  await timed(single); // warm-up
  const singles = [];
  const eights = [];
  for (let i = 0; i < ROUNDS; i++) {
    singles.push(await timed(single));
    eights.push(await timed(eight));
  }
  const summary = {
    latencyMs: LATENCY,
    rounds: ROUNDS,
    singleMedianMs: Math.round(median(singles)),
    eightMedianMs: Math.round(median(eights)),
    ratio: Number((median(eights) / median(singles)).toFixed(2)),
    target: 1.5,
  };
  console.log(JSON.stringify(summary));
  console.log(`whole-KK check, ${LATENCY} ms BPJS latency: 1 member ${summary.singleMedianMs} ms, 8 members ${summary.eightMedianMs} ms (x${summary.ratio}; target <= 1.5)`);
} finally {
  host.proc.kill('SIGTERM');
  await new Promise((r) => (host.proc.exitCode !== null ? r() : host.proc.once('exit', r)));
  await sim.close();
  rmSync(dataDir, { recursive: true, force: true });
}
