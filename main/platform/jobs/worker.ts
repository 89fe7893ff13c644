// Runs a job's heavy part on a worker thread, so the host's request thread stays free.
//
// Worker code is handed over as JavaScript source text and started with `new Worker(code, { eval:
// true })`: no separate file has to exist next to the bundled host (out/main/host.js,
// out/main/electron.js, the packaged app.asar) and the same code runs unchanged under vitest, which
// executes the TypeScript sources. Worker sources are plain CommonJS strings, so no bundler or
// transpiler rewrites them; they get everything they need (absolute module paths included) through
// `workerData`. A worker reports with `postMessage`:
//   { type: 'progress', fraction, message }  → ctx.progress (throttled by the runner)
//   { type: 'result', value }                → the promise resolves with value once the worker exited
//   { type: 'failure', message }             → rejects with AppFailure(failureCode, message)
//   anything else                            → opts.onMessage
// A cancelled job terminates the worker; the promise rejects with JobCancelled after it has exited,
// so the caller may remove half-written files right away.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../common/contract/index';
import { AppFailure } from '../context';
import { JobCancelled } from './runner';
import type { JobContext } from './types';

export interface RunInWorkerOptions {
  /** Messages other than progress/result/failure. */
  onMessage?(message: unknown): void;
  /** The code for `{ type: 'failure' }` messages (default INTERNAL). */
  failureCode?: ErrorCode;
}

type Message =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'result'; value: unknown }
  | { type: 'failure'; message: string };

const isMessage = (m: unknown): m is Message =>
  typeof m === 'object' && m !== null && ['progress', 'result', 'failure'].includes((m as { type?: unknown }).type as string);

/**
 * How much lower a job's thread runs than the request thread (a nice value, 0..19). An office PC
 * has two cores or so: an import or an export must not take the CPU from the desk waiting for a
 * ticket number. On Linux a thread has its own nice value, and setpriority(…, 0, …) from the
 * worker sets only its own; on Windows and macOS the same call would lower the whole process
 * (every request with it), so there the worker keeps the host's priority.
 */
export const JOB_NICE = 10;
/** Prepended to a worker's source: the thread runs at JOB_NICE (Linux only, see above). */
export const BACKGROUND = `if (process.platform === 'linux') { try { require('node:os').setPriority(${JOB_NICE}); } catch (e) {} }\n`;

/**
 * Runs `source` (JavaScript source text, or a file URL) on a worker thread with `data` as its
 * workerData, and resolves with the value of its `{ type: 'result' }` message.
 */
export function runInWorker<R>(source: string | URL, data: unknown, ctx: JobContext, opts: RunInWorkerOptions = {}): Promise<R> {
  if (ctx.signal.aborted) return Promise.reject(new JobCancelled());
  return new Promise<R>((resolve, reject) => {
    const worker = typeof source === 'string' ? new Worker(BACKGROUND + source, { eval: true, workerData: data }) : new Worker(source, { workerData: data });
    let outcome: { ok: true; value: R } | { ok: false; error: unknown } | null = null;
    const onAbort = () => {
      outcome = { ok: false, error: new JobCancelled() };
      void worker.terminate();
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (m: unknown) => {
      if (!isMessage(m)) return opts.onMessage?.(m);
      if (m.type === 'progress') ctx.progress(m.fraction, m.message);
      else if (outcome === null)
        outcome = m.type === 'result' ? { ok: true, value: m.value as R } : { ok: false, error: new AppFailure(opts.failureCode ?? 'INTERNAL', m.message) };
    });
    worker.on('error', (err) => {
      outcome ??= { ok: false, error: err };
    });
    worker.on('exit', (code) => {
      ctx.signal.removeEventListener('abort', onAbort);
      const o = outcome ?? { ok: false as const, error: new Error(`worker exited with code ${code} before answering`) };
      if (o.ok) resolve(o.value);
      else reject(o.error);
    });
  });
}

/**
 * Where a worker loads better-sqlite3 from: absolute paths, resolved from this module (the bundled
 * host or the TypeScript source). In a packaged app the package sits unpacked next to app.asar
 * (electron-builder.yml asarUnpack), so the worker never has to read from inside the archive; the
 * native binding is passed explicitly so better-sqlite3 does not go looking for it.
 */
export function sqliteModulePaths(): { module: string; nativeBinding: string | null } {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('better-sqlite3/package.json'));
  const unpacked = dir.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  if (unpacked !== dir && existsSync(unpacked)) dir = unpacked;
  const binding = join(dir, 'build', 'Release', 'better_sqlite3.node');
  return { module: join(dir, 'lib', 'index.js'), nativeBinding: existsSync(binding) ? binding : null };
}
