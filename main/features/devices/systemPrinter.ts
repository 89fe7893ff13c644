// Which document printer the host uses, by operating system, said once and tested
// (tests/unit/printerWindows.test.ts passes the platform in):
//  - win32: the Windows print spooler (WindowsSpoolerPrinter: PowerShell lists, SumatraPDF prints);
//  - everything else (Linux, macOS, the BSDs): CUPS (CupsPrinter: `lpstat`, `lp`).
// Letters and the PDF tickets go through whichever this answers, behind the one DocumentPrinter.
import type { DocumentPrinter } from '../../platform/ports';
import { CupsPrinter } from './printer';
import { WindowsSpoolerPrinter, type WindowsPrinterOptions } from './windowsPrinter';

export type PrinterSystem = 'cups' | 'windows';

export function printerSystemFor(platform: NodeJS.Platform): PrinterSystem {
  return platform === 'win32' ? 'windows' : 'cups';
}

export interface SystemPrinterOptions {
  /** A CUPS server (host:port or socket) instead of the system's: LOKET_CUPS_SERVER. */
  cupsServer?: string | undefined;
  windows?: WindowsPrinterOptions;
}

export function documentPrinterFor(platform: NodeJS.Platform, opts: SystemPrinterOptions = {}): DocumentPrinter {
  return printerSystemFor(platform) === 'windows' ? new WindowsSpoolerPrinter(opts.windows) : new CupsPrinter(opts.cupsServer);
}
