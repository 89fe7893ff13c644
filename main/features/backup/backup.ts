// Admin → Cadangan: copies of the database, now and daily, each verified before older ones are
// deleted; and restoring one. The copying and checking run on a worker thread with its own SQLite
// connection (./workerSource.ts), so desks keep issuing and calling tickets meanwhile.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { BackupFile, BackupSettings, CallInput, CallOutput, Job } from '../../../common/contract/index';
import { officeDay, officeDayStart, officeTime } from '../../../common/domain/time';
import { AppFailure, audit, iso, newId, requireActor, type Ctx, type Deps } from '../../platform/context';
import { qb } from '../../platform/db';
import { migrate, MigrationError } from '../../platform/db/migrate';
import { JobCancelled } from '../../platform/jobs/runner';
import type { JobContext, JobFile } from '../../platform/jobs/types';
import { runInWorker, sqliteModulePaths } from '../../platform/jobs/worker';
import { officeTimeZone } from '../../platform/office';
import { readSetting, writeSetting } from '../../platform/settings';
import { BACKUP_WORKER_SOURCE, type VerifiedCounts, type WorkerLabels } from './workerSource';

export const BACKUP_KIND = 'backup.create';
export const RESTORE_KIND = 'backup.restore';

const KEY = {
  folder: 'backup.folder',
  dailyAt: 'backup.dailyAt',
  keep: 'backup.keep',
  lastBackupAt: 'backup.lastBackupAt',
  lastError: 'backup.lastError',
  /** The office day the daily backup was last attempted: one attempt a day, even when it fails. */
  lastDailyDay: 'backup.lastDailyDay',
} as const;

export const DEFAULT_KEEP = 7;
export const DEFAULT_FOLDER_NAME = 'cadangan';
/** `loket-YYYYMMDD-HHMMSS.sqlite` on the office clock, `-2`, `-3`… when two fall in one second. */
export const BACKUP_NAME = /^loket-(\d{8})-(\d{6})(?:-(\d+))?\.sqlite$/;
/** Pages copied per step of the online backup (4 KiB each): progress about every 4 MiB. */
const PAGES_PER_STEP = 1000;

const COPY_LABELS: WorkerLabels = {
  copy: 'Menyalin database…',
  verify: 'Memeriksa salinan…',
  corrupt: 'Salinan yang baru dibuat tidak lolos pemeriksaan keutuhan, jadi tidak disimpan. Salinan lama tidak dihapus. Coba lagi; bila terulang, periksa diska tujuan.',
  notLoket: 'Salinan yang baru dibuat tidak berisi data Loket yang lengkap, jadi tidak disimpan. Salinan lama tidak dihapus.',
  unreadable: 'Salinan yang baru dibuat tidak dapat dibuka untuk diperiksa, jadi tidak disimpan. Salinan lama tidak dihapus.',
  mismatch: 'Isi salinan tidak sama dengan database, jadi tidak disimpan. Salinan lama tidak dihapus. Coba lagi.',
};
const KEEP_ASIDE_LABELS: WorkerLabels = {
  ...COPY_LABELS,
  copy: 'Menyimpan database sekarang…',
  verify: 'Memeriksa simpanan database sekarang…',
  corrupt: 'Database sekarang tidak dapat disimpan dengan utuh, jadi pemulihan dibatalkan. Database tidak diubah.',
  unreadable: 'Database sekarang tidak dapat disimpan, jadi pemulihan dibatalkan. Database tidak diubah.',
  mismatch: 'Database sekarang tidak dapat disimpan dengan utuh, jadi pemulihan dibatalkan. Database tidak diubah.',
};
const RESTORE_CHECK_LABELS: WorkerLabels = {
  ...COPY_LABELS,
  corrupt: 'Salinan ini rusak (tidak lolos pemeriksaan keutuhan), jadi tidak dipulihkan. Database sekarang tidak diubah. Pilih salinan lain.',
  notLoket: 'Berkas ini bukan salinan database Loket, jadi tidak dipulihkan. Database sekarang tidak diubah. Pilih salinan lain.',
  unreadable: 'Salinan ini tidak dapat dibuka (rusak atau bukan database Loket), jadi tidak dipulihkan. Database sekarang tidak diubah. Pilih salinan lain.',
};

