// Linux: SANE through `scanimage`. Discovery with `scanimage -f`, capabilities from `-A`, pages
// with `--batch` (one page on the flatbed, the whole feeder on the ADF) written as PNG; a page is
// handed on the moment scanimage reports it complete ("Scanned page N."), so the host stores page 1
// while the feeder pulls page 2. A fault ends the batch with the pages before it kept.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PAPER_SIZES } from '../../../../common/domain/documents';
import type { ScanFaultCode, ScanRequest, ScanResult, ScannedPage, Scanner, ScannerCapabilities, ScannerDevice } from '../../../platform/ports';
import { fault } from './faults';

export interface SaneOptions {
  /** The scanimage program (a test puts a fault-injecting wrapper here). */
  command?: string;
  /** Extra environment, e.g. a private SANE_CONFIG_DIR. */
  env?: NodeJS.ProcessEnv;
}

const LIST_FORMAT = '%d\t%v\t%m\t%t%n';

export function parseDeviceList(out: string): ScannerDevice[] {
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [id = '', vendor = '', model = '', kind = ''] = l.split('\t');
      return { id, vendor, model, kind };
    })
    .filter((d) => d.id !== '');
}

/** The option values scanimage -A lists, e.g. `--mode Gray|Color [Gray]` → ['Gray', 'Color']. */
function optionValues(help: string, option: string): string[] {
  const m = new RegExp(`^\\s*${option.replace(/-/g, '\\-')}\\s+(.+?)\\s*(\\[.*\\])?$`, 'm').exec(help);
  return m ? m[1]!.split('|').map((v) => v.trim()) : [];
}

export function parseCapabilities(help: string): ScannerCapabilities & { modeNames: Record<string, string>; sourceNames: Record<string, string> } {
  const modes = optionValues(help, '--mode');
  const sources = optionValues(help, '--source');
  const modeNames: Record<string, string> = {};
  for (const m of modes) {
    if (/gr[ae]y/i.test(m)) modeNames.gray ??= m;
    else if (/colou?r/i.test(m)) modeNames.color ??= m;
  }
  const sourceNames: Record<string, string> = {};
  for (const s of sources) {
    if (/adf|feeder/i.test(s)) sourceNames.adf ??= s;
    else if (/flatbed|platen|glass/i.test(s)) sourceNames.flatbed ??= s;
  }
  if (sources.length === 0) sourceNames.flatbed = '';
  const res = /^\s*--resolution\s+(\d+)\.\.(\d+)dpi/m.exec(help);
  const resList = /^\s*--resolution\s+([\d|]+)dpi/m.exec(help);
  const range = (flag: string) => {
    const m = new RegExp(`^\\s*${flag}\\s+[\\d.]+\\.\\.([\\d.]+)mm`, 'm').exec(help);
    return m ? Math.floor(Number(m[1])) : null;
  };
  return {
    resolutions: res ? { min: Number(res[1]), max: Number(res[2]) } : resList ? resList[1]!.split('|').map(Number) : [],
    modes: (['gray', 'color'] as const).filter((k) => modeNames[k]),
    sources: (['flatbed', 'adf'] as const).filter((k) => k in sourceNames),
    maxWidthMm: range('-x'),
    maxHeightMm: range('-y'),
    modeNames,
    sourceNames,
  };
}

/** scanimage's complaint → the fault the desk is told about. */
export function classifySaneError(stderr: string): ScanFaultCode {
  if (/jammed/i.test(stderr)) return 'SCANNER_JAMMED';
  if (/cover is open/i.test(stderr)) return 'SCANNER_COVER_OPEN';
  if (/out of documents|no documents|feeder empty/i.test(stderr)) return 'ADF_EMPTY';
  if (/device busy/i.test(stderr)) return 'SCANNER_BUSY';
  if (/cancell?ed/i.test(stderr)) return 'SCAN_CANCELLED';
  if (/open of device .* failed|no SANE devices found|Invalid argument|not found|ENOENT/i.test(stderr)) return 'SCANNER_NOT_FOUND';
  return 'SCAN_FAILED';
}

/** The scanimage arguments for one batch (device settings already resolved to the backend's words). */
export function saneArgs(req: ScanRequest, caps: ReturnType<typeof parseCapabilities>): string[] {
  const args = ['-d', req.device, '--format=png', `--batch=${join(req.outDir, 'p%04d.png')}`];
  const mode = caps.modeNames[req.mode];
  if (mode) args.push('--mode', mode);
  const source = caps.sourceNames[req.source];
  if (source) args.push('--source', source);
  args.push('--resolution', String(req.resolution));
  const [w, h] = PAPER_SIZES[req.paper];
  args.push('-x', String(caps.maxWidthMm ? Math.min(w, caps.maxWidthMm) : w), '-y', String(caps.maxHeightMm ? Math.min(h, caps.maxHeightMm) : h));
  // The flatbed holds one sheet: one page per press. The feeder goes until it is empty.
  if (req.source === 'flatbed') args.push('--batch-count=1');
  return args;
}

export class SaneScanner implements Scanner {
  private readonly command: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly caps = new Map<string, ReturnType<typeof parseCapabilities>>();

  constructor(opts: SaneOptions = {}) {
    this.command = opts.command ?? 'scanimage';
    this.env = { ...process.env, ...opts.env };
  }

