// The statement forms (issue 9/11): each one filled from a checked family against the BPJS
// simulator, read back from the PDF with pdftotext; the form attached to the e-mail to BPJS that a
// real SMTP server on 127.0.0.1 receives; one form rendered to PNG for a look at the layout.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBpjs } from '../../scripts/fake-bpjs.mjs';
import { FAMILY_KK, member, nikWith } from '../helpers/family';
import { inProcessHost } from '../helpers/inproc';

let sim: Awaited<ReturnType<typeof startFakeBpjs>>;
beforeAll(async () => (sim = await startFakeBpjs({ slowMs: 3_000 })));
afterAll(() => sim.close());

let smtp: SMTPServer | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  smtp = null;
});

const SCREENS = 'test-results/screens';

/** Siti (visitor, active PBI, no card), Budi (head, active mandiri with card), Rina (arrears), Dewi (not found). */
const FAMILY = [
  { ...member('0001', 'Siti Aminah', 'istri'), sex: 'P' as const, birthDate: '1990-01-01' },
  member('0003', 'Budi Santoso', 'kepala', true, '01'),
  member('0004', 'Rina Santoso', 'anak'),
  { ...member('0006', 'Dewi Santoso', 'anak', false, '56'), birthDate: '1990-01-16' },
];
const [SITI, BUDI, RINA, DEWI] = FAMILY.map((m) => m.nik) as [string, string, string, string];

// Wednesday 25 November 2026, 09:00 in Jakarta.
async function checkedFamily() {
  const h = inProcessHost(new Date('2026-11-25T02:00:00Z'));
  const { tokens } = await h.setup();
  const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
  await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
  await h.ok('cases.save', { ticketId: t.id, nik: SITI, name: 'Siti Aminah', kk: FAMILY_KK, phone: '0812 3456 789', purpose: 'Cek kepesertaan' }, tokens.resep1);
  await h.ok('membership.settings.save', { service: 'pcare', pcareUrl: sim.pcareUrl, vclaimUrl: sim.vclaimUrl, ...sim.credentials, timeoutMs: 1_000 }, tokens.admin);
  await h.ok('cases.family.save', { ticketId: t.id, kk: FAMILY_KK, address: 'Jl. Kebon Kelapa No. 5, RT 002/RW 003', headName: 'Budi Santoso', members: FAMILY }, tokens.resep1);
  const { checks } = await h.ok('membership.checkFamily', { ticketId: t.id }, tokens.resep1);
  expect(checks.map((c) => c.nextAction)).toEqual(['request_eid', 'continue', 'form_transfer', 'form_new_participant']);
  return { h, tokens, ticketId: t.id, label: t.label };
}

