// A small content-addressed file store under the data folder: each file is kept once, named by the
// SHA-256 of its bytes (`<dataDir>/files/ab/<sha256>`), written to a temporary name, flushed and
// renamed into place, and never changed afterwards. The database refers to files by hash; the same
// bytes stored twice are one file. Scans and photos use it; letters and exports can too.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';

export interface StoredFile {
  sha256: string;
  size: number;
}

const HASH = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** SHA-256 of a file on disk, read in pieces. */
export function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

export class FileStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'files');
  }

  pathOf(sha256: string): string {
    if (!HASH.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** Stores the bytes (once) and answers their hash. Durable when it returns. */
  put(bytes: Uint8Array): StoredFile {
    const sha256 = sha256Of(bytes);
    const dest = this.pathOf(sha256);
    if (existsSync(dest)) return this.reused(dest, sha256);
    mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
    const tmp = join(this.root, `.${uuidv7()}.tmp`);
    const fd = openSync(tmp, 'w');
    try {
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      renameSync(tmp, dest);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
    return { sha256, size: bytes.length };
  }

  /**
   * Moves a finished file (an upload whose hash was checked) into the store under `sha256`. The
   * caller has verified the hash; an existing copy wins and the source is removed.
   */
  adopt(path: string, sha256: string): StoredFile {
    const dest = this.pathOf(sha256);
    if (existsSync(dest)) {
      rmSync(path, { force: true });
      return this.reused(dest, sha256);
    }
    mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
    const fd = openSync(path, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(path, dest);
    return { sha256, size: statSync(dest).size };
  }

  /**
   * The same bytes stored again: the file's time is renewed, so the orphan sweep (which removes
   * unreferenced files older than its grace period) never takes a file just handed out again.
   */
  private reused(dest: string, sha256: string): StoredFile {
    const now = new Date();
    try {
      utimesSync(dest, now, now);
    } catch {
      // A read-only store still serves the file; the sweep's grace period is then the only guard.
    }
    return { sha256, size: statSync(dest).size };
  }

  read(sha256: string): Buffer {
    return readFileSync(this.pathOf(sha256));
  }
}
