// Letters through the real CUPS stack: a private cupsd with a cups-pdf queue. The printed PDF is
// read back with pdftotext; a stopped queue leaves the letter "belum dicetak".
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessHost } from '../helpers/inproc';
import { startPrivateCups, type PrivateCups } from '../helpers/cups';
import { draftedLetter, letterOffice } from '../helpers/letters';

async function waitForJob(server: string, jobId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const done = execFileSync('lpstat', ['-W', 'completed', '-o'], { env: { ...process.env, CUPS_SERVER: server } }).toString();
    if (done.split('\n').some((l) => l.startsWith(`${jobId} `))) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${jobId} did not complete`);
}

/** The newest PDF cups-pdf wrote since `since` whose text contains `needle`. */
async function printedPdfWith(dir: string, since: number, needle: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (existsSync(dir))
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.pdf'))) {
        const file = join(dir, f);
        if (statSync(file).mtimeMs < since - 1000) continue;
        const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
        if (text.includes(needle)) return text;
      }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no printed PDF with ${needle} in ${dir}`);
}

describe('letter printing (CUPS)', () => {
  let cups: PrivateCups;
  beforeAll(async () => {
    cups = await startPrivateCups('loketsurat');
  });
  afterAll(() => cups?.stop());

  it('prints the signed letter on the desk printer; the paper shows number, names and signature block', async () => {
    const h = inProcessHost(new Date(), cups.server);
    const { tokens, deskToken } = await h.setup();
    const o = await letterOffice(h.ok, tokens.admin!, deskToken);
    const id = await draftedLetter(h.ok, o.tim.token, 7001);
    const { number } = await h.ok('letters.approve', { id }, o.lead.token);
    await h.ok('letters.sign', { id }, o.head.token);

    const printers = await h.ok('letters.printers', {}, o.tim.token);
    expect(printers.printers).toContain(cups.queue);
    await h.ok('letters.setDeskPrinter', { printer: cups.queue }, o.tim.token);
    const started = Date.now();
    const printed = await h.ok('letters.print', { id }, o.tim.token);
    expect(printed.status).toBe('dicetak');
    await waitForJob(cups.server, printed.jobId);
    const text = (await printedPdfWith(cups.outDir, started, number!)).replace(/[ \t]+/g, ' ');
    for (const s of [number!, 'Pasien Nomor 7001', 'RSUD Palembang BARI', 'KEPALA DINAS KESEHATAN', 'dr. HENDRA SAPUTRA, M.Kes', 'NIP. 19670401 200003 1 006'])
      expect(text).toContain(s);
    expect(text).not.toContain('a.n.');
  }, 90_000);

  it('a stopped queue: reported in Indonesian, the letter stays "belum dicetak", and prints once started again', async () => {
    const h = inProcessHost(new Date(), cups.server);
    const { tokens, deskToken } = await h.setup();
    const o = await letterOffice(h.ok, tokens.admin!, deskToken);
    const id = await draftedLetter(h.ok, o.tim.token, 7002);
    await h.ok('letters.approve', { id }, o.lead.token);
    await h.ok('letters.sign', { id }, o.head.token);
    await h.ok('letters.setDeskPrinter', { printer: cups.queue }, o.tim.token);
    const env = { ...process.env, CUPS_SERVER: cups.server };
    execFileSync('cupsdisable', [cups.queue], { env });
    try {
      const r = await h.call('letters.print', { id }, o.tim.token);
      expect(r).toMatchObject({ ok: false, error: { code: 'PRINTER_FAILED' } });
      if (!r.ok) expect(r.error.message).toMatch(/belum dicetak: printer "loketsurat" sedang dihentikan.*dapat dicetak ulang/);
      const l = await h.ok('letters.get', { id }, o.tim.token);
      expect(l.status).toBe('ditandatangani');
      expect(l.times.printedAt).toBeNull();
    } finally {
      execFileSync('cupsenable', [cups.queue], { env });
    }
    const again = await h.ok('letters.print', { id }, o.tim.token);
    expect(again.status).toBe('dicetak');
    await waitForJob(cups.server, again.jobId);
  }, 90_000);
});
