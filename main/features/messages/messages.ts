// Messages out for a visit: the filled statement form (membership feature) as PDF e-mailed to the BPJS branch through the office's
// SMTP account (nodemailer), with delivery failures recorded and retried; WhatsApp texts for the
// visitor as wa.me links. Every message is a row on the visit (table messages).
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { CallInput, CallOutput, Message, ParsedInput } from '../../../common/contract/index';
import { backoffDelayMs, type BackoffPolicy } from '../../../common/domain/backoff';
import { qb, type ReadDb } from '../../platform/db';
import { AppFailure, audit, iso, newId, requireActor, type Ctx, type Deps } from '../../platform/context';
import type { SecretBox } from '../../platform/ports';
import { fileKeySecretBox } from '../../platform/secretBox';
import { readSetting, writeSetting } from '../../platform/settings';
import { buildStatementForm } from '../membership';

const SETTINGS_KEY = 'smtp.settings';
const PASSWORD_KEY = 'smtp.password';
/** E-mail delivery retries: 1 min, 2, 4 … up to 1 hour, ±20%; given up after MAX_ATTEMPTS. */
export const EMAIL_RETRY: BackoffPolicy = { baseMs: 60_000, maxMs: 3_600_000, jitter: 0.2 };
export const MAX_ATTEMPTS = 8;

interface StoredSmtp { host: string; port: number; secure: boolean; user: string; from: string; bpjsAddress: string }

const secrets = (deps: Deps): SecretBox => deps.secrets ?? fileKeySecretBox(deps.dataDir);

function readSmtp(db: ReadDb): StoredSmtp | null {
  const raw = readSetting(db, SETTINGS_KEY);
  return raw ? (JSON.parse(raw) as StoredSmtp) : null;
}

export function smtpSettings(ctx: Ctx): CallOutput<'messages.smtpSettings'> {
  const s = readSmtp(ctx.store);
  return s ? { ...s, passwordSet: readSetting(ctx.store, PASSWORD_KEY) !== null } : null;
}

export function saveSmtp(ctx: Ctx, input: CallInput<'messages.saveSmtp'>): { saved: true } {
  requireActor(ctx);
  const { password, ...rest } = input;
  const sealed = password ? secrets(ctx).seal(password) : null;
  ctx.store.tx((w) => {
    writeSetting(w, SETTINGS_KEY, JSON.stringify(rest));
    if (sealed) writeSetting(w, PASSWORD_KEY, sealed);
    audit(w, ctx, 'messages.saveSmtp', 'settings', SETTINGS_KEY, { host: rest.host, port: rest.port, user: rest.user, passwordChanged: !!sealed });
  });
  return { saved: true };
}

// ---- the statement form ------------------------------------------------------------------------
// Filled by the membership feature (the same PDF its panel prints): the KK, the visitor who signs,
// the members the form is for and their check results.

// ---- sending -------------------------------------------------------------------------------------

interface StoredAttachment { name: string; path: string; sizeBytes: number }

function toMessage(db: ReadDb, id: string): Message {
  const r = db.first(qb.selectFrom('messages as m').leftJoin('users as u', 'u.id', 'm.created_by').selectAll('m').select('u.full_name').where('m.id', '=', id));
  if (!r) throw new AppFailure('NOT_FOUND', 'Pesan tidak ditemukan.');
  const att = JSON.parse(r.attachments) as StoredAttachment[];
  return {
    id: r.id, ticketId: r.ticket_id, channel: r.channel, recipient: r.recipient, subject: r.subject, body: r.body,
    attachments: att.map((a) => ({ name: a.name, sizeBytes: a.sizeBytes })), status: r.status, attempts: r.attempts, lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at, createdAt: r.created_at, sentAt: r.sent_at, createdByName: r.full_name,
  };
}

