// The orphan sweep of the content store (<data>/files): a stored file no row refers to (an upload
// cut off before its page row, a thrown-away inbox file, a PDF remade since) is removed once it is
// older than a grace period (24 hours), so a file on its way in (stored, its row not yet written)
// is never touched. References are read from every column of the database named like `*sha256`
// (pages, thumbnails, PDFs, letters' archived PDFs, uploads in progress), so a feature that adds
// one keeps its files without telling this sweep. Unfinished upload parts and temporary files
// older than the grace period go too. Only counts are logged: names are hashes of personal scans.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Deps } from '../../platform/context';

export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;
const HASH = /^[0-9a-f]{64}$/;
const SHARD = /^[0-9a-f]{2}$/;

export interface SweepResult {
  /** Files removed, and their bytes. */
  removed: number;
  removedBytes: number;
  /** Files no row refers to, kept because they are younger than the grace period. */
  young: number;
  /** Files rows refer to. */
  referenced: number;
  /** Upload parts and temporary files removed. */
  leftovers: number;
}

/** Every hash any row refers to, from every `*sha256` column of every table. */
export function referencedHashes(store: Deps['store']): Set<string> {
  const db = store.sqlite;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  const out = new Set<string>();
  for (const { name } of tables) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[];
    for (const c of columns) {
      if (!/sha256$/i.test(c.name)) continue;
      const q = `SELECT DISTINCT "${c.name.replace(/"/g, '""')}" AS h FROM "${name.replace(/"/g, '""')}" WHERE "${c.name.replace(/"/g, '""')}" IS NOT NULL`;
      for (const row of db.prepare(q).iterate() as Iterable<{ h: unknown }>) if (typeof row.h === 'string') out.add(row.h.toLowerCase());
    }
  }
  return out;
}

const olderThan = (path: string, cutoff: number): { old: boolean; size: number } | null => {
  try {
    const st = statSync(path);
    return { old: st.mtimeMs < cutoff, size: st.size };
  } catch {
    return null;
  }
};

/**
 * One sweep. `nowMs` is the file system's clock (file times are real times, whatever the office
 * clock of a test says).
 */
export function sweepOrphanFiles(deps: Pick<Deps, 'store' | 'dataDir'>, opts: { graceMs?: number; nowMs?: number } = {}): SweepResult {
  const cutoff = (opts.nowMs ?? Date.now()) - (opts.graceMs ?? ORPHAN_GRACE_MS);
  const result: SweepResult = { removed: 0, removedBytes: 0, young: 0, referenced: 0, leftovers: 0 };
  const root = join(deps.dataDir, 'files');
  // Old candidates first, then the references: a file stored and referenced meanwhile is kept.
  const candidates: { path: string; hash: string; size: number }[] = [];
  const unreferencedYoung: string[] = [];
  if (existsSync(root)) {
    for (const shard of readdirSync(root)) {
      const dir = join(root, shard);
      if (!SHARD.test(shard)) {
        // The store's own temporary files (`.<id>.tmp`), left by a write cut off.
        const st = shard.endsWith('.tmp') ? olderThan(dir, cutoff) : null;
        if (st?.old) {
          rmSync(dir, { force: true });
          result.leftovers++;
        }
        continue;
      }
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        if (!HASH.test(name)) continue;
        const st = olderThan(join(dir, name), cutoff);
        if (!st) continue;
        if (st.old) candidates.push({ path: join(dir, name), hash: name, size: st.size });
        else unreferencedYoung.push(name);
      }
    }
  }
  const refs = referencedHashes(deps.store);
  for (const name of unreferencedYoung) {
    if (refs.has(name)) result.referenced++;
    else result.young++;
  }
  for (const c of candidates) {
    if (refs.has(c.hash)) {
      result.referenced++;
      continue;
    }
    rmSync(c.path, { force: true });
    result.removed++;
    result.removedBytes += c.size;
  }
  // Uploads cut off and not resumed for the grace period: their parts go (each chunk renews a
  // part's time; the row stays, and a later resume starts the file again from its first byte).
  const uploads = join(deps.dataDir, 'uploads');
  if (existsSync(uploads)) {
    for (const name of readdirSync(uploads)) {
      if (!name.endsWith('.part')) continue;
      if (olderThan(join(uploads, name), cutoff)?.old) {
        rmSync(join(uploads, name), { force: true });
        result.leftovers++;
      }
    }
  }
  return result;
}

export interface OrphanSweepOptions {
  graceMs?: number;
  /** First sweep this long after start, then every `everyMs`. */
  firstMs?: number;
  everyMs?: number;
  log?: (line: string) => void;
}

/** The periodic sweep of a running host; answers the stop. */
export function startOrphanSweep(deps: Pick<Deps, 'store' | 'dataDir'>, opts: OrphanSweepOptions = {}): () => void {
  const log = opts.log ?? ((line) => console.info(line));
  const run = () => {
    try {
      const r = sweepOrphanFiles(deps, { graceMs: opts.graceMs ?? ORPHAN_GRACE_MS });
      if (r.removed || r.leftovers)
        log(`[loket] pembersihan berkas: ${r.removed} berkas tanpa rujukan dihapus (${Math.round(r.removedBytes / 1024)} KB), ${r.leftovers} sisa unggahan/sementara dihapus, ${r.young} berkas baru dibiarkan`);
    } catch (err) {
      console.error('[loket] orphan file sweep failed', (err as Error).message);
    }
  };
  let every: NodeJS.Timeout | null = null;
  const first = setTimeout(() => {
    run();
    every = setInterval(run, opts.everyMs ?? 6 * 60 * 60 * 1000);
    every.unref();
  }, opts.firstMs ?? 10 * 60 * 1000);
  first.unref();
  return () => {
    clearTimeout(first);
    if (every) clearInterval(every);
  };
}
