// Windows (and Linux/macOS) with NAPS2 installed: its console program drives WIA, TWAIN or eSCL
// (network scanners) without a dialog. `--listdevices` names the devices; a scan writes numbered
// PNGs (`$(nnnn)` in the output name) and the files found afterwards are the pages. Not runnable
// here: the unit tests check the command lines and the parsing; the README says how to try it.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanFaultCode, ScanRequest, ScanResult, Scanner, ScannerCapabilities, ScannerDevice } from '../../../platform/ports';
import { fault } from './faults';

export const NAPS2_DEFAULT = 'C:\\Program Files\\NAPS2\\NAPS2.Console.exe';
export type Naps2Driver = 'wia' | 'twain' | 'escl' | 'sane';

export function naps2ListArgs(driver: Naps2Driver): string[] {
  return ['--listdevices', '--driver', driver];
}

/** A device setting of the form `twain:Canon DR-C225` picks the driver; a bare name uses WIA. */
export function splitDevice(device: string): { driver: Naps2Driver; name: string } {
  const m = /^(wia|twain|escl|sane):(.*)$/i.exec(device);
  return m ? { driver: m[1]!.toLowerCase() as Naps2Driver, name: m[2]! } : { driver: 'wia', name: device };
}

export function naps2ScanArgs(req: ScanRequest): string[] {
  const { driver, name } = splitDevice(req.device);
  const args = ['-o', join(req.outDir, 'p$(nnnn).png'), '--noprofile', '--driver', driver];
  if (name) args.push('--device', name);
  args.push('--source', req.source === 'adf' ? 'feeder' : 'glass', '--dpi', String(req.resolution), '--bitdepth', req.mode === 'color' ? 'color' : 'gray', '--pagesize', req.paper.toLowerCase(), '--force', '-v');
  return args;
}

export function parseNaps2Devices(out: string): ScannerDevice[] {
  return out
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^(NAPS2|Usage|Error)/i.test(l))
    .map((l) => ({ id: l, vendor: '', model: l, kind: 'scanner' }));
}

/** NAPS2's messages (its English UI strings) → the fault the desk is told about. */
export function classifyNaps2(out: string): ScanFaultCode | null {
  if (/paper jam|jammed/i.test(out)) return 'SCANNER_JAMMED';
  if (/feeder is empty|no pages are in the feeder|out of paper/i.test(out)) return 'ADF_EMPTY';
  if (/busy|in use/i.test(out)) return 'SCANNER_BUSY';
  if (/cover (is )?open/i.test(out)) return 'SCANNER_COVER_OPEN';
  if (/no (scanning )?device|device not found|could not be found|offline/i.test(out)) return 'SCANNER_NOT_FOUND';
  if (/cancel/i.test(out)) return 'SCAN_CANCELLED';
  if (/error|exception/i.test(out)) return 'SCAN_FAILED';
  return null;
}

export class Naps2Scanner implements Scanner {
  constructor(private readonly program = process.env.LOKET_NAPS2 || NAPS2_DEFAULT) {}

  private run(args: string[]): Promise<string> {
    return new Promise((resolve) => execFile(this.program, args, { windowsHide: true, timeout: 10 * 60_000 }, (err, stdout, stderr) => resolve(`${stdout ?? ''}\n${stderr ?? ''}\n${err && !stderr ? err.message : ''}`)));
  }

  async list(): Promise<ScannerDevice[]> {
    const all: ScannerDevice[] = [];
    for (const d of ['wia', 'twain', 'escl'] as const) all.push(...parseNaps2Devices(await this.run(naps2ListArgs(d))).map((x) => ({ ...x, id: `${d}:${x.id}` })));
    return all;
  }

  async capabilities(): Promise<ScannerCapabilities> {
    return { resolutions: [100, 150, 200, 300, 600], modes: ['gray', 'color'], sources: ['flatbed', 'adf'], maxWidthMm: null, maxHeightMm: null };
  }

  async scan(req: ScanRequest): Promise<ScanResult> {
    if (!existsSync(this.program)) return { pages: [], fault: fault('SCANNER_NOT_FOUND', `NAPS2 tidak terpasang (${this.program})`) };
    const out = await this.run(naps2ScanArgs(req));
    const pages = existsSync(req.outDir)
      ? readdirSync(req.outDir).filter((f) => /^p\d+\.png$/.test(f)).sort().map((f, i) => ({ seq: i + 1, path: join(req.outDir, f) }))
      : [];
    for (const p of pages) req.onPage?.(p);
    const kind = classifyNaps2(out);
    if (kind === 'ADF_EMPTY' && pages.length > 0) return { pages, fault: null };
    return { pages, fault: kind ? fault(kind) : pages.length ? null : fault('SCAN_FAILED') };
  }
}
