// What every benchmark needs: the built host started as its own process (reading its JSON start-up
// line), the contract over HTTP, and nearest-rank percentiles. One copy, so a change to the host's
// start-up line or the API's answer shape is made once.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { HOST_NODE_FLAGS } from '../scripts/hostFlags.mjs';

export const FIRST_RUN = {
  officeName: 'Dinas Kesehatan Kabupaten Bench',
  kabKota: 'Kabupaten Bench',
  address: 'Jl. Bench No. 1',
  adminUsername: 'admin',
  adminFullName: 'Admin Bench',
  adminPassword: 'rahasia-admin-1',
};

/**
 * Starts `out/main/host.js` on a free port. `nodeArgs` go to Node (e.g. --cpu-prof), `env` is added
 * to this process's environment. Resolves with the URL, the database file, the process and the
 * moment it was spawned.
 */
export function startHost(dataDir, { nodeArgs = [], env = {} } = {}) {
  const t0 = performance.now();
  // Started as npm run serve starts it (scripts/hostFlags.mjs).
  const proc = spawn(process.execPath, [...HOST_NODE_FLAGS, ...nodeArgs, 'out/main/host.js', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // As the installed app runs (outputs stripped to the contract, not checked strictly).
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  return new Promise((resolve, reject) => {
    // The host's first stdout line is one JSON object: {"event":"listening","url":...}.
    let out = '';
    let started = false;
    proc.stdout.on('data', (b) => {
      out += b;
      const end = out.indexOf('\n');
      if (started || end < 0) return;
      started = true;
      let line = null;
      try {
        line = JSON.parse(out.slice(0, end));
      } catch {
        // not the start-up line: reported below
      }
      if (line?.event === 'listening') resolve({ url: line.url, dbFile: line.dbFile, proc, t0 });
      else {
        proc.kill('SIGKILL');
        reject(new Error(`host's first line is not the start-up line: ${out.slice(0, end)}`));
      }
    });
    proc.once('exit', (c) => started || reject(new Error(`host exited ${c}`)));
  });
}

export function stopHost(host) {
  return new Promise((resolve) => {
    if (host.proc.exitCode !== null) return resolve();
    host.proc.once('exit', () => resolve());
    host.proc.kill('SIGTERM');
  });
}

/**
 * Kept-alive connections, as a desk's own client keeps them. node:http rather than fetch: fetch
 * (undici, WHATWG streams) costs the benchmark's client several times what the host spends on a
 * small call, and with 20 calls sent at once that client time was counted as the host's (a burst
 * of 20 auth.me: p50 4.0 / p99 15 ms with fetch, 1.6 / 5.9 ms with node:http, same host).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One contract call over HTTP; throws with the host's code and message on a refusal. */
export function call(url, name, input, token) {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/${name}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (!answer.ok) reject(new Error(`${name}: ${answer.error.code} ${answer.error.message}`));
            else resolve(answer.value);
          } catch (err) {
            reject(new Error(`${name}: HTTP ${res.statusCode}, not a contract answer (${err.message})`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}
