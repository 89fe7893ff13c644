// Ticket printing through the real CUPS stack: a private cupsd with a cups-pdf queue. The printed
// PDF is read back with poppler's pdftotext.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeDateLong, officeTime } from '../../common/domain/time';
import { inProcessHost } from '../helpers/inproc';
import { startPrivateCups, type PrivateCups } from '../helpers/cups';

/** Waits until CUPS lists the job as completed, so cups-pdf has finished writing the file. */
async function waitForJob(server: string, jobId: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const done = execFileSync('lpstat', ['-W', 'completed', '-o'], { env: { ...process.env, CUPS_SERVER: server } }).toString();
    if (done.split('\n').some((l) => l.startsWith(`${jobId} `))) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${jobId} did not complete`);
}

async function waitForPdf(dir: string, since: number, contains: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (existsSync(dir))
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.pdf') && f.includes(contains))) {
        const file = join(dir, f);
        if (statSync(file).mtimeMs >= since - 1000) return file;
      }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no printed PDF with ${contains} in ${dir}`);
}

describe('ticket printer (CUPS)', () => {
  let cups: PrivateCups;
  beforeAll(async () => {
    cups = await startPrivateCups();
  });
  afterAll(() => cups?.stop());

  it('lists the queue, prints the ticket, and the paper shows the number', async () => {
    const h = inProcessHost(new Date(), cups.server);
    const { tokens } = await h.setup();
    const before = await h.call('queue.printTicket', { ticketId: 'none' }, tokens.satpam1);
    expect(before).toMatchObject({ ok: false, error: { code: 'NO_PRINTER' } });

    const printers = await h.ok('devices.printers', {}, tokens.admin);
    expect(printers.printers.map((p) => p.name)).toContain(cups.queue);
    await h.ok('settings.devices', { ticketPrinter: cups.queue }, tokens.admin);

    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: 'lansia' }, tokens.satpam1);
    const started = Date.now();
    const job = await h.ok('queue.printTicket', { ticketId: t.id }, tokens.satpam1);
    expect(job.jobId).toMatch(new RegExp(`^${cups.queue}-\\d+$`));
    await waitForJob(cups.server, job.jobId);
    const file = await waitForPdf(cups.outDir, started, t.label);
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain(t.label);
    expect(text).toContain('Kepesertaan JKN/UHC');
    expect(text).toContain('Lansia');
    expect(text).toContain('Dinas Kesehatan Kabupaten Musi Banyuasin');
  });

  it('a stopped printer gives a clear Indonesian error and the ticket stays valid', async () => {
    const h = inProcessHost(new Date(), cups.server);
    const { tokens } = await h.setup();
    await h.ok('settings.devices', { ticketPrinter: 'printer-yang-tidak-ada' }, tokens.admin);
    const t = await h.ok('queue.issue', { serviceCode: 'B', priority: null }, tokens.satpam1);
    const r = await h.call('queue.printTicket', { ticketId: t.id }, tokens.satpam1);
    expect(r).toMatchObject({ ok: false, error: { code: 'PRINTER_FAILED' } });
    if (!r.ok) {
      expect(r.error.message).toMatch(/tidak tercetak: printer "printer-yang-tidak-ada" tidak ditemukan.*Nomor tetap berlaku/);
      expect(r.error.message).not.toMatch(/Error -|does not exist/);
    }
    const board = await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep1);
    expect(board.waiting.map((x) => x.label)).toContain(t.label);
  });

  it('renders a PDF for screens without a printer', async () => {
    const h = inProcessHost(new Date(), cups.server);
    const { tokens } = await h.setup();
    const t = await h.ok('queue.issue', { serviceCode: 'C', priority: null }, tokens.satpam1);
    const pdf = await h.ok('queue.ticketPdf', { ticketId: t.id }, tokens.satpam1);
    expect(pdf.fileName).toBe(`antrean-${t.label}.pdf`);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The paper says when and where, and what waits ahead: the office's date, the visitors before
    // this one and the estimate (none yet on a morning without finished visits).
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(pdf.base64, 'base64') }).toString().replace(/\s+/g, ' ');
    expect(text).toContain(officeDateLong(t.issuedAt, 'Asia/Jakarta'));
    expect(text).toContain(`${officeTime(t.issuedAt, 'Asia/Jakarta')} WIB`);
    expect(text).toContain('Anda antrean berikutnya');
    expect(text).toContain('Perkiraan tunggu: segera');
    // This host listens on its own PC only: no QR code a phone could not open.
    expect(text).not.toContain('Pindai dengan ponsel');
  });
});
