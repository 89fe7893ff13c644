// Starts the real headless host (built out/main/host.js) as a child process on a free port, and
// reads its machine-readable start-up line (the first stdout line, one JSON object).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CallInput, CallName, CallOutput, Result } from '../../common/contract/index';
import { FIRST_RUN, PASSWORD } from './factories';

/** The host's first stdout line (main/app/serve.ts). */
export interface ListeningLine {
  event: 'listening';
  url: string;
  tlsUrl: string;
  fingerprint: string;
  port: number;
  tlsPort: number;
  bindAddress: string;
  lanUrls: string[];
  dataDir: string;
  dbFile: string;
  certFile: string;
  warning: string | null;
  tlsWarning: string | null;
  /** How many sentence lines for people follow the JSON line. */
  textLines: number;
}

/** What the host writes to stderr, before its sentence, when it cannot start. */
export interface ErrorLine {
  event: 'error';
  message: string;
}

export interface HostProcess {
  url: string;
  /** The HTTPS address and the certificate fingerprint from the start-up line. */
  tlsUrl: string;
  fingerprint: string;
  /** The whole start-up line as the host printed it. */
  started: ListeningLine;
  proc: ChildProcess;
  dataDir: string;
  /**
   * Everything the host printed so far (stdout and stderr). The start-up sentences are all in it
   * by the time startHostProcess resolves.
   */
  output(): string;
  /** Only what the host printed on stdout. */
  stdout(): string;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

/** The host did not start: its error line (when it printed one) and everything it printed. */
export class HostStartError extends Error {
  constructor(
    message: string,
    readonly error: ErrorLine | null,
    readonly output: string,
  ) {
    super(message);
    this.name = 'HostStartError';
  }
}

// Temporary folders: each is removed by removeTempDir/removeTempDirs (tests call them in
// afterAll/afterEach or finally), and whatever is left goes when the test process ends, also when
// it is ended by a signal (vitest ends its worker processes with SIGTERM, which skips 'exit').
const madeDirs = new Set<string>();
let exitHooks = false;

function removeOnExit(): void {
  if (exitHooks) return;
  exitHooks = true;
  process.once('exit', removeTempDirs);
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeTempDirs();
      // Ours was the only listener: end the process as the signal would have.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.add(dir);
  removeOnExit();
  return dir;
}

/** Removes one folder made by tempDir (stop any host using it first). */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  madeDirs.delete(dir);
}

/** Removes every folder this process made with tempDir. */
export function removeTempDirs(): void {
  for (const dir of [...madeDirs]) removeTempDir(dir);
}

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
  /**
   * Test-only: the host's clock reads the ISO instant in this file (tests/helpers/fakeClock.mjs),
   * so a test moves it by writing the file. Left out, the host keeps the real clock.
   */
  clockFile?: string;
  /** Added to the host's environment (e.g. a private SANE_CONFIG_DIR, short sync timings); this process's own is left as it is. */
  env?: Record<string, string>;
}

function parseLine<T extends { event: string }>(line: string, event: T['event']): T | null {
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && (value as { event?: unknown }).event === event ? (value as T) : null;
  } catch {
    return null;
  }
}

/** The start-up line, or null when `line` is not one. */
export const parseListening = (line: string): ListeningLine | null => parseLine<ListeningLine>(line, 'listening');
/** The error line, or null when `line` is not one. */
export const parseError = (line: string): ErrorLine | null => parseLine<ErrorLine>(line, 'error');

/**
 * `port` is passed as --port (0: a free port); null leaves --port out, so the host listens where
 * the saved setting (Admin → Jaringan) or the default says. LOKET_PORT and LOKET_BIND from the
 * test's own environment never reach the host: only these arguments decide. Resolves once the
 * host printed its start-up line and every sentence that line announces; rejects with a
 * HostStartError when the host exits first or its first stdout line is not the start-up line.
 */
export function startHostProcess(dataDir = tempDir('loket-host-'), port: number | null = 0, flags: HostFlags = {}): Promise<HostProcess> {
  return new Promise((resolve, reject) => {
    const args = ['out/main/host.js', '--data-dir', dataDir];
    if (flags.clockFile) args.unshift('--import', pathToFileURL(resolvePath('tests/helpers/fakeClock.mjs')).href);
    if (port !== null) args.push('--port', String(port));
    if (flags.bind !== undefined) args.push('--bind', flags.bind);
    if (flags.tlsPort !== undefined) args.push('--tls-port', String(flags.tlsPort));
    const env = { ...process.env };
    delete env.LOKET_PORT;
    delete env.LOKET_TLS_PORT;
    delete env.LOKET_BIND;
    delete env.LOKET_FAKE_CLOCK_FILE;
    if (flags.clockFile) env.LOKET_FAKE_CLOCK_FILE = flags.clockFile;
    Object.assign(env, flags.env);
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let stdout = '';
    let stderr = '';
    let settled = false;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const error = stderr.split('\n').map(parseError).find((e) => e !== null) ?? null;
      reject(new HostStartError(error ? `${message}: ${error.message}` : `${message}: ${out}`, error, out));
    };
    const timer = setTimeout(() => {
      fail('host did not start within 20 s');
      proc.kill('SIGKILL');
    }, 20_000);
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      stdout += b.toString();
      if (settled) return;
      const lines = stdout.split('\n');
      if (lines.length < 2) return; // the first line is not complete yet
      const started = parseListening(lines[0]!);
      if (!started) {
        fail('the first stdout line is not the JSON start-up line');
        proc.kill('SIGKILL');
        return;
      }
      // The JSON line, its sentences, and the empty rest after the last newline.
      if (lines.length < started.textLines + 2) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        url: started.url,
        tlsUrl: started.tlsUrl,
        fingerprint: started.fingerprint,
        started,
        proc,
        dataDir,
        output: () => out,
        stdout: () => stdout,
        stop: async () => {
          proc.kill('SIGTERM');
          await exited;
        },
        kill9: async () => {
          proc.kill('SIGKILL');
          await exited;
        },
      });
    });
    proc.stderr!.on('data', (b: Buffer) => {
      out += b.toString();
      stderr += b.toString();
    });
    // 'close': the pipes are drained, so the error line (if any) has been read.
    proc.once('close', (code) => fail(`host exited ${code}`));
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
