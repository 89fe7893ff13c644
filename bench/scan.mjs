// Scanning, button to stored pages, against the built headless host (build first:
// `node scripts/build.mjs --quiet`):   node bench/scan.mjs
// A 10-page ADF batch at 200 dpi, grey, through SANE's `test` backend in a private SANE_CONFIG_DIR:
//  - scanimage alone: the same batch, the same arguments the adapter uses, written to a folder;
//  - the button: documents.scan on the host (scan, EXIF/grey JPEG, thumbnail, content-addressed
//    store, the document's PDF, one event per page) until the job reports done.
// Twice: the backend at full speed (a virtual scanner with no mechanics: the processing is all
// that shows) and slowed (still faster than an office sheet-fed scanner's 20-60 pages a minute) by
// BENCH_READ_DELAY_US after each buffer the backend hands over (default 20000 µs: ~4 pages a second).
// Also the bytes per stored page. Prints a JSON summary, then a table for people.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FIRST_RUN, startHost, call } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DELAY_US = Number(process.env.BENCH_READ_DELAY_US ?? 20000);
const PASSWORD = 'rahasia-staf-1';

function saneDir(delayUs) {
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-sane-'));
  writeFileSync(join(dir, 'dll.conf'), 'test\n');
  let conf = readFileSync('/etc/sane.d/test.conf', 'utf8').replace(/^test-picture .*$/m, 'test-picture "Grid"');
  if (delayUs) conf = conf.replace(/^read-delay .*$/m, 'read-delay true').replace(/^read-delay-duration .*$/m, `read-delay-duration ${delayUs}`);
  writeFileSync(join(dir, 'test.conf'), conf);
  return dir;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(delayUs) {
  const sane = saneDir(delayUs);
  const env = { SANE_CONFIG_DIR: sane };
  // scanimage alone, as the adapter runs it.
  const alone = [];
  for (let i = 0; i < RUNS; i++) {
    const out = mkdtempSync(join(tmpdir(), 'loket-bench-out-'));
    const t0 = performance.now();
    execFileSync('scanimage', ['-d', 'test:0', '--format=png', `--batch=${join(out, 'p%04d.png')}`, '--mode', 'Gray', '--source', 'Automatic Document Feeder', '--resolution', '200', '-x', '200', '-y', '200'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    alone.push(performance.now() - t0);
    rmSync(out, { recursive: true, force: true });
  }
  // The button on the host.
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-scan-'));
  const host = await startHost(dataDir, { env });
  const button = [];
  let bytes = [];
  try {
    const first = await call(host.url, 'setup.firstRun', FIRST_RUN);
    const admin = first.sessionToken;
    await call(host.url, 'users.create', { username: 'resep1', fullName: 'Resep', roles: ['resepsionis'], password: PASSWORD }, admin);
    await call(host.url, 'users.create', { username: 'satpam1', fullName: 'Satpam', roles: ['satpam'], password: PASSWORD }, admin);
    const resep = (await call(host.url, 'auth.login', { deskToken: first.deskToken, username: 'resep1', password: PASSWORD })).sessionToken;
    const satpam = (await call(host.url, 'auth.login', { deskToken: first.deskToken, username: 'satpam1', password: PASSWORD })).sessionToken;
    const deskId = (await call(host.url, 'documents.scanners', {}, admin))[0].deskId;
    await call(host.url, 'documents.saveScanner', { deskId, config: { adapter: 'sane', device: 'test:0', resolution: 200, mode: 'gray', paper: 'A4', source: 'adf', folder: '' } }, admin);
    for (let i = 0; i < RUNS; i++) {
      const t = await call(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, satpam);
      const t0 = performance.now();
      const { jobId } = await call(host.url, 'documents.scan', { ticketId: t.id, docType: 'kk' }, resep);
      for (;;) {
        const job = await call(host.url, 'jobs.get', { jobId }, resep);
        if (job.status === 'done') break;
        if (job.status !== 'running' && job.status !== 'queued') throw new Error(`scan job ${job.status}: ${job.error}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      button.push(performance.now() - t0);
      // The case file needs the visitor at the desk; reading it is not part of the timing.
      if (i === 0) {
        await call(host.url, 'queue.callTicket', { ticketId: t.id }, resep).catch(() => undefined);
        const file = await call(host.url, 'documents.caseFile', { ticketId: t.id }, resep);
        bytes = file.documents[0].pages.map((p) => p.bytes);
        await call(host.url, 'queue.endVisit', { ticketId: t.id, reason: 'lainnya', note: 'bench' }, resep).catch(() => undefined);
      }
    }
  } finally {
    host.proc.kill('SIGTERM');
    await new Promise((r) => host.proc.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(sane, { recursive: true, force: true });
  }
  const a = median(alone);
  const b = median(button);
  return { readDelayUs: delayUs, scanimageMs: Math.round(a), buttonMs: Math.round(b), ratio: Number((b / a).toFixed(2)), pages: bytes.length, bytesPerPage: Math.round(bytes.reduce((s, x) => s + x, 0) / Math.max(1, bytes.length)) };
}

const results = [];
for (const delay of [0, DELAY_US]) results.push(await measure(delay));
console.log(JSON.stringify({ bench: 'scan', runs: RUNS, results }));
for (const r of results)
  console.log(
    `${r.readDelayUs ? `backend slowed (${r.readDelayUs} µs/buffer)` : 'backend at full speed'}: scanimage alone ${r.scanimageMs} ms, button to stored pages ${r.buttonMs} ms (${r.ratio}×), ${r.pages} pages, ${(r.bytesPerPage / 1024).toFixed(1)} KB per stored page`,
  );
