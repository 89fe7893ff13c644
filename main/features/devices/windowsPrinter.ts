// Document printers on Windows: the Windows print spooler, through two programs.
//  - Listing and state: PowerShell's `Get-CimInstance Win32_Printer`, as JSON (name, default,
//    offline, extended status, detected error). The script goes as -EncodedCommand (UTF-16LE
//    base64), so no printer name can break the quoting.
//  - Printing: SumatraPDF, the PDF reader npm `pdf-to-printer` ships (dist/SumatraPDF-*.exe), with
//    the same arguments pdf-to-printer's print() uses (`-print-to NAME -silent FILE`). We call the
//    program ourselves rather than through pdf-to-printer's functions so that the command line, the
//    time limit and the error mapping are ours and testable here (its getPrinters drops the default
//    and offline state, and its functions throw on anything but win32).
// Before printing, the printer's state is read: a paused, offline, jammed or paper-less printer
// would take the job and hold it while the screen said "dicetak", so it is refused up front with
// what to do, in Indonesian (as CupsPrinter does with a stopped CUPS queue).
// Not runnable on Linux: tests/unit/printerWindows.test.ts checks the command lines, the parsing
// and the messages with an injected runner; README "Printing on Windows" says how to try it.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DocumentPrinter, PrinterInfo } from '../../platform/ports';
import { PrinterError } from './printer';

/** Runs a program (no shell) and answers its output; rejects like child_process.execFile. */
export type ExecRunner = (file: string, args: string[], opts: { timeoutMs: number }) => Promise<{ stdout: string; stderr: string }>;

export const execRunner: ExecRunner = (file, args, { timeoutMs }) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, windowsHide: true, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stdout, stderr }));
      else resolve({ stdout, stderr });
    });
  });

export const LIST_TIMEOUT_MS = 20_000;
export const PRINT_TIMEOUT_MS = 60_000;

/** PowerShell's arguments for one script: no profile, no prompt, the script UTF-16LE base64. */
export function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')];
}

/** Every printer the spooler knows, one JSON array (also for one printer or none). */
export function listScript(): string {
  return [
    "$ErrorActionPreference = 'Stop'",
    '[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)',
    '$p = @(Get-CimInstance -ClassName Win32_Printer | Select-Object Name, Default, WorkOffline, ExtendedPrinterStatus, DetectedErrorState)',
    'ConvertTo-Json -InputObject $p -Compress',
  ].join('\n');
}

const psString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The job SumatraPDF just gave the spooler (its document name is the file's name), if still queued. */
export function jobIdScript(printer: string, documentName: string): string {
  return [
    "$ErrorActionPreference = 'SilentlyContinue'",
    `$j = Get-CimInstance -ClassName Win32_PrintJob | Where-Object { $_.Name -like (${psString(printer)} + ',*') -and $_.Document -like ('*' + ${psString(documentName)}) } | Select-Object -Last 1`,
    'if ($j) { "JOB " + $j.JobId }',
  ].join('\n');
}

/** SumatraPDF's command line, as pdf-to-printer builds it: print to the named printer, no window,
 *  no dialog on errors (the exit code says it); SumatraPDF exits once the spooler has the job. */
export function sumatraArgs(printer: string, file: string): string[] {
  return ['-print-to', printer, '-silent', file];
}

/** One printer as Win32_Printer describes it. */
export interface WindowsPrinterState {
  name: string;
  isDefault: boolean;
  workOffline: boolean;
  /** Win32_Printer.ExtendedPrinterStatus: 7 offline, 8 paused, 9 error, 11 not available, … */
  extendedStatus: number | null;
  /** Win32_Printer.DetectedErrorState: 4 no paper, 6 no toner, 7 door open, 8 jammed, 9 offline, … */
  detectedError: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

/** Reads the list script's JSON (an array, or one object from an older PowerShell; empty = none). */
export function parsePrinterList(stdout: string): WindowsPrinterState[] {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (!text) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PrinterError(`Daftar printer Windows tidak terbaca (keterangan teknis: ${text.slice(0, 200)})`);
  }
  const items = Array.isArray(data) ? data : [data];
  return items
    .filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null && typeof (p as { Name?: unknown }).Name === 'string')
    .map((p) => ({
      name: String(p.Name),
      isDefault: p.Default === true,
      workOffline: p.WorkOffline === true,
      extendedStatus: num(p.ExtendedPrinterStatus),
      detectedError: num(p.DetectedErrorState),
    }));
}

