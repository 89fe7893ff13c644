// Document printers behind one interface. The CUPS adapter drives the system's `lp`/`lpstat`
// (Linux, macOS, any PC with CUPS); the Windows spooler's is ./windowsPrinter.ts, and
// ./systemPrinter.ts chooses between them by platform.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

import type { DocumentPrinter, PrinterInfo } from '../../platform/ports';
export type { DocumentPrinter, PrinterInfo };

export class PrinterError extends Error {}

/** CUPS through its command-line clients. `server` (host:port or socket path) selects a private
 *  cupsd, as the device tests do; by default the system's. */
export class CupsPrinter implements DocumentPrinter {
  constructor(private readonly server?: string) {}

  private env(): NodeJS.ProcessEnv {
    return this.server ? { ...process.env, CUPS_SERVER: this.server } : process.env;
  }

  async list(): Promise<PrinterInfo[]> {
    try {
      const [names, def] = await Promise.all([
        run('lpstat', ['-e'], { env: this.env(), timeout: 10_000 }),
        run('lpstat', ['-d'], { env: this.env(), timeout: 10_000 }).catch(() => ({ stdout: '' })),
      ]);
      const defaultName = /:\s*(\S+)\s*$/.exec(def.stdout.trim())?.[1] ?? null;
      return names.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((name) => ({ name, isDefault: name === defaultName }));
    } catch (err) {
      throw new PrinterError(`Daftar printer tidak dapat dibaca dari CUPS: ${(err as Error).message}`);
    }
  }

  async print(printer: string, pdf: Uint8Array, title: string): Promise<string> {
    // A stopped (disabled) queue still accepts jobs and holds them: nothing would come out while
    // the screen said "dicetak". Refuse up front instead, so the caller reports it.
    const state = await run('lpstat', ['-p', printer], { env: this.env(), timeout: 10_000 }).catch(() => null);
    if (state && /\bdisabled\b/.test(state.stdout)) throw new PrinterError(describeSpoolerError(printer, 'disabled'));
    const dir = await mkdtemp(join(tmpdir(), 'loket-print-'));
    const file = join(dir, 'dokumen.pdf');
    try {
      await writeFile(file, pdf);
      const { stdout } = await run('lp', ['-d', printer, '-t', title, file], { env: this.env(), timeout: 30_000 });
      const id = /request id is (\S+)/.exec(stdout)?.[1];
      if (!id) throw new PrinterError(`Printer ${printer} tidak memberi nomor pekerjaan: ${stdout.trim()}`);
      return id;
    } catch (err) {
      if (err instanceof PrinterError) throw err;
      const detail = ((err as { stderr?: string }).stderr || (err as Error).message).trim();
      console.error(`[loket] lp -d ${printer} failed: ${detail}`);
      throw new PrinterError(describeSpoolerError(printer, detail));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** The spooler speaks English; the person at the desk gets what it means and what to do. */
export function describeSpoolerError(printer: string, detail: string): string {
  if (/does not exist|not found|Unknown printer/i.test(detail))
    return `printer "${printer}" tidak ditemukan di komputer utama; minta admin memilih printer lain di Admin → Perangkat`;
  if (/not accepting|disabled|stopped|paused/i.test(detail))
    return `printer "${printer}" sedang dihentikan atau tidak menerima pekerjaan; periksa kertas dan nyalakan kembali printernya`;
  if (/connect|refused|No such file|ENOENT|server/i.test(detail))
    return 'layanan cetak (CUPS) di komputer utama tidak berjalan atau belum terpasang';
  return `printer "${printer}" menolak pekerjaan ini (keterangan teknis: ${detail})`;
}
