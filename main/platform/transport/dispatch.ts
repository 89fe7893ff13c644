// The one path every call takes, whatever the transport: parse input (zod), authenticate,
// authorise by role on the host side, refuse personal data on plain HTTP from the LAN, run the
// use case, parse its output with the contract, publish its events after commit.
import { z } from 'zod';
import { contract, CALL_NAMES, type AppError, type CallName, type Entry, type Result, type ServerEvent } from '../../../common/contract/index';
import { isLocalCaller } from '../../../common/domain/network';
import { AppFailure, type Ctx, type Deps } from '../context';
import type { Authenticate, Handlers } from './handler';
import { claimingStore, DUPLICATE_MESSAGE, pruneRequestLog, remember, remembered, type RequestKey } from './idempotency';

const FIELD_MESSAGES: Record<string, string> = {
  too_small: 'Terlalu pendek atau kosong.',
  too_big: 'Terlalu panjang.',
  invalid_format: 'Formatnya tidak sesuai.',
  invalid_type: 'Isian tidak sesuai.',
  invalid_value: 'Pilihan tidak dikenal.',
};

function fieldMessage(issue: z.core.$ZodIssue): string {
  // "Too short" says nothing about a number: name the bound instead.
  const numeric = (origin: string) => origin === 'number' || origin === 'int';
  if (issue.code === 'too_small' && numeric(issue.origin))
    return issue.inclusive === false ? `Harus lebih dari ${issue.minimum}.` : `Paling kecil ${issue.minimum}.`;
  if (issue.code === 'too_big' && numeric(issue.origin))
    return issue.inclusive === false ? `Harus kurang dari ${issue.maximum}.` : `Paling besar ${issue.maximum}.`;
  return FIELD_MESSAGES[issue.code] ?? 'Isian tidak sesuai.';
}

function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= fieldMessage(issue);
  }
  return {
    code: 'VALIDATION',
    message: 'Ada isian yang belum benar. Periksa kolom yang ditandai; isian Anda tidak hilang.',
    fields,
  };
}

