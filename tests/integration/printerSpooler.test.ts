// Letters and PDF tickets through the Windows spooler adapter, in the real host (real SQLite, real
// letter PDF), with PowerShell and SumatraPDF answered by an injected runner: a refused print is
// reported in Indonesian and the letter stays "belum dicetak" (ditandatangani); once the printer is
// back, the same archived bytes print and the letter is "dicetak". A ticket whose print failed keeps
// its number and prints on the next try.
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WindowsSpoolerPrinter, type ExecRunner } from '../../main/features/devices/windowsPrinter';
import { documentPrinterFor } from '../../main/features/devices/systemPrinter';
import { inProcessHost } from '../helpers/inproc';
import { draftedLetter, letterOffice } from '../helpers/letters';

const PRINTER = 'Epson L3210 Series';

/** Windows as far as the adapter sees it; `state` and `sumatraFails` change between calls. */
function windows() {
  const w = {
    state: { Name: PRINTER, Default: true, WorkOffline: false, ExtendedPrinterStatus: 3, DetectedErrorState: 2 } as Record<string, unknown>,
    sumatraFails: false,
    printed: [] as { args: string[]; sha256: string }[],
  };
  const run: ExecRunner = async (file, args) => {
    if (file === 'powershell.exe') {
      const script = Buffer.from(args[args.length - 1]!, 'base64').toString('utf16le');
      return { stdout: script.includes('Win32_PrintJob') ? `JOB ${w.printed.length + 99}\r\n` : JSON.stringify([w.state]), stderr: '' };
    }
    if (w.sumatraFails) throw Object.assign(new Error('Command failed'), { code: 1 });
    const pdf = args[args.length - 1]!;
    w.printed.push({ args, sha256: createHash('sha256').update(readFileSync(pdf)).digest('hex') });
    return { stdout: '', stderr: '' };
  };
  return { w, printer: documentPrinterFor('win32', { windows: { run, sumatraPath: process.execPath } }) };
}

describe('printing through the Windows spooler adapter', () => {
  it('a letter: a paused printer leaves it "belum dicetak"; printed once resumed, the archived bytes; a reprint sends them again', async () => {
    const h = inProcessHost(new Date());
    const { w, printer } = windows();
    expect(printer).toBeInstanceOf(WindowsSpoolerPrinter);
    Object.assign(h.deps, { printer });
    const { tokens, deskToken } = await h.setup();
    const o = await letterOffice(h.ok, tokens.admin!, deskToken);
    const id = await draftedLetter(h.ok, o.tim.token, 8101);
    const { number } = await h.ok('letters.approve', { id }, o.lead.token);
    await h.ok('letters.sign', { id }, o.head.token);

    expect(await h.ok('letters.printers', {}, o.tim.token)).toEqual({ printers: [PRINTER], deskPrinter: null, error: null });
    await h.ok('letters.setDeskPrinter', { printer: PRINTER }, o.tim.token);

    w.state.ExtendedPrinterStatus = 8; // paused in Windows
    const paused = await h.call('letters.print', { id }, o.tim.token);
    expect(paused).toMatchObject({ ok: false, error: { code: 'PRINTER_FAILED' } });
    if (!paused.ok)
      expect(paused.error.message).toBe(
        `Surat ${number} belum dicetak: printer "${PRINTER}" sedang dijeda di Windows; buka Pengaturan → Printer & pemindai, pilih printernya, lalu Lanjutkan (Resume). Surat tetap tersimpan dan dapat dicetak ulang.`,
      );
    w.state.ExtendedPrinterStatus = 3;
    w.sumatraFails = true;
    const refused = await h.call('letters.print', { id }, o.tim.token);
    if (!refused.ok) expect(refused.error.message).toContain('menolak pekerjaan ini (keterangan teknis: SumatraPDF keluar dengan kode 1)');
    else expect.fail('a failing SumatraPDF must not mark the letter printed');
    let l = await h.ok('letters.get', { id }, o.tim.token);
    expect(l.status).toBe('ditandatangani');
    expect(l.times.printedAt).toBeNull();
    expect(w.printed).toHaveLength(0);

    w.sumatraFails = false;
    const printed = await h.ok('letters.print', { id }, o.tim.token);
    expect(printed).toMatchObject({ status: 'dicetak', printer: PRINTER, jobId: `${PRINTER}-100` });
    l = await h.ok('letters.get', { id }, o.tim.token);
    expect(w.printed[0]!.sha256).toBe(l.pdfSha256);
    expect(w.printed[0]!.args.slice(0, 3)).toEqual(['-print-to', PRINTER, '-silent']);
    expect(existsSync(w.printed[0]!.args[3]!)).toBe(false);
    const again = await h.ok('letters.print', { id }, o.tim.token);
    expect(again.jobId).toBe(`${PRINTER}-101`);
    expect(w.printed[1]!.sha256).toBe(l.pdfSha256);
  }, 60_000);

  it('a PDF ticket: out of paper says so and keeps the number; the same number prints after', async () => {
    const h = inProcessHost(new Date());
    const { w, printer } = windows();
    Object.assign(h.deps, { printer });
    const { tokens } = await h.setup();
    await h.ok('settings.devices', { ticketPrinter: PRINTER }, tokens.admin);
    const ticket = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    w.state.DetectedErrorState = 4;
    const r = await h.call('queue.printTicket', { ticketId: ticket.id }, tokens.satpam1);
    expect(r).toMatchObject({ ok: false, error: { code: 'PRINTER_FAILED' } });
    if (!r.ok) expect(r.error.message).toBe(`Tiket ${ticket.label} tidak tercetak: kertas di printer "${PRINTER}" habis; isi kertasnya. Nomor tetap berlaku; tunjukkan di layar atau coba cetak lagi.`);
    w.state.DetectedErrorState = 2;
    const ok = await h.ok('queue.printTicket', { ticketId: ticket.id }, tokens.satpam1);
    expect(ok).toEqual({ printer: PRINTER, jobId: `${PRINTER}-100` });
    expect(w.printed).toHaveLength(1);
  }, 60_000);
});
