// One SQLite file per office host. Queries are built with kysely (typed) and executed
// synchronously by better-sqlite3, so a use case runs as one atomic, non-interleaved transaction.
import Database from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely';
import { close, closeSync, copyFileSync, fdatasync, fdatasyncSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import type { DB } from './schema';

export type { DB } from './schema';

/** Query builder only: it never executes anything itself. */
export const qb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const sidecars = (f: string) => [`${f}-wal`, `${f}-shm`, `${f}-journal`];
const removeWithSidecars = (f: string) => [f, ...sidecars(f)].forEach((x) => rmSync(x, { force: true }));

/** A descriptor of the WAL file for syncing it; null when there is none (nothing written yet). */
function openWal(file: string): number | null {
  try {
    return openSync(file, 'r+');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * A query without parameters compiled once, for the few that run on every request (the office
 * row, settings): kysely's building and compiling costs more than SQLite's answer to them.
 */
export function compiledOnce<R>(query: Compilable<R>): Compilable<R> {
  const compiled = query.compile();
  return { compile: () => compiled };
}

const SLOT = '\u0000loket-slot:';
const DATA_VERSION = 'PRAGMA data_version';

/**
 * A parameterised query built and compiled once, for the queries on every queue call (kysely's
 * building and compiling costs several times SQLite's answer to them). `build` receives one
 * placeholder per parameter and must use each only as a value (kysely binds values as `?`), never
 * in a condition of its own: it runs once, with placeholders, not with the real values.
 *
 *   const byId = prepared((p: { id: string }) => qb.selectFrom('tickets').selectAll().where('id', '=', p.id));
 *   store.first(byId({ id }));
 */
export function prepared<P extends Record<string, unknown>, R>(build: (p: P) => Compilable<R>): (args: P) => Compilable<R> {
  const used = new Set<string>();
  const placeholders = new Proxy({} as P, {
    get: (_t, key) => {
      if (typeof key !== 'string') return undefined;
      used.add(key);
      return SLOT + key;
    },
  });
  const compiled = build(placeholders).compile();
  if (compiled.sql.includes(SLOT)) throw new Error('prepared(): a placeholder ended up in the SQL text');
  const slots = compiled.parameters.map((v) => (typeof v === 'string' && v.startsWith(SLOT) ? v.slice(SLOT.length) : null));
  for (const key of used) if (!slots.includes(key)) throw new Error(`prepared(): ${key} is not a bound parameter`);
  const fixed = compiled.parameters;
  return (args) => {
    const parameters = slots.map((key, i) => (key === null ? fixed[i] : args[key]));
    const withArgs = { ...compiled, parameters };
    return { compile: () => withArgs };
  };
}

/** Reads: what every use case may do outside a transaction. */
export interface ReadDb {
  all<R>(query: Compilable<R>): R[];
  first<R>(query: Compilable<R>): R | undefined;
  /**
   * A value read from rows that change a few times a year (the office row), kept between requests
   * under `key` until whoever writes those rows calls `forget(key)` (WriteDb), a transaction rolls
   * back, another connection commits anything (SQLite's data_version) or the file is replaced.
   * The value is shared by every caller: never change it.
   */
  memo<T>(key: object, read: () => T): T;
}

declare const writeBrand: unique symbol;
/** Reads and writes: handed out only inside Store.tx, so a write outside a transaction does not compile. */
export interface WriteDb extends ReadDb {
  run(query: Compilable<unknown>): number;
  /** The rows behind a `memo` key were written: it is read again next time. */
  forget(key: object): void;
  readonly [writeBrand]: true;
}

export class Store implements ReadDb {
  private db: Database.Database;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = Store.open(file);
  }

  /** The open connection (a new one after replaceWith). */
  get sqlite(): Database.Database {
    return this.db;
  }

  private static open(file: string): Database.Database {
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      // FULL: a committed ticket survives a power cut, not only a process crash.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    } catch (err) {
      db.close();
      throw err;
    }
    return db;
  }

  /** Compiled statements by SQL text: the same few dozen queries run all day. */
  private readonly statements = new Map<string, Database.Statement>();

  private prepare(query: Compilable<unknown>): { stmt: Database.Statement; params: unknown[] } {
    const c = query.compile();
    let stmt = this.statements.get(c.sql);
    if (!stmt) {
      if (this.statements.size >= 500) this.statements.clear();
      stmt = this.sqlite.prepare(c.sql);
      this.statements.set(c.sql, stmt);
    }
    return { stmt, params: c.parameters as unknown[] };
  }

  all<R>(query: Compilable<R>): R[] {
    const { stmt, params } = this.prepare(query);
    return stmt.all(...params) as R[];
  }

  first<R>(query: Compilable<R>): R | undefined {
    const { stmt, params } = this.prepare(query);
    return stmt.get(...params) as R | undefined;
  }

  /** Only through a WriteDb, which only tx() hands out. */
  private run(query: Compilable<unknown>): number {
    if (!this.sqlite.inTransaction) throw new Error('write outside a transaction');
    const { stmt, params } = this.prepare(query);
    return stmt.run(...params).changes;
  }

  private readonly writer: WriteDb = {
    all: (q) => this.all(q),
    first: (q) => this.first(q),
    run: (q) => this.run(q),
    memo: (key, read) => this.memo(key, read),
    forget: (key) => void this.memos.values.delete(key),
  } as WriteDb;

  /** The memos (ReadDb.memo) and the data_version they were read at. One object, mutated in place:
   *  stores wrapped with Object.create (idempotency) share it instead of shadowing a field. */
  private readonly memos = { version: -1, values: new Map<object, unknown>() };

  memo<T>(key: object, read: () => T): T {
    const version = this.dataVersion();
    if (version !== this.memos.version) {
      this.memos.values.clear();
      this.memos.version = version;
    }
    if (this.memos.values.has(key)) return this.memos.values.get(key) as T;
    const value = read();
    this.memos.values.set(key, value);
    return value;
  }

  /** Changes whenever another connection (a worker, another process) commits to the file. */
  private dataVersion(): number {
    let stmt = this.statements.get(DATA_VERSION);
    if (!stmt) {
      stmt = this.sqlite.prepare(DATA_VERSION).pluck();
      this.statements.set(DATA_VERSION, stmt);
    }
    return stmt.get() as number;
  }

  /** A rollback may undo a write whose new value a memo already holds. */
  private forgetAll(): void {
    this.memos.values.clear();
    this.memos.version = -1;
  }

  /** Runs fn in one IMMEDIATE transaction: the write lock is taken up front, so two hosts'
   *  processes or two requests never interleave a read-then-write. The only way to write.
   *  Inside `grouped` (the host's requests) the transaction shares its COMMIT with the others of
   *  the same turn of the event loop; see there. */
  tx<T>(fn: (w: WriteDb) => T): T {
    if (this.groupCommit && this.grouping > 0) return this.groupTx(fn);
    // Whoever writes outside a request gets its own commit, after what the requests wrote.
    if (this.group) this.commitGroup();
    let result: T;
    try {
      result = this.sqlite.transaction(() => fn(this.writer)).immediate();
    } catch (err) {
      this.forgetAll();
      throw err;
    }
    if (this.flushesItself) {
      const fd = this.walDescriptor(`${this.file}-wal`);
      if (fd !== null) fdatasyncSync(fd);
    }
    this.checkpointer?.committed();
    return result;
  }

  /**
   * Group commit. With synchronous = FULL every COMMIT waits for the disk (an fsync, about 1 ms
   * on an office PC, far more than the work of a queue call): when 20 desks call at once, one
   * commit per call queues them behind each other's disk waits. With group commit on (the host
   * turns it on), the transactions of the requests that run in one turn of the event loop are
   * savepoints of one IMMEDIATE transaction that commits, once, when that turn ends
   * (setImmediate). Each use case still rolls back alone on error (its savepoint). Nothing may
   * be answered or published before `committed()` resolves: dispatch waits for it, so an answer
   * or an event always describes work that is on disk, exactly as before.
   *
   * The disk wait itself leaves the event loop too. In WAL mode, FULL is NORMAL plus a sync of the
   * WAL file after every COMMIT (sqlite.org/pragma.html#pragma_synchronous); with group commit
   * the connection runs NORMAL and the host does that sync itself, in libuv's thread pool
   * (`walFlusher`), and only then resolves the group's waiters. So what an answer describes is on
   * disk exactly as under FULL, while the next turn's requests run during the disk wait instead
   * of behind it. Writes outside requests (tx() with no group) sync the WAL before returning.
   */
  get groupCommit(): boolean {
    return this.grouped_;
  }
  set groupCommit(on: boolean) {
    this.commitGroup();
    this.grouped_ = on;
    this.applySynchronous();
  }
  private grouped_ = false;
  private grouping = 0;
  private group: { waiters: { resolve(): void; reject(err: unknown): void }[] } | null = null;
  /** The WAL sync of the newest committed group, while it is on its way to the disk. */
  private flushing: Promise<void> | null = null;

  /**
   * Syncs the WAL file to disk off the event loop (fdatasync in libuv's thread pool; replaceable
   * in tests). The descriptor stays open while the connection is: SQLite keeps its WAL file (the
   * same file, truncated at most) until the connection closes, and close() and replaceWith()
   * drop the descriptor first.
   */
  walFlusher: (walFile: string) => Promise<void> = (walFile) =>
    new Promise((resolve, reject) => {
      const fd = this.walDescriptor(walFile);
      if (fd === null) return resolve();
      fdatasync(fd, (err) => (err ? reject(err) : resolve()));
    });
  private walFd: number | null = null;

  private walDescriptor(walFile: string): number | null {
    if (this.walFd === null) this.walFd = openWal(walFile);
    return this.walFd;
  }

  /** Lets go of the WAL descriptor (before the connection closes and SQLite removes the file). */
  private dropWal(): void {
    if (this.walFd === null) return;
    const fd = this.walFd;
    this.walFd = null;
    // Syncs still queued on it finish first: fdatasync and close are queued in order on the thread
    // pool only per call, so close once they are done (a sync on a closed descriptor would fail).
    const pending = this.flushing;
    const closeIt = () => close(fd, () => {});
    if (pending) pending.then(closeIt, closeIt);
    else closeIt();
  }

  /** FULL unless this store syncs the WAL itself (group commit on a file database). */
  private get flushesItself(): boolean {
    return this.grouped_ && this.file !== ':memory:';
  }

  private applySynchronous(): void {
    this.db.pragma(`synchronous = ${this.flushesItself ? 'NORMAL' : 'FULL'}`);
  }

  /**
   * WAL checkpoints move to a thread of their own (./checkpointer.ts): the host's connection then
   * never copies the WAL back on a request's commit. The host turns this on with group commit.
   */
  checkpointInBackground(everyMs?: number): void {
    if (this.file === ':memory:' || this.checkpointer) return;
    this.checkpointer = startCheckpointer(this.file, everyMs);
    this.applyCheckpointing();
  }
  private checkpointer: Checkpointer | null = null;

  private applyCheckpointing(): void {
    this.db.pragma(`wal_autocheckpoint = ${this.checkpointer ? 0 : 1000}`);
  }

  /** Runs `fn` (a request's synchronous part) with its transactions in the current group. */
  grouped<T>(fn: () => T): T {
    this.grouping += 1;
    try {
      return fn();
    } finally {
      this.grouping -= 1;
    }
  }

  /**
   * Resolves when this turn's writes are on disk: the open group's commit and WAL sync, or, with
   * no group open, the sync of the last group still under way (a request whose writes committed
   * while it awaited something). Null when nothing is waiting for the disk.
   */
  committed(): Promise<void> | null {
    const group = this.group;
    if (!group) return this.flushing;
    return new Promise((resolve, reject) => group.waiters.push({ resolve, reject }));
  }

  private groupTx<T>(fn: (w: WriteDb) => T): T {
    // SQLite ended the group's transaction itself (an I/O error rolls back everything): what the
    // group's requests wrote is gone, so they fail, and a new group starts.
    if (this.group && !this.sqlite.inTransaction) this.failGroup(new Error('the group transaction was rolled back'));
    if (!this.group) {
      this.sqlite.exec('BEGIN IMMEDIATE');
      this.group = { waiters: [] };
      setImmediate(() => this.commitGroup());
    }
    // Nested in the open transaction, better-sqlite3 runs fn in a savepoint.
    try {
      return this.sqlite.transaction(() => fn(this.writer))();
    } catch (err) {
      this.forgetAll();
      throw err;
    }
  }

  /** Commits the open group now (before a write outside requests, closing or replacing the file). */
  private commitGroup(): void {
    const group = this.group;
    if (!group) return;
    try {
      this.sqlite.exec('COMMIT');
    } catch (err) {
      this.failGroup(err);
      return;
    }
    this.group = null;
    this.checkpointer?.committed();
    if (!this.flushesItself) {
      for (const w of group.waiters) w.resolve();
      return;
    }
    const flushed = this.walFlusher(`${this.file}-wal`);
    this.flushing = flushed;
    const settle = () => {
      if (this.flushing === flushed) this.flushing = null;
    };
    flushed.then(
      () => {
        settle();
        for (const w of group.waiters) w.resolve();
      },
      (err: unknown) => {
        settle();
        console.error('[loket] the database log could not be written to disk', err);
        for (const w of group.waiters) w.reject(err);
      },
    );
  }

  private failGroup(err: unknown): void {
    const group = this.group;
    this.group = null;
    this.forgetAll();
    try {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
    } catch {
      // the connection rolled back already
    }
    for (const w of group?.waiters ?? []) w.reject(err);
  }

  close(): void {
    this.commitGroup();
    this.checkpointer?.stop();
    this.checkpointer = null;
    this.dropWal();
    this.db.close();
  }

  /**
   * Replaces the whole database with `copy` (a verified backup, not in use by anyone): copies it
   * next to the database file, closes the connection (which checkpoints and ends the WAL), swaps the
   * files by rename, reopens with the same pragmas and runs `afterOpen` (the caller's migrations).
   * Should the copy not open or `afterOpen` throw, the previous database is put back and reopened
   * and the error is rethrown: the host is never left without its database. Synchronous, so no
   * request runs in between; call it outside any transaction.
   */
  replaceWith(copy: string, afterOpen: (store: Store) => void = () => {}): void {
    if (this.file === ':memory:') throw new Error('an in-memory database cannot be replaced');
    this.commitGroup();
    if (this.db.inTransaction) throw new Error('replaceWith inside a transaction');
    const incoming = `${this.file}.restore-tmp`;
    const previous = `${this.file}.before-restore`;
    removeWithSidecars(incoming);
    copyFileSync(copy, incoming);
    const fd = openSync(incoming, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // No checkpoint of the old file may run while it is swapped out: paused until the new one is open.
    this.checkpointer?.pause();
    try {
      this.swapIn(incoming, previous, afterOpen);
    } finally {
      this.checkpointer?.resume();
    }
  }

  /** Opens the file again with this store's settings (group commit, background checkpoints). */
  private reopen(): void {
    this.forgetAll();
    this.db = Store.open(this.file);
    this.applySynchronous();
    this.applyCheckpointing();
  }

  /** Closes the connection, puts `incoming` in place of the file (keeping it as `previous` until the new one opens) and reopens. */
  private swapIn(incoming: string, previous: string, afterOpen: (store: Store) => void): void {
    this.dropWal();
    this.db.close();
    this.statements.clear();
    removeWithSidecars(previous);
    renameSync(this.file, previous);
    // A clean close leaves no WAL; anything left belongs to the old file and must not meet the new one.
    sidecars(this.file).forEach((x) => rmSync(x, { force: true }));
    renameSync(incoming, this.file);
    try {
      this.reopen();
      afterOpen(this);
    } catch (err) {
      try {
        if (this.db.open) this.db.close();
      } catch {
        // already unusable; the previous file goes back regardless
      }
      this.statements.clear();
      removeWithSidecars(this.file);
      renameSync(previous, this.file);
      this.reopen();
      throw err;
    }
    rmSync(previous, { force: true });
  }
}