/** Why delivery failed, in Indonesian, for the screen. */
function failureText(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; message?: string };
  if (e.code === 'ECONNREFUSED' || e.code === 'ESOCKET' || e.code === 'ECONNECTION') return 'Server SMTP tidak dapat dihubungi. Periksa alamat, port dan koneksi internet.';
  if (e.code === 'ETIMEDOUT') return 'Server SMTP tidak menjawab (waktu habis).';
  if (e.code === 'EAUTH') return 'Server SMTP menolak nama pengguna atau kata sandi.';
  if (e.code === 'EENVELOPE') return `Alamat penerima ditolak server SMTP (${e.message ?? ''}).`;
  return `Pengiriman gagal: ${e.message ?? String(err)}`;
}

/** One delivery attempt; records the outcome. Never throws. */
export async function deliver(deps: Deps, messageId: string): Promise<Message> {
  const row = deps.store.first(qb.selectFrom('messages').selectAll().where('id', '=', messageId));
  if (!row || row.channel !== 'email' || row.status === 'sent') return toMessage(deps.store, messageId);
  const smtp = readSmtp(deps.store);
  let error: string | null = null;
  try {
    if (!smtp) throw Object.assign(new Error('SMTP belum diatur'), { code: 'NOCONFIG' });
    const sealed = readSetting(deps.store, PASSWORD_KEY);
    const pass = sealed ? secrets(deps).open(sealed) : '';
    const transport = nodemailer.createTransport({
      host: smtp.host, port: smtp.port, secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass } : undefined,
      connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
      tls: { rejectUnauthorized: !/^(127\.0\.0\.1|localhost)$/.test(smtp.host) },
    });
    const att = JSON.parse(row.attachments) as StoredAttachment[];
    await transport.sendMail({
      from: smtp.from, to: row.recipient, subject: row.subject, text: row.body,
      attachments: att.map((a) => ({ filename: a.name, content: readFileSync(a.path) })),
    });
    transport.close();
  } catch (err) {
    error = (err as { code?: string }).code === 'NOCONFIG' ? 'Akun SMTP kantor belum diatur (Admin → E-mail (SMTP)).' : failureText(err);
  }
  const attempts = row.attempts + 1;
  const at = deps.now();
  deps.store.tx((w) => {
    if (error === null) w.run(qb.updateTable('messages').set({ status: 'sent', attempts, last_error: null, next_attempt_at: null, sent_at: iso(at) }).where('id', '=', messageId));
    else {
      const next = attempts < MAX_ATTEMPTS ? iso(new Date(at.getTime() + backoffDelayMs(attempts - 1, EMAIL_RETRY))) : null;
      w.run(qb.updateTable('messages').set({ status: 'failed', attempts, last_error: error, next_attempt_at: next }).where('id', '=', messageId));
    }
  });
  return toMessage(deps.store, messageId);
}