// ---- settings ------------------------------------------------------------------------------

export const defaultFolder = (deps: Pick<Deps, 'dataDir'>): string => join(deps.dataDir, DEFAULT_FOLDER_NAME);

export function readBackupSettings(deps: Pick<Deps, 'store' | 'dataDir'>): BackupSettings {
  const folder = readSetting(deps.store, KEY.folder);
  const dailyAt = readSetting(deps.store, KEY.dailyAt);
  const keep = Number(readSetting(deps.store, KEY.keep) ?? Number.NaN);
  return {
    folder: folder && isAbsolute(folder) ? folder : defaultFolder(deps),
    dailyAt: dailyAt && /^([01]\d|2[0-3]):[0-5]\d$/.test(dailyAt) ? dailyAt : null,
    keep: Number.isInteger(keep) && keep >= 1 && keep <= 365 ? keep : DEFAULT_KEEP,
  };
}

export function backupSettings(ctx: Ctx): CallOutput<'backup.settings'> {
  return {
    ...readBackupSettings(ctx),
    lastBackupAt: readSetting(ctx.store, KEY.lastBackupAt),
    lastError: readSetting(ctx.store, KEY.lastError),
  };
}

export function saveBackupSettings(ctx: Ctx, input: CallInput<'backup.saveSettings'>): BackupSettings {
  const folder = checkFolder(input.folder.trim());
  const saved: BackupSettings = { folder, dailyAt: input.dailyAt, keep: input.keep };
  ctx.store.tx((w) => {
    writeSetting(w, KEY.folder, saved.folder);
    writeSetting(w, KEY.dailyAt, saved.dailyAt);
    writeSetting(w, KEY.keep, String(saved.keep));
    audit(w, ctx, 'backup.saveSettings', 'settings', null, saved);
  });
  return saved;
}

const FOLDER_REASONS: Record<string, string> = {
  EACCES: 'tidak ada izin untuk menulis di sana',
  EPERM: 'tidak ada izin untuk menulis di sana',
  EROFS: 'diska itu hanya dapat dibaca',
  ENOSPC: 'diska itu penuh',
  ENOTDIR: 'sebagian jalurnya adalah berkas, bukan folder',
  EEXIST: 'sudah ada berkas dengan nama itu',
  ENOENT: 'diska atau folder induknya tidak ada (flashdisk atau diska jaringan belum tersambung?)',
};

