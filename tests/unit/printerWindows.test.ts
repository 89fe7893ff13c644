// The Windows spooler adapter cannot print here: its command lines, the PowerShell script, the
// parsing of Win32_Printer's JSON and the Indonesian messages are checked with an injected runner
// that answers as PowerShell and SumatraPDF would. The platform choice is checked with the platform
// passed in. (README "Printing on Windows" says how to try it on a Windows PC.)
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CupsPrinter, PrinterError } from '../../main/features/devices/printer';
import { documentPrinterFor, printerSystemFor } from '../../main/features/devices/systemPrinter';
import {
  bundledSumatraPath, describeWindowsRunError, describeWindowsState, documentFileName, jobIdScript, listScript, parseJobId, parsePrinterList, powershellArgs,
  sumatraArgs, WindowsSpoolerPrinter, type ExecRunner,
} from '../../main/features/devices/windowsPrinter';

const HP = { Name: 'HP LaserJet M404 (Ruang Rujukan)', Default: true, WorkOffline: false, ExtendedPrinterStatus: 3, DetectedErrorState: 2 };
const PDF_PRINTER = { Name: 'Microsoft Print to PDF', Default: false, WorkOffline: false, ExtendedPrinterStatus: 2, DetectedErrorState: 0 };
const SUMATRA = process.execPath; // any file that exists stands in for SumatraPDF.exe

interface Call { file: string; args: string[]; timeoutMs: number; script: string | null; pdf: Buffer | null }

/** A runner that answers like Windows: PowerShell with `printers` as JSON, SumatraPDF as `sumatra` says. */
function fakeWindows(printers: unknown, sumatra: (args: string[]) => Promise<void> = async () => {}, job = 'JOB 42\r\n') {
  const calls: Call[] = [];
  const run: ExecRunner = async (file, args, { timeoutMs }) => {
    const encoded = args[args.indexOf('-EncodedCommand') + 1];
    const script = file === 'powershell.exe' && encoded ? Buffer.from(encoded, 'base64').toString('utf16le') : null;
    const last = args[args.length - 1]!;
    calls.push({ file, args, timeoutMs, script, pdf: file === SUMATRA && existsSync(last) ? readFileSync(last) : null });
    if (file === 'powershell.exe') return { stdout: script!.includes('Win32_PrintJob') ? job : `\uFEFF${JSON.stringify(printers)}\r\n`, stderr: '' };
    await sumatra(args);
    return { stdout: '', stderr: '' };
  };
  return { calls, run, printer: new WindowsSpoolerPrinter({ run, sumatraPath: SUMATRA }) };
}

const failWith = (props: Record<string, unknown>) => async () => {
  throw Object.assign(new Error('Command failed'), props);
};

describe('platform choice', () => {
  it('Windows prints through the spooler; Linux, macOS and the BSDs through CUPS', () => {
    expect(printerSystemFor('win32')).toBe('windows');
    for (const p of ['linux', 'darwin', 'freebsd', 'openbsd'] as const) expect(printerSystemFor(p)).toBe('cups');
    expect(documentPrinterFor('win32')).toBeInstanceOf(WindowsSpoolerPrinter);
    expect(documentPrinterFor('linux', { cupsServer: '127.0.0.1:6310' })).toBeInstanceOf(CupsPrinter);
    expect(documentPrinterFor('darwin')).toBeInstanceOf(CupsPrinter);
  });

  it('the Windows adapter is handed its runner: a chosen win32 printer lists through PowerShell', async () => {
    const w = fakeWindows([HP]);
    const printer = documentPrinterFor('win32', { windows: { run: w.run, sumatraPath: SUMATRA } });
    expect(await printer.list()).toEqual([{ name: HP.Name, isDefault: true }]);
    expect(w.calls[0]!.file).toBe('powershell.exe');
  });

  it('pdf-to-printer installs and imports on Linux, ships SumatraPDF, and refuses to run off Windows', async () => {
    const mod = (await import('pdf-to-printer')) as unknown as { getPrinters(): Promise<unknown>; print(f: string): Promise<void> };
    expect(typeof mod.print).toBe('function');
    const exe = bundledSumatraPath();
    expect(exe).toMatch(/SumatraPDF[^/\\]*\.exe$/);
    expect(existsSync(exe!)).toBe(true);
    expect(dirname(exe!)).toMatch(/pdf-to-printer[/\\]dist$/);
    if (process.platform !== 'win32') await expect(mod.getPrinters()).rejects.toBe('Operating System not supported');
  });
});

