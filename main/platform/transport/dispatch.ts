// The one path every call takes, whatever the transport: parse input (zod), authenticate,
// authorise by role on the host side, run the use case, publish its events after commit.
import { z } from 'zod';
import { contract, CALL_NAMES, type CallName, type Result, type ServerEvent } from '../../../common/contract/index';
import { authenticate, handlers } from '../../app/handlers';
import { AppFailure, type Ctx, type Deps } from '../context';

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

function validationError(error: z.ZodError) {
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

export type Publish = (event: ServerEvent) => void;

export function isCallName(name: string): name is CallName {
  return (CALL_NAMES as string[]).includes(name);
}

export async function dispatch(
  deps: Deps,
  publish: Publish,
  name: string,
  token: string | null,
  rawInput: unknown,
  remote: string,
): Promise<Result<unknown>> {
  if (!isCallName(name)) return { ok: false, error: { code: 'UNKNOWN_CALL', message: 'Fungsi tidak dikenal oleh host.' } };
  const entry = contract[name];
  const actor = authenticate(deps, token);
  if (entry.access !== 'public') {
    if (!actor) return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sesi Anda telah berakhir. Silakan masuk kembali.' } };
    if (entry.access !== 'staff' && !actor.user.roles.some((r) => (entry.access as readonly string[]).includes(r)))
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Peran Anda tidak diizinkan melakukan ini.' } };
  }
  const parsed = (entry.input as z.ZodType).safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  const ctx: Ctx = { ...deps, actor, remote, events: [] };
  try {
    const handler = handlers[name] as (ctx: Ctx, input: unknown, token: string | null) => unknown;
    const value = await handler(ctx, parsed.data, token);
    for (const e of ctx.events) publish(e);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof AppFailure)
      return { ok: false, error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } };
    console.error(`[loket] ${name} failed`, err);
    return { ok: false, error: { code: 'INTERNAL', message: 'Terjadi kesalahan di host. Tidak ada data yang setengah tersimpan; coba lagi.' } };
  }
}
