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
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
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

/** Reads: what every use case may do outside a transaction. */
export interface ReadDb {
  all<R>(query: Compilable<R>): R[];
  first<R>(query: Compilable<R>): R | undefined;
}

declare const writeBrand: unique symbol;
/** Reads and writes: handed out only inside Store.tx, so a write outside a transaction does not compile. */
export interface WriteDb extends ReadDb {
  run(query: Compilable<unknown>): number;
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
  } as WriteDb;

  /** Runs fn in one IMMEDIATE transaction: the write lock is taken up front, so two hosts'
   *  processes or two requests never interleave a read-then-write. The only way to write.
   *  Inside `grouped` (the host's requests) the transaction shares its COMMIT with the others of
   *  the same turn of the event loop; see there. */
  tx<T>(fn: (w: WriteDb) => T): T {
    if (this.groupCommit && this.grouping > 0) return this.groupTx(fn);
    // Whoever writes outside a request gets its own commit, after what the requests wrote.
    if (this.group) this.commitGroup();
    return this.sqlite.transaction(() => fn(this.writer)).immediate();
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
   */
  groupCommit = false;
  private grouping = 0;
  private group: { waiters: { resolve(): void; reject(err: unknown): void }[] } | null = null;

  /** Runs `fn` (a request's synchronous part) with its transactions in the current group. */
  grouped<T>(fn: () => T): T {
    this.grouping += 1;
    try {
      return fn();
    } finally {
      this.grouping -= 1;
    }
  }

  /** Resolves when the group holding this turn's writes is on disk; null when nothing waits. */
  committed(): Promise<void> | null {
    const group = this.group;
    if (!group) return null;
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
    return this.sqlite.transaction(() => fn(this.writer))();
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
    for (const w of group.waiters) w.resolve();
  }

  private failGroup(err: unknown): void {
    const group = this.group;
    this.group = null;
    try {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
    } catch {
      // the connection rolled back already
    }
    for (const w of group?.waiters ?? []) w.reject(err);
  }

  close(): void {
    this.commitGroup();
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
    const sidecars = (f: string) => [`${f}-wal`, `${f}-shm`, `${f}-journal`];
    const removeWithSidecars = (f: string) => [f, ...sidecars(f)].forEach((x) => rmSync(x, { force: true }));
    removeWithSidecars(incoming);
    copyFileSync(copy, incoming);
    const fd = openSync(incoming, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.db.close();
    this.statements.clear();
    removeWithSidecars(previous);
    renameSync(this.file, previous);
    // A clean close leaves no WAL; anything left belongs to the old file and must not meet the new one.
    sidecars(this.file).forEach((x) => rmSync(x, { force: true }));
    renameSync(incoming, this.file);
    try {
      this.db = Store.open(this.file);
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
      this.db = Store.open(this.file);
      throw err;
    }
    rmSync(previous, { force: true });
  }
}