export function parseJobId(stdout: string): string | null {
  return /^JOB (\d+)\s*$/m.exec(stdout)?.[1] ?? null;
}

/**
 * Why a printer in this state would not print now, in Indonesian with what to do; null when it may
 * print. Low paper or toner (3, 5) still prints, so only real stops are refused.
 */
export function describeWindowsState(p: WindowsPrinterState): string | null {
  const name = `printer "${p.name}"`;
  switch (p.detectedError) {
    case 4:
      return `kertas di ${name} habis; isi kertasnya`;
    case 6:
      return `tinta atau toner ${name} habis; ganti tintanya`;
    case 7:
      return `penutup ${name} terbuka; tutup kembali`;
    case 8:
      return `kertas macet di ${name}; keluarkan kertas yang macet`;
    case 9:
      return `${name} sedang offline (tidak tersambung); nyalakan printernya dan periksa kabel atau jaringannya`;
    case 11:
      return `baki keluaran ${name} penuh; ambil kertas yang sudah tercetak`;
    default:
      break;
  }
  if (p.extendedStatus === 8)
    return `${name} sedang dijeda di Windows; buka Pengaturan → Printer & pemindai, pilih printernya, lalu Lanjutkan (Resume)`;
  if (p.workOffline || p.extendedStatus === 7)
    return `${name} sedang offline (tidak tersambung); nyalakan printernya dan periksa kabel atau jaringannya`;
  if (p.extendedStatus === 9 || p.extendedStatus === 11 || p.extendedStatus === 16 || p.detectedError === 10)
    return `${name} melaporkan kesalahan atau perlu diperiksa teknisi; periksa layar printernya`;
  return null;
}

/** What a failed program run means for the person at the desk. */
export function describeWindowsRunError(printer: string, program: 'powershell' | 'sumatra', err: unknown): string {
  const e = err as { code?: unknown; killed?: boolean; signal?: string | null; stderr?: string; message?: string };
  if (e.code === 'ENOENT')
    return program === 'powershell'
      ? 'PowerShell tidak ditemukan di komputer utama, jadi printer Windows tidak dapat dibaca; hubungi teknisi'
      : 'program cetak PDF (SumatraPDF dari paket pdf-to-printer) tidak ditemukan di komputer utama; pasang ulang Loket atau hubungi teknisi';
  if (e.killed || e.signal === 'SIGTERM')
    return program === 'powershell'
      ? 'daftar printer Windows tidak terbaca dalam waktu yang wajar; coba lagi'
      : `${printer ? `printer "${printer}"` : 'printer'} tidak menjawab dalam ${PRINT_TIMEOUT_MS / 1000} detik; periksa printernya lalu coba cetak lagi`;
  const detail = (e.stderr || e.message || String(err)).trim().split(/\r?\n/)[0]!.slice(0, 200);
  if (/access is denied|akses ditolak/i.test(detail)) return `Windows menolak akses ke printer "${printer}"; minta admin memeriksa izin printernya`;
  if (program === 'powershell') return `printer Windows tidak dapat dibaca (keterangan teknis: ${detail})`;
  const exit = typeof e.code === 'number' ? `SumatraPDF keluar dengan kode ${e.code}` : detail;
  return `printer "${printer}" menolak pekerjaan ini (keterangan teknis: ${exit})`;
}

