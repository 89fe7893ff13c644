// Scan-to-folder network scanners: the device drops files into a shared folder; pressing Pindai
// takes what has arrived. A file is taken only once its size has stopped changing (network scanners
// write slowly), non-images are set aside with a message, and the same picture twice (by SHA-256)
// is taken once. Taken files move to `diambil/`, refused ones to `ditolak/`, so nothing is lost.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { sniffImage } from '../../../../common/domain/documents';
import { sha256Of } from '../../../platform/files';
import type { ScanRequest, ScanResult, ScannedPage, Scanner, ScannerCapabilities, ScannerDevice } from '../../../platform/ports';
import { fault } from './faults';

export interface WatchFolderOptions {
  folder: string;
  /** How long a file's size must stay the same before it is taken. */
  stableMs?: number;
  /** How long a press waits for the first file to arrive. */
  waitMs?: number;
  pollMs?: number;
}

export const TAKEN_DIR = 'diambil';
export const REFUSED_DIR = 'ditolak';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export class WatchFolderScanner implements Scanner {
  private readonly stableMs: number;
  private readonly waitMs: number;
  private readonly pollMs: number;

  constructor(private readonly opts: WatchFolderOptions) {
    this.stableMs = opts.stableMs ?? 1500;
    this.waitMs = opts.waitMs ?? 60_000;
    this.pollMs = opts.pollMs ?? 200;
  }

  async list(): Promise<ScannerDevice[]> {
    return existsSync(this.opts.folder) ? [{ id: this.opts.folder, vendor: '', model: 'Folder pindaian', kind: 'folder' }] : [];
  }

  async capabilities(): Promise<ScannerCapabilities> {
    return { resolutions: [], modes: ['gray', 'color'], sources: ['adf'], maxWidthMm: null, maxHeightMm: null };
  }

  private candidates(): string[] {
    return readdirSync(this.opts.folder, { withFileTypes: true })
      .filter((d) => d.isFile() && !d.name.startsWith('.') && !/\.(part|tmp|crdownload)$/i.test(d.name))
      .map((d) => d.name)
      .sort();
  }

  async scan(req: ScanRequest): Promise<ScanResult> {
    const folder = this.opts.folder;
    if (!folder || !existsSync(folder)) return { pages: [], fault: fault('SCANNER_NOT_FOUND', `folder ${folder || '(kosong)'} tidak ada`) };
    mkdirSync(req.outDir, { recursive: true });
    mkdirSync(join(folder, TAKEN_DIR), { recursive: true });
    mkdirSync(join(folder, REFUSED_DIR), { recursive: true });
    const sizes = new Map<string, { size: number; since: number }>();
    const pages: ScannedPage[] = [];
    const refused: string[] = [];
    const deadline = Date.now() + this.waitMs;
    // Wait for files, then take every one whose size held still for stableMs.
    for (;;) {
      if (req.signal?.aborted) return { pages, fault: fault('SCAN_CANCELLED'), refused };
      const now = Date.now();
      let waiting = 0;
      for (const name of this.candidates()) {
        const path = join(folder, name);
        let size: number;
        try {
          size = statSync(path).size;
        } catch {
          continue;
        }
        const seen = sizes.get(name);
        if (!seen || seen.size !== size || size === 0) {
          sizes.set(name, { size, since: now });
          waiting++;
          continue;
        }
        if (now - seen.since < this.stableMs) {
          waiting++;
          continue;
        }
        sizes.delete(name);
        const bytes = readFileSync(path);
        if (!sniffImage(bytes.subarray(0, 16))) {
          renameSync(path, join(folder, REFUSED_DIR, name));
          refused.push(name);
          continue;
        }
        const hash = sha256Of(bytes);
        const taken = join(folder, TAKEN_DIR, `${hash}${extname(name).toLowerCase()}`);
        if (existsSync(taken)) {
          // Already taken once: the duplicate goes beside it, not into the case again.
          renameSync(path, join(folder, TAKEN_DIR, `${hash}.duplikat-${Date.now()}${extname(name).toLowerCase()}`));
          continue;
        }
        const seq = pages.length + 1;
        const page = { seq, path: join(req.outDir, `p${String(seq).padStart(4, '0')}${extname(name).toLowerCase() || '.img'}`) };
        copyFileSync(path, page.path);
        renameSync(path, taken);
        pages.push(page);
        req.onPage?.(page);
      }
      // Done once something was taken and nothing more is on its way.
      if ((pages.length > 0 || refused.length > 0) && waiting === 0) break;
      if (Date.now() > deadline) break;
      await sleep(this.pollMs, req.signal);
    }
    if (pages.length === 0 && refused.length > 0) return { pages, fault: fault('NOT_AN_IMAGE', refused.join(', ')), refused };
    if (pages.length === 0) return { pages, fault: fault('ADF_EMPTY', 'belum ada berkas baru di folder pindaian; tekan tombol pindai di mesin pemindai dulu') };
    return { pages, fault: null, refused };
  }
}