  private run(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
    return new Promise((resolve) => {
      execFile(this.command, args, { env: this.env, timeout: 30_000 }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 127) : 0;
        resolve({ stdout: String(stdout), stderr: String(stderr) || (err && !stderr ? err.message : ''), code });
      });
    });
  }

  async list(): Promise<ScannerDevice[]> {
    return (await this.search()).devices;
  }

  /**
   * Discovery for Admin → Dokumen: the devices scanimage finds (`-f`, the formatted `-L`), and, when
   * it cannot search, why (no scanimage, SANE failing), in Indonesian.
   */
  async search(): Promise<{ devices: ScannerDevice[]; note: string | null }> {
    const r = await this.run(['-f', LIST_FORMAT]);
    if (r.code === 0) return { devices: parseDeviceList(r.stdout), note: null };
    if (r.code === 127 || /ENOENT/.test(r.stderr)) return { devices: [], note: 'Program scanimage tidak ada di komputer ini; pasang paket sane-utils untuk memakai pemindai SANE.' };
    const why = r.stderr.split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? `kode ${r.code}`;
    return { devices: [], note: `scanimage gagal mencari pemindai: ${why}` };
  }

  async capabilities(device: string): Promise<ScannerCapabilities> {
    return this.detailedCapabilities(device);
  }

  private async detailedCapabilities(device: string) {
    const known = this.caps.get(device);
    if (known) return known;
    const r = await this.run(['-d', device, '-A']);
    if (r.code !== 0) throw Object.assign(new Error(r.stderr), { fault: classifySaneError(r.stderr) });
    const caps = parseCapabilities(r.stdout);
    this.caps.set(device, caps);
    return caps;
  }

  async scan(req: ScanRequest): Promise<ScanResult> {
    mkdirSync(req.outDir, { recursive: true });
    let device = req.device;
    if (!device) {
      const first = (await this.list())[0];
      if (!first) return { pages: [], fault: fault('SCANNER_NOT_FOUND') };
      device = first.id;
    }
    let caps: ReturnType<typeof parseCapabilities>;
    try {
      caps = await this.detailedCapabilities(device);
    } catch (err) {
      return { pages: [], fault: fault((err as { fault?: ScanFaultCode }).fault ?? 'SCANNER_NOT_FOUND') };
    }
    if (req.source === 'adf' && !caps.sourceNames.adf) return { pages: [], fault: fault('ADF_EMPTY', 'pemindai ini tidak punya pengumpan kertas') };
    const args = saneArgs({ ...req, device }, caps);
    const pages: ScannedPage[] = [];
    return new Promise((resolve) => {
      const proc = spawn(this.command, args, { env: this.env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      let cancelled = false;
      const onAbort = () => {
        cancelled = true;
        // scanimage cancels the scan cleanly on SIGINT; a stuck one gets SIGKILL.
        proc.kill('SIGINT');
        setTimeout(() => proc.exitCode === null && proc.signalCode === null && proc.kill('SIGKILL'), 3000).unref();
      };
      req.signal?.addEventListener('abort', onAbort, { once: true });
      let pending = '';
      // scanimage reports "Scanned page N." and only then renames pN.png.part to pN.png: page N is
      // on disk once the next page starts, or the process has ended.
      let finished: number | null = null;
      const settle = () => {
        if (finished === null) return;
        const seq = finished;
        finished = null;
        const page = { seq, path: join(req.outDir, `p${String(seq).padStart(4, '0')}.png`) };
        if (!existsSync(page.path)) return;
        pages.push(page);
        req.onPage?.(page);
      };
      proc.stderr!.on('data', (b: Buffer) => {
        const text = b.toString();
        stderr += text;
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          if (/^Scanning page \d+/.test(line.trim())) settle();
          // Status 5 is SANE_STATUS_EOF: the page ended normally (a jam reports its page with another status).
          const m = /^Scanned page (\d+)\. \(scanner status = 5\)/.exec(line.trim());
          if (m) finished = Number(m[1]);
        }
      });
      proc.once('error', () => resolve({ pages, fault: fault('SCANNER_NOT_FOUND', 'program scanimage tidak ada; pasang paket sane-utils') }));
      proc.once('close', (code) => {
        req.signal?.removeEventListener('abort', onAbort);
        settle();
        // A page scanimage did not report complete is cut off: never stored.
        const kept = new Set(pages.map((p) => p.path));
        for (const f of readdirSync(req.outDir)) if (!kept.has(join(req.outDir, f))) rmSync(join(req.outDir, f), { force: true });
        if (cancelled) return resolve({ pages, fault: fault('SCAN_CANCELLED') });
        const kind = classifySaneError(stderr);
        // scanimage's own words for it: the line that named the fault, else its last complaint.
        const said = stderr.split('\n').filter((l) => l.startsWith('scanimage:'));
        const line = said.find((l) => classifySaneError(l) === kind) ?? said.pop() ?? '';
        const detail = /scanimage: (.*)/.exec(line)?.[1];
        // A jam or an open cover the device reported is a fault whatever scanimage's exit status: it
        // can end with 0 when a signal (SIGPIPE) interrupts its clean-up after the jam.
        if (kind === 'SCANNER_JAMMED' || kind === 'SCANNER_COVER_OPEN') return resolve({ pages, fault: fault(kind, detail) });
        // The feeder running out after pages is how an ADF batch ends.
        if (kind === 'ADF_EMPTY' && pages.length > 0) return resolve({ pages, fault: null });
        if (code === 0 && pages.length > 0) return resolve({ pages, fault: null });
        resolve({ pages, fault: fault(kind, detail) });
      });
    });
  }
}