export async function emailBpjs(ctx: Ctx, input: ParsedInput<'messages.emailBpjs'>): Promise<Message> {
  const actor = requireActor(ctx);
  const smtp = readSmtp(ctx.store);
  if (!smtp) throw new AppFailure('SMTP_NOT_CONFIGURED', 'Akun e-mail kantor belum diatur. Minta admin mengisinya di Admin → E-mail (SMTP).');
  const form = await buildStatementForm(ctx, { ticketId: input.ticketId, form: input.form, nik: input.nik }, null);
  const { pdf, visitorName, ticketLabel: label } = form;
  const id = newId();
  const dir = join(ctx.dataDir, 'messages', id);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files: StoredAttachment[] = [];
  try {
    const formName = `${input.form.replace('_', '-')}-${label}.pdf`;
    writeFileSync(join(dir, formName), pdf, { mode: 0o600 });
    files.push({ name: formName, path: join(dir, formName), sizeBytes: pdf.length });
    input.attachments.forEach((a, i) => {
      const bytes = Buffer.from(a.contentBase64, 'base64');
      if (bytes.length === 0) throw new AppFailure('VALIDATION', `Lampiran "${a.name}" kosong.`);
      const path = join(dir, `${i + 1}-${a.name}`);
      writeFileSync(path, bytes, { mode: 0o600 });
      files.push({ name: a.name, path, sizeBytes: statSync(path).size });
    });
    const title = { peserta_baru: 'Pendaftaran peserta baru', pengalihan: 'Pengalihan kepesertaan', cetak_eid: 'Permintaan cetak E-ID' }[input.form];
    const subject = `${title}: ${visitorName} (antrean ${label})`;
    const body =
      `Yth. BPJS Kesehatan Kantor Cabang,\n\nBersama ini kami kirimkan ${title.toLowerCase()} atas nama ${visitorName} (KK ${form.kk}, ` +
      `${form.niks.length} anggota keluarga: NIK ${form.niks.join(', ')}) beserta lampirannya (${files.length} berkas, formulir terisi terlampir).\n` +
      'Mohon dapat diproses.\n\nTerima kasih.\n';
    ctx.store.tx((w) => {
      w.run(
        qb.insertInto('messages').values({
          id, ticket_id: input.ticketId, channel: 'email', recipient: smtp.bpjsAddress, subject, body, attachments: JSON.stringify(files),
          status: 'queued', attempts: 0, last_error: null, next_attempt_at: null, created_by: actor.user.id, created_at: iso(ctx.now()), sent_at: null,
        }),
      );
      audit(w, ctx, 'messages.emailBpjs', 'message', id, { ticketId: input.ticketId, form: input.form, attachments: files.length });
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return deliver(ctx, id);
}

export async function retry(ctx: Ctx, input: CallInput<'messages.retry'>): Promise<Message> {
  requireActor(ctx);
  const m = toMessage(ctx.store, input.messageId);
  if (m.channel !== 'email') throw new AppFailure('INVALID_STATE', 'Hanya e-mail yang dapat dikirim ulang.');
  if (m.status === 'sent') return m;
  return deliver(ctx, m.id);
}

/** 0812-3456-789 → 628123456789; +62… and 62… as they are. */
export function waNumber(phone: string): string | null {
  const d = phone.replace(/[^\d+]/g, '').replace(/^\+/, '');
  const n = d.startsWith('0') ? `62${d.slice(1)}` : d;
  return /^62\d{8,13}$/.test(n) ? n : null;
}

export function whatsapp(ctx: Ctx, input: CallInput<'messages.whatsapp'>): CallOutput<'messages.whatsapp'> {
  const actor = requireActor(ctx);
  const number = waNumber(input.phone);
  if (!number) throw new AppFailure('VALIDATION', 'Nomor WhatsApp tidak valid. Tulis seperti 0812 3456 7890.', { phone: 'Nomor tidak valid.' });
  const t = ctx.store.first(qb.selectFrom('tickets').select('id').where('id', '=', input.ticketId));
  if (!t) throw new AppFailure('NOT_FOUND', 'Nomor antrean kunjungan ini tidak ditemukan.');
  const id = newId();
  const link = `https://wa.me/${number}?text=${encodeURIComponent(input.text)}`;
  ctx.store.tx((w) => {
    w.run(
      qb.insertInto('messages').values({
        id, ticket_id: input.ticketId, channel: 'whatsapp', recipient: number, subject: '', body: input.text, attachments: '[]',
        status: 'opened', attempts: 1, last_error: null, next_attempt_at: null, created_by: actor.user.id, created_at: iso(ctx.now()), sent_at: iso(ctx.now()),
      }),
    );
    audit(w, ctx, 'messages.whatsapp', 'message', id, { ticketId: input.ticketId });
  });
  return { ...toMessage(ctx.store, id), link };
}

export function forTicket(ctx: Ctx, input: CallInput<'messages.forTicket'>): Message[] {
  return ctx.store.all(qb.selectFrom('messages').select('id').where('ticket_id', '=', input.ticketId).orderBy('created_at')).map((r) => toMessage(ctx.store, r.id));
}

/** Retries failed e-mails whose time has come; answers a stop function. */
export function startEmailRetries(deps: Deps, everyMs = 30_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const due = deps.store.all(
        qb.selectFrom('messages').select('id').where('channel', '=', 'email').where('status', 'in', ['failed', 'queued']).where('next_attempt_at', 'is not', null).where('next_attempt_at', '<=', iso(deps.now())).limit(20),
      );
      for (const m of due) await deliver(deps, m.id);
    } catch (err) {
      console.error('[loket] e-mail retry failed', err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
