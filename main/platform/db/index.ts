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
import { mkdirSync } from 'node:fs';
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

export class Store {
  readonly sqlite: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.sqlite = new Database(file);
    this.sqlite.pragma('journal_mode = WAL');
    // FULL: a committed ticket survives a power cut, not only a process crash.
    this.sqlite.pragma('synchronous = FULL');
    this.sqlite.pragma('foreign_keys = ON');
    this.sqlite.pragma('busy_timeout = 5000');
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

  run(query: Compilable<unknown>): number {
    const { stmt, params } = this.prepare(query);
    return stmt.run(...params).changes;
  }

  /** Runs fn in one IMMEDIATE transaction: the write lock is taken up front, so two hosts'
   *  processes or two requests never interleave a read-then-write. */
  tx<T>(fn: () => T): T {
    return this.sqlite.transaction(fn).immediate();
  }

  close(): void {
    this.sqlite.close();
  }
}