const fail = (code: AppError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

const INTERNAL_MESSAGE = 'Terjadi kesalahan di komputer utama. Tidak ada data yang setengah tersimpan; coba lagi.';

export const INSECURE_MESSAGE =
  'Data pribadi dan kata sandi tidak dikirim lewat HTTP biasa di jaringan kantor. Pakai aplikasi Loket di meja ini ' +
  '(dipasangkan dengan komputer utama), atau buka alamat HTTPS komputer utama (https://ALAMAT-KOMPUTER-UTAMA:4701) setelah sertifikatnya dipercaya di browser ini.';

/** Paths of keys the value has and the parsed value lost: fields the contract does not name. */
export function strippedKeys(original: unknown, parsed: unknown, path = ''): string[] {
  if (Array.isArray(original) && Array.isArray(parsed))
    return original.flatMap((o, i) => strippedKeys(o, parsed[i], `${path}[${i}]`));
  if (original && typeof original === 'object' && parsed && typeof parsed === 'object' && !(original instanceof Date)) {
    const out: string[] = [];
    for (const [k, v] of Object.entries(original)) {
      const at = path ? `${path}.${k}` : k;
      if (!(k in parsed)) {
        if (v !== undefined) out.push(at);
      } else out.push(...strippedKeys(v, (parsed as Record<string, unknown>)[k], at));
    }
    return out;
  }
  return [];
}

export type Publish = (event: ServerEvent) => void;

export function isCallName(name: string): name is CallName {
  return (CALL_NAMES as string[]).includes(name);
}

/** Where a call came from: 'ipc' (the app's own window), or a remote address and whether over TLS. */
export interface Origin {
  remote: string;
  secure: boolean;
}

export interface DispatcherOptions {
  deps: Deps;
  publish: Publish;
  handlers: Handlers;
  authenticate: Authenticate;
  /**
   * 'strict' (development, tests): an output with a field its schema does not name fails the call.
   * 'strip' (packaged app): such fields are removed before the answer leaves the host.
   */
  outputCheck: 'strict' | 'strip';
}

export type Dispatch = (name: string, token: string | null, rawInput: unknown, origin: Origin) => Promise<Result<unknown>>;

/** The output check the process runs with unless told: strict everywhere but a production build. */
export const defaultOutputCheck = (): 'strict' | 'strip' => (process.env.NODE_ENV === 'production' ? 'strip' : 'strict');

/** Thrown out of the outer transaction when a handler turns out to await: nothing of it is in there. */
const AWAITS = Symbol('handler awaits');

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';

/**
 * Runs an idempotent call once per requestId (see ./idempotency.ts for how the record shares the
 * use case's transaction). `replayed`: the first answer, given again; nothing ran and no event is due.
 */
async function runOnce(ctx: Ctx, key: RequestKey, noReplay: boolean, run: (ctx: Ctx) => unknown): Promise<{ value: unknown; replayed: boolean }> {
  const { store } = ctx;
  const claiming: Ctx = { ...ctx, store: claimingStore(store, key, ctx.now) };
  let pending: PromiseLike<unknown> | null = null;
  let txDuringPrefix = false;
  try {
    return store.tx((w) => {
      const seen = remembered(w, key);
      if (seen.kind === 'answer' && !noReplay) return { value: seen.value, replayed: true };
      if (seen.kind !== 'none') throw new AppFailure('DUPLICATE_REQUEST', DUPLICATE_MESSAGE);
      const value = run(claiming);
      if (isThenable(value)) {
        txDuringPrefix = remembered(w, key).kind !== 'none';
        pending = value;
        throw AWAITS;
      }
      remember(w, key, ctx.now(), noReplay ? undefined : value);
      return { value, replayed: false };
    });
  } catch (err) {
    if (err !== AWAITS) throw err;
  }
  // A handler that wrote before its first await had that write rolled back with the outer
  // transaction: a programming error, caught by the tests of that entry.
  if (txDuringPrefix) throw new Error('an idempotent handler must not write before its first await');
  const value = await pending!;
  store.tx((w) => remember(w, key, ctx.now(), noReplay ? undefined : value));
  return { value, replayed: false };
}

/**
 * Test-only: LOKET_TEST_CRASH_AFTER_COMMIT=<call name> (e.g. queue.issue) makes the host kill
 * itself with SIGKILL right after that call's transaction has committed and before it answers, the
 * one moment where a client's retry could double the work (tests/fault/retry-after-kill.test.ts).
 * Inert unless the variable is set.
 */
function crashAfterCommit(name: string): void {
  if (process.env.LOKET_TEST_CRASH_AFTER_COMMIT === name) process.kill(process.pid, 'SIGKILL');
}

export function createDispatcher(opts: DispatcherOptions): Dispatch {
  const { deps, publish, handlers, authenticate } = opts;
  // Start-up: requestIds older than two days can no longer come back as retries.
  pruneRequestLog(deps.store, deps.now());
  return async (name, token, rawInput, origin) => {
    if (!isCallName(name)) return fail('UNKNOWN_CALL', 'Fungsi tidak dikenal oleh komputer utama.');
    const entry: Entry = contract[name];
    if (entry.personal && !origin.secure && !isLocalCaller(origin.remote)) return fail('INSECURE_TRANSPORT', INSECURE_MESSAGE);
    const actor = authenticate(deps, token);
    if (entry.access !== 'public') {
      if (!actor) return fail('UNAUTHENTICATED', 'Sesi Anda telah berakhir. Silakan masuk kembali.');
      if (entry.access !== 'staff' && !actor.user.roles.some((r) => (entry.access as readonly string[]).includes(r)))
        return fail('FORBIDDEN', 'Peran Anda tidak diizinkan melakukan ini.');
    }
    const parsed = entry.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    const ctx: Ctx = { ...deps, actor, remote: origin.remote, token, events: [] };
    let value: unknown;
    let replayed = false;
    try {
      const handler = handlers[name] as (ctx: Ctx, input: unknown) => unknown;
      const requestId = entry.idempotent ? (parsed.data as { requestId?: string }).requestId : undefined;
      // The handler's synchronous part writes in this turn's commit group (Store.grouped).
      const running = deps.store.grouped(() => {
        if (!requestId) return handler(ctx, parsed.data);
        const key: RequestKey = { requestId, call: name, userId: actor?.user.id ?? null };
        return runOnce(ctx, key, entry.noReplay === true, (c) => handler(c, parsed.data));
      });
      if (requestId) ({ value, replayed } = await (running as ReturnType<typeof runOnce>));
      else value = await running;
      // Nothing is answered or published before what it describes is on disk.
      const durable = deps.store.committed();
      if (durable) await durable;
    } catch (err) {
      if (err instanceof AppFailure)
        return { ok: false, error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } };
      console.error(`[loket] ${name} failed`, err);
      return fail('INTERNAL', INTERNAL_MESSAGE);
    }
    crashAfterCommit(name);
    // The transaction has committed: whatever the output check says, the events are true. A
    // replayed answer's events went out with the first one.
    if (!replayed) for (const e of ctx.events) publish(e);
    const out = entry.output.safeParse(value);
    if (!out.success) {
      console.error(`[loket] ${name} answered outside its contract`, out.error.issues);
      return fail('INTERNAL', INTERNAL_MESSAGE);
    }
    if (opts.outputCheck === 'strict') {
      const extra = strippedKeys(value, out.data);
      if (extra.length) {
        console.error(`[loket] ${name} answered with fields its contract does not name: ${extra.join(', ')}`);
        return fail('INTERNAL', INTERNAL_MESSAGE);
      }
    }
    return { ok: true, value: out.data };
  };
}