/** Where pdf-to-printer's SumatraPDF is (outside app.asar in a packaged app); null when absent. */
export function bundledSumatraPath(): string | null {
  try {
    const require = createRequire(import.meta.url);
    let dir = join(dirname(require.resolve('pdf-to-printer/package.json')), 'dist');
    const unpacked = dir.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
    if (unpacked !== dir && existsSync(unpacked)) dir = unpacked;
    const exe = readdirSync(dir).find((f) => /^SumatraPDF.*\.exe$/i.test(f));
    return exe ? join(dir, exe) : null;
  } catch {
    return null;
  }
}

/** A file name the spooler shows as the document: the title in safe letters, plus a random tag. */
export function documentFileName(title: string): string {
  const safe = title.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'dokumen';
  return `loket-${safe}-${randomBytes(3).toString('hex')}.pdf`;
}

export interface WindowsPrinterOptions {
  run?: ExecRunner;
  /** SumatraPDF.exe; default LOKET_SUMATRAPDF, else the one pdf-to-printer ships. */
  sumatraPath?: string | null;
  powershell?: string;
  /** Where the PDF is written for SumatraPDF (a fresh folder inside, removed after). */
  tempRoot?: string;
}

export class WindowsSpoolerPrinter implements DocumentPrinter {
  private readonly run: ExecRunner;
  private readonly powershell: string;
  private readonly tempRoot: string;
  private readonly sumatra: string | null;

  constructor(opts: WindowsPrinterOptions = {}) {
    this.run = opts.run ?? execRunner;
    this.powershell = opts.powershell ?? 'powershell.exe';
    this.tempRoot = opts.tempRoot ?? tmpdir();
    this.sumatra = opts.sumatraPath !== undefined ? opts.sumatraPath : process.env.LOKET_SUMATRAPDF || bundledSumatraPath();
  }

  async states(): Promise<WindowsPrinterState[]> {
    let out: { stdout: string };
    try {
      out = await this.run(this.powershell, powershellArgs(listScript()), { timeoutMs: LIST_TIMEOUT_MS });
    } catch (err) {
      throw new PrinterError(describeWindowsRunError('', 'powershell', err));
    }
    return parsePrinterList(out.stdout);
  }

  async list(): Promise<PrinterInfo[]> {
    return (await this.states()).map((p) => ({ name: p.name, isDefault: p.isDefault }));
  }

  async print(printer: string, pdf: Uint8Array, title: string): Promise<string> {
    // Windows printer names ignore case.
    const state = (await this.states()).find((p) => p.name.toLowerCase() === printer.toLowerCase());
    if (!state) throw new PrinterError(`printer "${printer}" tidak ditemukan di Windows komputer utama; minta admin memilih printer lain di Admin → Perangkat`);
    const stopped = describeWindowsState(state);
    if (stopped) throw new PrinterError(stopped);
    if (!this.sumatra || !existsSync(this.sumatra)) throw new PrinterError(describeWindowsRunError(printer, 'sumatra', { code: 'ENOENT' }));
    const dir = await mkdtemp(join(this.tempRoot, 'loket-print-'));
    const name = documentFileName(title);
    const file = join(dir, name);
    try {
      await writeFile(file, pdf);
      try {
        await this.run(this.sumatra, sumatraArgs(state.name, file), { timeoutMs: PRINT_TIMEOUT_MS });
      } catch (err) {
        console.error(`[loket] SumatraPDF -print-to ${state.name} failed:`, (err as Error).message);
        throw new PrinterError(describeWindowsRunError(state.name, 'sumatra', err));
      }
      // The spooler took it. Its job number, when the job is still queued; a name otherwise.
      const job = await this.run(this.powershell, powershellArgs(jobIdScript(state.name, name)), { timeoutMs: LIST_TIMEOUT_MS }).catch(() => ({ stdout: '' }));
      return `${state.name}-${parseJobId(job.stdout) ?? name.replace(/\.pdf$/, '')}`;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
