// E-mail to the BPJS branch really delivered to a local SMTP server (smtp-server on 127.0.0.1)
// with the statement form and the attachments; a delivery failure recorded and retried; the
// WhatsApp link; the SMTP password stored sealed, never returned.
import { simpleParser } from 'mailparser';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessHost } from '../helpers/inproc';
import { KK_VALID, NIK_MALE } from '../helpers/factories';
import { deliver } from '../../main/features/messages';

let h: ReturnType<typeof inProcessHost>;
let server: SMTPServer | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
  h?.store.close();
});

interface Received { from: string; to: string[]; raw: Buffer; user: string }

function startSmtp(received: Received[]): Promise<number> {
  server = new SMTPServer({
    secure: false,
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _s, cb) {
      if (auth.username === 'loket@dinkes.test' && auth.password === 'sandi-smtp-9') cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks), user: String(session.user) });
        cb();
      });
    },
  });
  return new Promise((resolve) => server!.listen(0, '127.0.0.1', () => resolve((server!.server.address() as AddressInfo).port)));
}

describe('messages out', () => {
  it('e-mails the statement form with the attachments to the BPJS branch', async () => {
    h = inProcessHost(new Date('2026-11-26T02:00:00Z'));
    const { tokens } = await h.setup();
    const received: Received[] = [];
    const port = await startSmtp(received);

    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    // Not configured yet: a clear message.
    const early = await h.call('messages.emailBpjs', { ticketId: t.id, form: 'peserta_baru' }, tokens.resep1);
    expect(!early.ok && early.error.code).toBe('SMTP_NOT_CONFIGURED');

    await h.ok('messages.saveSmtp', { host: '127.0.0.1', port, secure: false, user: 'loket@dinkes.test', password: 'sandi-smtp-9', from: 'loket@dinkes.test', bpjsAddress: 'kc.sekayu@bpjs.test' }, tokens.admin);
    const shown = await h.ok('messages.smtpSettings', {}, tokens.admin);
    expect(shown).toMatchObject({ host: '127.0.0.1', passwordSet: true });
    expect(JSON.stringify(shown)).not.toContain('sandi-smtp-9');
    const stored = h.store.sqlite.prepare("SELECT group_concat(value) AS v FROM settings WHERE key LIKE 'smtp.%'").get() as { v: string };
    expect(stored.v).not.toContain('sandi-smtp-9');

    // No case yet: the form cannot be filled.
    const noCase = await h.call('messages.emailBpjs', { ticketId: t.id, form: 'peserta_baru' }, tokens.resep1);
    expect(!noCase.ok && noCase.error.code).toBe('CASE_REQUIRED');
    h.store.tx((w) => w.run({ compile: () => ({ sql: "INSERT INTO cases (id, ticket_id, nik, name, kk, birth_date, phone, purpose, created_by, created_at, updated_at) VALUES ('c1', ?, ?, 'BUDI SANTOSO', ?, NULL, '081234567890', 'daftar', (SELECT id FROM users LIMIT 1), '2026-11-26T02:00:00Z', '2026-11-26T02:00:00Z')", parameters: [t.id, NIK_MALE, KK_VALID], query: null as never, queryId: null as never }) } as never));
    await h.ok('followups.create', { ticketId: t.id, nik: NIK_MALE, memberName: 'BUDI SANTOSO', kind: 'peserta_baru' }, tokens.resep1);

    const kk = Buffer.from('\x89PNG\r\n\x1a\nfoto-kk');
    const m = await h.ok('messages.emailBpjs', { ticketId: t.id, form: 'peserta_baru', attachments: [{ name: 'kk.png', contentBase64: kk.toString('base64') }] }, tokens.resep1);
    expect(m).toMatchObject({ status: 'sent', attempts: 1, recipient: 'kc.sekayu@bpjs.test', lastError: null });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['kc.sekayu@bpjs.test']);
    expect(received[0]!.user).toBe('loket@dinkes.test');
    const mail = await simpleParser(received[0]!.raw);
    expect(mail.subject).toBe(`Pendaftaran peserta baru: BUDI SANTOSO (antrean ${t.label})`);
    expect(mail.attachments.map((a) => a.filename)).toEqual([`peserta-baru-${t.label}.pdf`, 'kk.png']);
    expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync('test-results/screens', { recursive: true });
    writeFileSync('test-results/screens/statement-peserta-baru.pdf', mail.attachments[0]!.content);
    expect(Buffer.compare(mail.attachments[1]!.content, kk)).toBe(0);

    // Recorded on the visit.
    const list = await h.ok('messages.forTicket', { ticketId: t.id }, tokens.petugas1);
    expect(list.map((x) => [x.channel, x.status])).toEqual([['email', 'sent']]);
  });

  it('shows a delivery failure and retries it', async () => {
    h = inProcessHost(new Date('2026-11-26T02:00:00Z'));
    const { tokens } = await h.setup();
    const received: Received[] = [];
    const port = await startSmtp(received);
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    h.store.tx((w) => w.run({ compile: () => ({ sql: "INSERT INTO cases (id, ticket_id, nik, name, kk, birth_date, phone, purpose, created_by, created_at, updated_at) VALUES ('c1', ?, ?, 'BUDI', ?, NULL, '', 'x', (SELECT id FROM users LIMIT 1), '2026-11-26T02:00:00Z', '2026-11-26T02:00:00Z')", parameters: [t.id, NIK_MALE, KK_VALID], query: null as never, queryId: null as never }) } as never));

    // Wrong password first.
    await h.ok('messages.saveSmtp', { host: '127.0.0.1', port, secure: false, user: 'loket@dinkes.test', password: 'salah', from: 'loket@dinkes.test', bpjsAddress: 'kc@bpjs.test' }, tokens.admin);
    const failed = await h.ok('messages.emailBpjs', { ticketId: t.id, form: 'pengalihan' }, tokens.resep1);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/menolak nama pengguna atau kata sandi/);
    expect(Date.parse(failed.nextAttemptAt!)).toBeGreaterThan(Date.parse('2026-11-26T02:00:00Z'));
    expect(received).toHaveLength(0);

    // The admin fixes the password (an empty password keeps the stored one; here a new one); the retry delivers.
    await h.ok('messages.saveSmtp', { host: '127.0.0.1', port, secure: false, user: 'loket@dinkes.test', password: 'sandi-smtp-9', from: 'loket@dinkes.test', bpjsAddress: 'kc@bpjs.test' }, tokens.admin);
    const again = await deliver(h.deps, failed.id);
    expect(again).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(received).toHaveLength(1);
    const viaCall = await h.ok('messages.retry', { messageId: failed.id }, tokens.resep1);
    expect(viaCall.status).toBe('sent');
    expect(received).toHaveLength(1); // already sent: not sent twice

    // WhatsApp: a wa.me link with the text, recorded.
    const wa = await h.ok('messages.whatsapp', { ticketId: t.id, phone: '0812-3456-7890', text: 'Kartu KIS Anda sudah dapat diambil di Dinas Kesehatan.' }, tokens.resep1);
    expect(wa.link).toBe('https://wa.me/6281234567890?text=Kartu%20KIS%20Anda%20sudah%20dapat%20diambil%20di%20Dinas%20Kesehatan.');
    const badPhone = await h.call('messages.whatsapp', { ticketId: t.id, phone: '12345678', text: 'x' }, tokens.resep1);
    expect(!badPhone.ok && badPhone.error.message).toMatch(/Nomor WhatsApp tidak valid/);
    expect((await h.ok('messages.forTicket', { ticketId: t.id }, tokens.resep1)).map((x) => x.channel)).toEqual(['email', 'whatsapp']);
  });
});