function pdfText(dir: string, name: string, base64: string): { file: string; text: string } {
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return { file, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
}

describe('statement forms as PDF', () => {
  it('fills each form from the case: KK, the members its outcome calls for, their data and check', async () => {
    const { h, tokens, ticketId, label } = await checkedFamily();
    const form = async (f: 'peserta_baru' | 'pengalihan' | 'cetak_eid' | 'dtks', nik?: string) => {
      const r = await h.ok('membership.statementForm', { ticketId, form: f, ...(nik ? { nik } : {}) }, tokens.resep1);
      expect(r.fileName).toMatch(/\.pdf$/);
      expect(Buffer.from(r.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      return pdfText(h.dir, r.fileName, r.base64).text;
    };
    const common = (text: string) => {
      expect(text).toContain(FAMILY_KK);
      expect(text).toContain('Budi Santoso'); // head of the family
      expect(text).toContain('Jl. Kebon Kelapa No. 5');
      expect(text).toContain('DINAS KESEHATAN KABUPATEN MUSI BANYUASIN'); // the kop
      expect(text).toContain('25 November 2026');
      expect(text).toContain(`Antrean ${label}`);
    };

    // Not found at BPJS: Dewi only.
    const baru = await form('peserta_baru');
    common(baru);
    expect(baru).toContain('FORMULIR PENDAFTARAN PESERTA BARU');
    expect(baru).toContain(DEWI);
    expect(baru).toContain('Dewi Santoso');
    expect(baru).toContain('16 Januari 1990');
    expect(baru).toContain('Tidak terdaftar');
    expect(baru).not.toContain(RINA);
    expect(baru).toMatch(/Meterai\s+10\.000/);

    // In arrears (self-paying): Rina, with her card and segment.
    const alih = await form('pengalihan');
    common(alih);
    expect(alih).toContain('FORMULIR PENGALIHAN KEPESERTAAN');
    expect(alih).toContain(RINA);
    expect(alih).toContain('Rina Santoso');
    expect(alih).toContain('Tidak aktif');
    expect(alih).not.toContain(DEWI);

    // Active PBI without a card: Siti, with the day BPJS must answer by (3 working days: Mon 30 Nov).
    const eid = await form('cetak_eid');
    common(eid);
    expect(eid).toContain('PERMINTAAN CETAK E-ID');
    expect(eid).toContain(SITI);
    expect(eid).toContain('1 Januari 1990');
    expect(eid).toContain('Aktif');
    expect(eid).toContain('30 November 2026');
    expect(eid).not.toContain(BUDI);

    // The DTKS statement names the whole household, with the DTKS answer (no list imported yet).
    const dtks = await form('dtks');
    common(dtks);
    expect(dtks).toContain('SURAT PERNYATAAN');
    expect(dtks).toContain('Data Terpadu Kesejahteraan Sosial');
    for (const nik of [SITI, BUDI, RINA, DEWI]) expect(dtks).toContain(nik);
    expect(dtks.match(/diimpor/g)).toHaveLength(4); // "Belum dicek: daftar DTKS belum diimpor", wrapped in its cell
    expect(dtks).toContain('Kepala Desa/Lurah');

    // One member picked by the button on the row: the transfer form for Budi names Budi only.
    const one = await form('pengalihan', BUDI);
    expect(one).toContain(BUDI);
    expect(one).not.toContain(RINA);
    const stranger = await h.call('membership.statementForm', { ticketId, form: 'pengalihan', nik: nikWith('0009') }, tokens.resep1);
    expect(!stranger.ok && stranger.error.code).toBe('NOT_FOUND');

    // The outcome as decided counts: overriding Rina to a new registration moves her to that form.
    await h.ok('membership.decide', { ticketId, nik: RINA, action: 'form_new_participant', reason: 'Kartu lama atas nama orang lain' }, tokens.resep1);
    const baru2 = await form('peserta_baru');
    expect(baru2).toContain(RINA);
    expect(baru2).toContain(DEWI);

    // Audited like the result sheet.
    const audits = h.store.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE action = 'membership.statementForm'").get() as { n: number };
    expect(audits.n).toBe(6);

    // Layout check by eye: A4 page, kop, title, fields, signature block.
    mkdirSync(SCREENS, { recursive: true });
    const r = await h.ok('membership.statementForm', { ticketId, form: 'peserta_baru' }, tokens.resep1);
    const { file } = pdfText(h.dir, 'look.pdf', r.base64);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\b/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join(SCREENS, '93-statement-form-peserta-baru')]);
    for (const f of ['pengalihan', 'cetak_eid', 'dtks'] as const) {
      const other = await h.ok('membership.statementForm', { ticketId, form: f }, tokens.resep1);
      const page = pdfText(h.dir, `look-${f}.pdf`, other.base64).file;
      expect(execFileSync('pdfinfo', [page], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', page, join(SCREENS, `93-statement-form-${f.replace('_', '-')}`)]);
    }
    h.store.close();
  });

  it('is personal and for the desk roles only, like the result sheet', async () => {
    const { h, tokens, ticketId } = await checkedFamily();
    const satpam = await h.call('membership.statementForm', { ticketId, form: 'peserta_baru' }, tokens.satpam1);
    expect(!satpam.ok && satpam.error.code).toBe('FORBIDDEN');
    const lan = await h.call('membership.statementForm', { ticketId, form: 'peserta_baru' }, tokens.resep1, '192.168.1.20', false);
    expect(!lan.ok && lan.error.code).toBe('INSECURE_TRANSPORT');
    expect((await h.call('membership.statementForm', { ticketId, form: 'peserta_baru' }, tokens.petugas1)).ok).toBe(true);
    h.store.close();
  });

  it('attaches the filled form to the e-mail to BPJS, with the chosen case documents', async () => {
    const { h, tokens, ticketId, label } = await checkedFamily();
    const received: Buffer[] = [];
    smtp = new SMTPServer({
      secure: false, authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, _s, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => (received.push(Buffer.concat(chunks)), cb()));
      },
    });
    const port = await new Promise<number>((resolve) => smtp!.listen(0, '127.0.0.1', () => resolve((smtp!.server.address() as AddressInfo).port)));
    await h.ok('messages.saveSmtp', { host: '127.0.0.1', port, secure: false, user: '', from: 'loket@dinkes.test', bpjsAddress: 'kc.sekayu@bpjs.test' }, tokens.admin);

    const kk = Buffer.from('\x89PNG\r\n\x1a\nfoto-kk-keluarga');
    // With a requestId, as the screens send it: the form is made before the call's first write.
    const m = await h.ok('messages.emailBpjs', { requestId: uuidv7(), ticketId, form: 'pengalihan', attachments: [{ name: 'kk.png', contentBase64: kk.toString('base64') }] }, tokens.petugas1);
    expect(m).toMatchObject({ status: 'sent', attachments: [{ name: `pengalihan-${label}.pdf` }, { name: 'kk.png' }] });
    expect(received).toHaveLength(1);
    const mail = await simpleParser(received[0]!);
    expect(mail.attachments.map((a) => a.filename)).toEqual([`pengalihan-${label}.pdf`, 'kk.png']);
    expect(mail.attachments[0]!.contentType).toBe('application/pdf');
    const { text } = pdfText(h.dir, 'mailed.pdf', mail.attachments[0]!.content.toString('base64'));
    expect(text).toContain('FORMULIR PENGALIHAN KEPESERTAAN');
    expect(text).toContain(RINA);
    expect(text).toContain('Rina Santoso');
    expect(text).toContain(FAMILY_KK);
    expect(text).not.toContain(DEWI);
    expect(mail.text).toContain(`KK ${FAMILY_KK}`);
    expect(mail.text).toContain(RINA);
    expect(Buffer.compare(mail.attachments[1]!.content, kk)).toBe(0);

    // One member named: the E-ID request for Siti carries her form.
    const one = await h.ok('messages.emailBpjs', { requestId: uuidv7(), ticketId, form: 'cetak_eid', nik: SITI }, tokens.resep1);
    expect(one.status).toBe('sent');
    const mail2 = await simpleParser(received[1]!);
    const eid = pdfText(h.dir, 'mailed2.pdf', mail2.attachments[0]!.content.toString('base64')).text;
    expect(eid).toContain('PERMINTAAN CETAK E-ID');
    expect(eid).toContain(SITI);
    h.store.close();
  });
});
