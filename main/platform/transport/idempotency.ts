// Exactly-once calls (the rule is in common/contract/core.ts, EntryFlags.idempotent): the host keeps
// each requestId with the call's first answer, written in the same transaction as the use case, and
// answers a repeat with it instead of running the use case again.
//
// How the write lands in the use case's transaction: dispatch runs an idempotent handler inside an
// outer IMMEDIATE transaction (better-sqlite3 turns the use case's own store.tx into a savepoint in
// it), and records the answer before that outer transaction commits. The use case's rows and the
// request_log row therefore commit together or not at all: a host killed at any point either has
// both (the retry gets the first answer) or neither (the retry does the work, once).
//
// Handlers that await (password hashing) cannot run inside a synchronous transaction. For them the
// request is claimed (request_log row, no answer yet) inside the use case's own first transaction,
// through a store whose tx() adds the claim, and the answer is added right after. A repeat arriving
// before the answer is there, or for an entry flagged noReplay, gets DUPLICATE_REQUEST: the work is
// never done twice.
import { prepared, qb, type Store, type WriteDb } from '../db';
import { AppFailure, iso } from '../context';

/** How long a requestId is remembered: a retry comes within seconds or minutes, not days. */
export const REQUEST_LOG_KEEP_MS = 2 * 24 * 3600 * 1000;

export interface RequestKey {
  requestId: string;
  call: string;
  userId: string | null;
}

export type Remembered = { kind: 'none' } | { kind: 'answer'; value: unknown } | { kind: 'noAnswer' };

const REUSED = 'Kode permintaan ini sudah dipakai untuk tindakan lain. Muat ulang layar lalu coba lagi.';
export const DUPLICATE_MESSAGE = 'Permintaan ini sudah diproses sebelumnya dan tidak diulang. Muat ulang layar untuk melihat hasilnya.';

const LOGGED = prepared((p: { requestId: string }) => qb.selectFrom('request_log').selectAll().where('request_id', '=', p.requestId));
const LOG = prepared((p: { requestId: string; call: string; userId: string | null; result: string | null; at: string }) =>
  qb.insertInto('request_log')
    .values({ request_id: p.requestId, call: p.call, user_id: p.userId, result: p.result, at: p.at })
    .onConflict((oc) => oc.column('request_id').doUpdateSet({ result: p.result })),
);

/** What the log holds for this request: nothing, the first answer, or a claim without one. */
export function remembered(db: Pick<Store, 'first'>, key: RequestKey): Remembered {
  const row = db.first(LOGGED({ requestId: key.requestId }));
  if (!row) return { kind: 'none' };
  if (row.call !== key.call || row.user_id !== key.userId) throw new AppFailure('VALIDATION', REUSED, { requestId: REUSED });
  return row.result === null ? { kind: 'noAnswer' } : { kind: 'answer', value: JSON.parse(row.result) as unknown };
}

/** Records the request, with its answer unless `answer` is undefined (claimed only). */
export function remember(w: WriteDb, key: RequestKey, at: Date, answer: unknown): void {
  const result = answer === undefined ? null : JSON.stringify(answer);
  w.run(LOG({ requestId: key.requestId, call: key.call, userId: key.userId, result, at: iso(at) }));
}

/**
 * A view of `store` whose first transaction also claims the request (for handlers that await):
 * the claim commits with the use case's own writes. Everything else is the store itself.
 */
export function claimingStore(store: Store, key: RequestKey, now: () => Date): Store {
  let claimed = false;
  const view = Object.create(store) as Store;
  view.tx = <T>(fn: (w: WriteDb) => T): T =>
    store.tx((w) => {
      const value = fn(w);
      if (!claimed) {
        if (remembered(w, key).kind !== 'none') throw new AppFailure('DUPLICATE_REQUEST', DUPLICATE_MESSAGE);
        remember(w, key, now(), undefined);
        claimed = true;
      }
      return value;
    });
  return view;
}

/**
 * The store under a claiming view. Work an idempotent call starts and that outlives it (a job)
 * writes through this one: the request is remembered by then, and the view would refuse it.
 */
export function unclaimedStore(store: Store): Store {
  return Object.prototype.hasOwnProperty.call(store, 'tx') ? (Object.getPrototypeOf(store) as Store) : store;
}

/** Forgets requests older than REQUEST_LOG_KEEP_MS; run at start-up. Answers the rows removed. */
export function pruneRequestLog(store: Store, now: Date): number {
  return store.tx((w) => w.run(qb.deleteFrom('request_log').where('at', '<', iso(new Date(now.getTime() - REQUEST_LOG_KEEP_MS)))));
}