describe('PowerShell: listing printers', () => {
  it('sends the script UTF-16LE base64 with no profile and no prompt; the script lists Win32_Printer as one JSON array', () => {
    const args = powershellArgs(listScript());
    expect(args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(Buffer.from(args[5]!, 'base64').toString('utf16le')).toBe(listScript());
    expect(listScript()).toContain('Get-CimInstance -ClassName Win32_Printer | Select-Object Name, Default, WorkOffline, ExtendedPrinterStatus, DetectedErrorState');
    // -InputObject keeps a one-printer list an array (the pipeline would unroll it)
    expect(listScript()).toContain('ConvertTo-Json -InputObject $p -Compress');
    expect(listScript()).toContain('UTF8Encoding');
  });

  it('reads the JSON: an array, one object (older PowerShell), a byte-order mark, nothing at all', () => {
    expect(parsePrinterList(`\uFEFF${JSON.stringify([HP, PDF_PRINTER])}\r\n`)).toEqual([
      { name: HP.Name, isDefault: true, workOffline: false, extendedStatus: 3, detectedError: 2 },
      { name: 'Microsoft Print to PDF', isDefault: false, workOffline: false, extendedStatus: 2, detectedError: 0 },
    ]);
    expect(parsePrinterList(JSON.stringify({ ...HP, ExtendedPrinterStatus: '8', DetectedErrorState: null })).map((p) => [p.extendedStatus, p.detectedError])).toEqual([[8, null]]);
    expect(parsePrinterList('')).toEqual([]);
    expect(parsePrinterList('[]')).toEqual([]);
    expect(parsePrinterList('[{"Name":null},{"Foo":1}]')).toEqual([]);
    expect(() => parsePrinterList('Get-CimInstance : Access denied')).toThrow(PrinterError);
    expect(() => parsePrinterList('Get-CimInstance : Access denied')).toThrow(/Daftar printer Windows tidak terbaca/);
  });

  it('list() answers names and the default; a PowerShell failure is a clear message', async () => {
    const w = fakeWindows([PDF_PRINTER, HP]);
    expect(await w.printer.list()).toEqual([{ name: 'Microsoft Print to PDF', isDefault: false }, { name: HP.Name, isDefault: true }]);
    expect(w.calls).toHaveLength(1);
    expect(w.calls[0]!.script).toBe(listScript());
    expect(w.calls[0]!.timeoutMs).toBe(20_000);

    const missing = new WindowsSpoolerPrinter({ run: failWith({ code: 'ENOENT' }), sumatraPath: SUMATRA });
    await expect(missing.list()).rejects.toThrow('PowerShell tidak ditemukan di komputer utama');
    const slow = new WindowsSpoolerPrinter({ run: failWith({ killed: true, signal: 'SIGTERM' }), sumatraPath: SUMATRA });
    await expect(slow.list()).rejects.toThrow('daftar printer Windows tidak terbaca dalam waktu yang wajar');
  });
});

describe('SumatraPDF: printing', () => {
  it('prints the PDF with -print-to NAME -silent FILE and answers the spooler job; the temporary file is gone after', async () => {
    const w = fakeWindows([HP, PDF_PRINTER]);
    const pdf = Buffer.from('%PDF-1.7 surat 400.7.3.1/12/Dinkes/2026');
    const jobId = await w.printer.print('hp laserjet m404 (ruang rujukan)', pdf, 'Surat 400.7.3.1/12/Dinkes/2026');
    expect(jobId).toBe(`${HP.Name}-42`);
    const [list, sumatra, job] = w.calls;
    expect(list!.script).toBe(listScript());
    expect(sumatra!.file).toBe(SUMATRA);
    expect(sumatra!.args.slice(0, 3)).toEqual(['-print-to', HP.Name, '-silent']);
    expect(sumatra!.args).toEqual(sumatraArgs(HP.Name, sumatra!.args[3]!));
    expect(sumatra!.args[3]).toMatch(/loket-print-[^/\\]+[/\\]loket-Surat-400.7.3.1-12-Dinkes-2026-[0-9a-f]{6}\.pdf$/);
    expect(sumatra!.pdf).toEqual(pdf);
    expect(sumatra!.timeoutMs).toBe(60_000);
    expect(job!.script).toBe(jobIdScript(HP.Name, sumatra!.args[3]!.split(/[/\\]/).pop()!));
    expect(existsSync(sumatra!.args[3]!)).toBe(false);
  });

  it('a job already gone from the queue is still a print: its document name stands in for the number', async () => {
    const w = fakeWindows([HP], async () => {}, '');
    expect(await w.printer.print(HP.Name, Buffer.from('%PDF'), 'Antrean A-014')).toMatch(/^HP LaserJet M404 \(Ruang Rujukan\)-loket-Antrean-A-014-[0-9a-f]{6}$/);
  });

  it('refuses a printer that would hold the job, before SumatraPDF runs, saying what to do', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ExtendedPrinterStatus: 8 }, /sedang dijeda di Windows; .*Lanjutkan \(Resume\)/],
      [{ WorkOffline: true }, /sedang offline \(tidak tersambung\); nyalakan printernya/],
      [{ ExtendedPrinterStatus: 7 }, /sedang offline/],
      [{ DetectedErrorState: 4 }, /^kertas di printer "HP LaserJet M404 \(Ruang Rujukan\)" habis; isi kertasnya$/],
      [{ DetectedErrorState: 8 }, /^kertas macet di printer/],
      [{ DetectedErrorState: 7 }, /penutup printer .* terbuka/],
      [{ DetectedErrorState: 6 }, /tinta atau toner .* habis/],
      [{ ExtendedPrinterStatus: 9 }, /melaporkan kesalahan/],
    ];
    for (const [patch, message] of cases) {
      const w = fakeWindows([{ ...HP, ...patch }]);
      const err = await w.printer.print(HP.Name, Buffer.from('%PDF'), 'Surat').catch((e: unknown) => e);
      expect(err, JSON.stringify(patch)).toBeInstanceOf(PrinterError);
      expect((err as Error).message).toMatch(message);
      expect(w.calls.map((c) => c.file)).toEqual(['powershell.exe']);
    }
    // low paper (3) and low toner (5) still print
    for (const state of [3, 5]) expect(describeWindowsState({ name: 'P', isDefault: false, workOffline: false, extendedStatus: 3, detectedError: state })).toBeNull();
  });

  it('an unknown printer, a missing SumatraPDF, a failing or hanging SumatraPDF: each a message in Indonesian', async () => {
    await expect(fakeWindows([PDF_PRINTER]).printer.print('HP Lama', Buffer.from('%PDF'), 'Surat')).rejects.toThrow(
      'printer "HP Lama" tidak ditemukan di Windows komputer utama; minta admin memilih printer lain di Admin → Perangkat',
    );
    const w = fakeWindows([HP]);
    const noExe = new WindowsSpoolerPrinter({ run: w.run, sumatraPath: null });
    await expect(noExe.print(HP.Name, Buffer.from('%PDF'), 'Surat')).rejects.toThrow(/SumatraPDF dari paket pdf-to-printer\) tidak ditemukan/);
    await expect(fakeWindows([HP], failWith({ code: 1 })).printer.print(HP.Name, Buffer.from('%PDF'), 'Surat')).rejects.toThrow(
      `printer "${HP.Name}" menolak pekerjaan ini (keterangan teknis: SumatraPDF keluar dengan kode 1)`,
    );
    await expect(fakeWindows([HP], failWith({ killed: true, signal: 'SIGTERM' })).printer.print(HP.Name, Buffer.from('%PDF'), 'Surat')).rejects.toThrow(
      `printer "${HP.Name}" tidak menjawab dalam 60 detik`,
    );
    expect(describeWindowsRunError('P', 'sumatra', { stderr: 'Access is denied.' })).toBe('Windows menolak akses ke printer "P"; minta admin memeriksa izin printernya');
  });

  it('job numbers and document names', () => {
    expect(parseJobId('JOB 7\r\n')).toBe('7');
    expect(parseJobId('')).toBeNull();
    expect(jobIdScript("O'Brien Laser", 'loket-x.pdf')).toContain("$_.Name -like ('O''Brien Laser' + ',*')");
    expect(documentFileName('Surat 1/2 Dinkes/2026 ✓')).toMatch(/^loket-Surat-1-2-Dinkes-2026-[0-9a-f]{6}\.pdf$/);
    expect(documentFileName('✓✓')).toMatch(/^loket-dokumen-[0-9a-f]{6}\.pdf$/);
  });
});