/** The folder as an absolute path, created if need be and proven writable; VALIDATION otherwise. */
export function checkFolder(folder: string): string {
  if (!isAbsolute(folder))
    throw new AppFailure(
      'VALIDATION',
      'Tulis folder cadangan selengkapnya, mulai dari diskanya, misalnya E:\\Cadangan Loket atau /media/usb/cadangan-loket.',
      { folder: 'Tulis jalur lengkap folder, misalnya E:\\Cadangan Loket.' },
    );
  const dir = resolve(folder);
  const probe = join(dir, `.loket-uji-tulis-${newId()}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, 'loket');
    rmSync(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const reason = FOLDER_REASONS[code] ?? `kesalahan sistem ${code || (err as Error).message}`;
    throw new AppFailure(
      'VALIDATION',
      `Folder ${dir} tidak dapat dibuat atau ditulisi: ${reason}. Pilih folder lain, atau pastikan diskanya tersambung dan boleh ditulisi.`,
      { folder: `Folder tidak dapat dibuat atau ditulisi: ${reason}.` },
    );
  }
  return dir;
}

// ---- names and the list of copies ------------------------------------------------------------

/** `YYYYMMDD-HHMMSS` of `at` on the office clock. */
export function officeStamp(at: Date, tz: string): string {
  return `${officeDay(at, tz).replaceAll('-', '')}-${officeTime(at, tz, true).replaceAll('.', '')}`;
}

/** The instant a `YYYYMMDD-HHMMSS` office-clock stamp stands for. */
function stampInstant(day: string, time: string, tz: string, ref: Date): Date {
  const offsetMs = Date.parse(`${officeDay(ref, tz)}T00:00:00Z`) - officeDayStart(ref, tz).getTime();
  const n = (s: string, from: number, len: number) => Number(s.slice(from, from + len));
  return new Date(Date.UTC(n(day, 0, 4), n(day, 4, 2) - 1, n(day, 6, 2), n(time, 0, 2), n(time, 2, 2), n(time, 4, 2)) - offsetMs);
}

interface Copy {
  fileName: string;
  path: string;
  /** Sort key: stamp then sequence number. */
  order: string;
  day: string;
  time: string;
}

function copiesIn(folder: string): Copy[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const copies: Copy[] = [];
  for (const fileName of names) {
    const m = BACKUP_NAME.exec(fileName);
    if (!m) continue;
    const [, day, time, seq] = m as unknown as [string, string, string, string | undefined];
    copies.push({ fileName, path: join(folder, fileName), day, time, order: `${day}-${time}-${(seq ?? '1').padStart(6, '0')}` });
  }
  // Newest first.
  return copies.sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0));
}

export function listBackups(ctx: Pick<Deps, 'store' | 'dataDir' | 'now'>): BackupFile[] {
  const { folder } = readBackupSettings(ctx);
  const tz = officeTimeZone(ctx.store);
  const ref = ctx.now();
  const files: BackupFile[] = [];
  for (const c of copiesIn(folder)) {
    try {
      const st = statSync(c.path);
      if (!st.isFile()) continue;
      files.push({ fileName: c.fileName, sizeBytes: st.size, createdAt: iso(stampInstant(c.day, c.time, tz, ref)) });
    } catch {
      // deleted meanwhile
    }
  }
  return files;
}

function freeName(folder: string, stamp: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `loket-${stamp}.sqlite` : `loket-${stamp}-${n}.sqlite`;
    const taken = [name, `${name}.partial`].some((f) => {
      try {
        statSync(join(folder, f));
        return true;
      } catch {
        return false;
      }
    });
    if (!taken) return name;
  }
}

const removeWithSidecars = (file: string) => {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
};

/** Makes a rename durable where the OS allows syncing a folder (not on Windows, where it is not needed). */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported here
  }
}

/** Deletes the oldest copies beyond `keep`; only files named like ours. Answers the names deleted. */
export function pruneCopies(folder: string, keep: number): string[] {
  const removed: string[] = [];
  for (const c of copiesIn(folder).slice(keep)) {
    try {
      rmSync(c.path, { force: true });
      removed.push(c.fileName);
    } catch (err) {
      console.error(`[loket] cannot delete old backup ${c.path}`, err);
    }
  }
  return removed;
}

// ---- backing up ------------------------------------------------------------------------------

/** A job context whose progress runs from `from` to `to` of the job's. */
function scaled(ctx: JobContext, from: number, to: number): JobContext {
  return { signal: ctx.signal, publish: ctx.publish, progress: (f, m) => ctx.progress(from + f * (to - from), m) };
}

/** Copies `source` to `dest` with the online backup API on a worker thread, then verifies the copy. */
function copyDatabase(source: string, dest: string, labels: WorkerLabels, ctx: JobContext, failureCode: 'BACKUP_FAILED' | 'RESTORE_FAILED') {
  return runInWorker<VerifiedCounts>(
    BACKUP_WORKER_SOURCE,
    { op: 'backup', source, dest, labels, copyShare: 0.9, pagesPerStep: PAGES_PER_STEP, sqlite: sqliteModulePaths() },
    ctx,
    { failureCode },
  );
}

function recordOutcome(deps: Deps, patch: { lastBackupAt?: string; lastError: string | null }): void {
  try {
    deps.store.tx((w) => {
      if (patch.lastBackupAt) writeSetting(w, KEY.lastBackupAt, patch.lastBackupAt);
      writeSetting(w, KEY.lastError, patch.lastError);
    });
  } catch (err) {
    console.error('[loket] cannot record the backup outcome', err);
  }
}

const failureMessage = (err: unknown, fallback: string): string => (err instanceof AppFailure ? err.message : fallback);

/** The job: a verified copy in the folder, then the oldest beyond `keep` deleted. */
async function runBackup(deps: Deps, ctx: JobContext): Promise<JobFile> {
  const { folder, keep } = readBackupSettings(deps);
  let temp: string | null = null;
  try {
    checkFolder(folder);
    const name = freeName(folder, officeStamp(deps.now(), officeTimeZone(deps.store)));
    const path = join(folder, name);
    temp = `${path}.partial`;
    ctx.progress(0, `${COPY_LABELS.copy} 0%`);
    await copyDatabase(deps.dbFile, temp, COPY_LABELS, ctx, 'BACKUP_FAILED');
    if (ctx.signal.aborted) throw new JobCancelled();
    renameSync(temp, path);
    temp = null;
    syncFolder(folder);
    ctx.progress(0.97, 'Menghapus salinan lama…');
    pruneCopies(folder, keep);
    recordOutcome(deps, { lastBackupAt: iso(deps.now()), lastError: null });
    return { name, path, sizeBytes: statSync(path).size };
  } catch (err) {
    if (temp) removeWithSidecars(temp);
    if (err instanceof JobCancelled || ctx.signal.aborted) throw err;
    if (!(err instanceof AppFailure)) console.error('[loket] backup failed', err);
    const message = failureMessage(
      err,
      `Pencadangan gagal: ${(err as Error)?.message ?? String(err)}. Salinan lama tidak dihapus. Periksa folder cadangan, lalu coba lagi.`,
    );
    recordOutcome(deps, { lastError: message });
    throw err instanceof AppFailure ? err : new AppFailure('BACKUP_FAILED', message);
  }
}

/** Starts a backup job now (`startedBy` null: the daily schedule). JOB_BUSY while another backup or restore runs. */
export function startBackup(deps: Deps, startedBy: string | null): Job {
  // A folder that cannot be written is the admin's to fix: say so now, not in a failed job.
  if (startedBy !== null) checkFolder(readBackupSettings(deps).folder);
  return deps.jobs.start(BACKUP_KIND, (jc) => runBackup(deps, jc), { exclusive: true, startedBy });
}

// ---- restoring -------------------------------------------------------------------------------

/** The chosen copy's path: a bare name of ours, in the backup folder, that exists. */
function chosenCopy(deps: Deps, fileName: string): string {
  const bare = fileName === basename(fileName) && !/[\\/]/.test(fileName) && fileName !== '.' && fileName !== '..';
  if (!bare || !BACKUP_NAME.test(fileName))
    throw new AppFailure('VALIDATION', 'Pilih salinan dari daftar di Admin → Cadangan.', { fileName: 'Bukan nama salinan Loket di folder cadangan.' });
  const path = join(readBackupSettings(deps).folder, fileName);
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch {
    throw new AppFailure('VALIDATION', `Salinan ${fileName} tidak ada lagi di folder cadangan. Muat ulang daftar lalu pilih lagi.`, {
      fileName: 'Salinan tidak ditemukan.',
    });
  }
  return path;
}

async function runRestore(ctx: Ctx, copy: string, jc: JobContext): Promise<JobFile> {
  const fileName = basename(copy);
  // 1. The chosen copy must be whole before anything else happens.
  jc.progress(0.02, 'Memeriksa salinan yang dipilih…');
  const counts = await runInWorker<VerifiedCounts>(
    BACKUP_WORKER_SOURCE,
    { op: 'verify', file: copy, labels: RESTORE_CHECK_LABELS, sqlite: sqliteModulePaths() },
    jc,
    { failureCode: 'RESTORE_FAILED' },
  );
  if (jc.signal.aborted) throw new JobCancelled();

  // 2. The database as it is now goes aside (a verified copy too), so the restore can be undone.
  const asideName = `sebelum-pemulihan-${officeStamp(ctx.now(), officeTimeZone(ctx.store))}.sqlite`;
  const aside = join(ctx.dataDir, asideName);
  const asideTemp = `${aside}.partial`;
  try {
    await copyDatabase(ctx.dbFile, asideTemp, KEEP_ASIDE_LABELS, scaled(jc, 0.2, 0.8), 'RESTORE_FAILED');
    if (jc.signal.aborted) throw new JobCancelled();
    renameSync(asideTemp, aside);
  } catch (err) {
    removeWithSidecars(asideTemp);
    throw err;
  }

  // 3. The swap. From here on the job is not cancellable: it is one synchronous step.
  jc.progress(0.85, 'Memulihkan database…');
  // Where copies go and when is about this PC, not the office's data: it stays as it is now.
  const backupKeys = ctx.store.all(qb.selectFrom('settings').selectAll().where('key', 'like', 'backup.%'));
  try {
    ctx.store.replaceWith(copy, (store) => void migrate(store));
  } catch (err) {
    if (!(err instanceof MigrationError)) console.error('[loket] restore failed', err);
    throw new AppFailure(
      'RESTORE_FAILED',
      err instanceof MigrationError
        ? `Salinan ${fileName} tidak cocok dengan versi Loket ini: ${err.message} Database sekarang tidak diubah.`
        : `Pemulihan gagal: ${(err as Error)?.message ?? String(err)}. Database sekarang tidak diubah.`,
    );
  }
  ctx.store.tx((w) => {
    w.run(qb.deleteFrom('settings').where('key', 'like', 'backup.%'));
    for (const { key, value } of backupKeys) writeSetting(w, key, value);
    audit(w, ctx, 'backup.restore', 'database', null, { fileName, tickets: counts.tickets, keptAside: asideName });
  });
  // Every screen reloads what it shows from the restored database.
  jc.publish({ type: 'services.changed' });
  return { name: asideName, path: aside, sizeBytes: statSync(aside).size };
}

/** Starts a restore job; the current database is kept aside in the data folder first. */
export function startRestore(ctx: Ctx, input: CallInput<'backup.restore'>): Job {
  const actor = requireActor(ctx);
  const copy = chosenCopy(ctx, input.fileName);
  return ctx.jobs.start(RESTORE_KIND, (jc) => runRestore(ctx, copy, jc), { exclusive: true, startedBy: actor.user.id });
}

// ---- the daily backup ------------------------------------------------------------------------

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Starts the daily backup when it is due: a time is set, the office clock has passed it today, it
 * was not attempted yet today, and no verified copy was made today after that time. Answers
 * whether it started one. A busy runner (a backup started by hand) means: try again next minute.
 */
export function dailyBackupTick(deps: Deps): boolean {
  const { dailyAt } = readBackupSettings(deps);
  if (!dailyAt) return false;
  const tz = officeTimeZone(deps.store);
  const now = deps.now();
  const today = officeDay(now, tz);
  const nowMinutes = minutesOf(officeTime(now, tz).replace('.', ':'));
  if (nowMinutes < minutesOf(dailyAt)) return false;
  if (readSetting(deps.store, KEY.lastDailyDay) === today) return false;
  const last = readSetting(deps.store, KEY.lastBackupAt);
  if (last && officeDay(new Date(last), tz) === today && minutesOf(officeTime(last, tz).replace('.', ':')) >= minutesOf(dailyAt)) return false;
  try {
    startBackup(deps, null);
  } catch (err) {
    if (err instanceof AppFailure && err.code === 'JOB_BUSY') return false;
    throw err;
  }
  deps.store.tx((w) => writeSetting(w, KEY.lastDailyDay, today));
  return true;
}

/** Checks every minute (an unref'd timer: it never keeps the process alive). Answers the stop function. */
export function startBackupSchedule(deps: Deps, everyMs = 60_000): () => void {
  const tick = () => {
    try {
      dailyBackupTick(deps);
    } catch (err) {
      console.error('[loket] daily backup check failed', err);
    }
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
