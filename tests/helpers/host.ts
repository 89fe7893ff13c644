// Starts the real headless host (built out/main/host.js) as a child process on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInput, CallName, CallOutput, Result } from '../../common/contract/index';
import { FIRST_RUN, PASSWORD } from './factories';

export interface HostProcess {
  url: string;
  /** The HTTPS address and the certificate fingerprint from the host's second line. */
  tlsUrl: string;
  fingerprint: string;
  proc: ChildProcess;
  dataDir: string;
  /** Everything the host printed so far. */
  output(): string;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/** A port nothing listens on right now (the OS's pick, so above 1024), for a host that must keep one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface HostFlags {
  /** Passed as --bind; left out by default, as before. */
  bind?: string;
  /** Passed as --tls-port; left out by default (HTTP port + 1, or a free one when that is 0). */
  tlsPort?: number;
}

/**
 * `port` is passed as --port (0: a free port); null leaves --port out, so the host listens where
 * the saved setting (Admin → Jaringan) or the default says. LOKET_PORT and LOKET_BIND from the
 * test's own environment never reach the host: only these arguments decide.
 */
export function startHostProcess(dataDir = tempDir('loket-host-'), port: number | null = 0, flags: HostFlags = {}): Promise<HostProcess> {
  return new Promise((resolve, reject) => {
    const args = ['out/main/host.js', '--data-dir', dataDir];
    if (port !== null) args.push('--port', String(port));
    if (flags.bind !== undefined) args.push('--bind', flags.bind);
    if (flags.tlsPort !== undefined) args.push('--tls-port', String(flags.tlsPort));
    const env = { ...process.env };
    delete env.LOKET_PORT;
    delete env.LOKET_TLS_PORT;
    delete env.LOKET_BIND;
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 20_000);
    let started = false;
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      const tls = /TLS on (https:\/\/\S+) fingerprint (\S+)/.exec(out);
      if (m && tls && !started) {
        started = true;
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          tlsUrl: tls[1]!,
          fingerprint: tls[2]!,
          proc,
          dataDir,
          output: () => out,
          stop: async () => {
            proc.kill('SIGTERM');
            await exited;
          },
          kill9: async () => {
            proc.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    proc.once('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
  });
}

export async function api<N extends CallName>(url: string, name: N, input: CallInput<N>, token?: string): Promise<Result<CallOutput<N>>> {
  const res = await fetch(`${url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return (await res.json()) as Result<CallOutput<N>>;
}

export async function ok<N extends CallName>(url: string, name: N, input: CallInput<N>, token?: string): Promise<CallOutput<N>> {
  const r = await api(url, name, input, token);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** First run plus one user per role; returns their session tokens and the desk token. */
export async function setupOffice(url: string) {
  const first = await ok(url, 'setup.firstRun', FIRST_RUN);
  const admin = first.sessionToken;
  const tokens: Record<string, string> = { admin };
  for (const [username, role] of [['satpam1', 'satpam'], ['resep1', 'resepsionis'], ['petugas1', 'petugas'], ['petugas2', 'petugas']] as const) {
    await ok(url, 'users.create', { username, fullName: username, roles: [role], password: PASSWORD }, admin);
  }
  const desk2 = await ok(url, 'desks.create', { name: 'Loket 2', counterNo: 2 }, admin);
  for (const [username, deskToken] of [['satpam1', first.deskToken], ['resep1', first.deskToken], ['petugas1', desk2.deskToken], ['petugas2', desk2.deskToken]] as const) {
    tokens[username] = (await ok(url, 'auth.login', { deskToken, username, password: PASSWORD })).sessionToken;
  }
  return { deskToken: first.deskToken, desk2Token: desk2.deskToken, tokens };
}
