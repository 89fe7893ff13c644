// The desk side of P5: the write path refuses to move a record's status backward or sideways,
// and a downloaded record never moves the local status backward either. A table of its own,
// registered as active for this test, so the rule is checked apart from any feature's schema.
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../main/platform/db';
import { migrate } from '../../main/platform/db/migrate';
import type { SyncedTable } from '../../common/sync/tables';
import { tempDir } from '../helpers/host';

const items: SyncedTable = {
  name: 'sync_test_items',
  statusField: 'status',
  statusOrder: ['baru', 'diproses', 'selesai', 'batal'],
  fields: z.looseObject({ id: z.string(), status: z.enum(['baru', 'diproses', 'selesai', 'batal']), note: z.string().optional(), created_at: z.string(), updated_at: z.string() }),
};

vi.mock('../../main/platform/sync/registry', () => ({
  ACTIVE_SYNCED_TABLES: [items],
  PENDING_SYNCED_TABLES: [],
  activeTable: (name: string) => (name === items.name ? items : undefined),
}));

const { installSyncGuards, syncInsert, syncPatch, syncStatus, GUARD_MESSAGE } = await import('../../main/platform/sync');
const { applyDownloaded } = await import('../../main/platform/sync/writePath');

let store: Store | null = null;
afterEach(() => {
  store?.close();
  store = null;
});

function open(): Store {
  const s = new Store(join(tempDir('loket-writepath-'), 'w.sqlite'));
  migrate(s);
  s.sqlite.exec('CREATE TABLE sync_test_items (id TEXT PRIMARY KEY, status TEXT NOT NULL, note TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)');
  installSyncGuards(s);
  return s;
}
const statusOf = (s: Store, id: string) => (s.sqlite.prepare('SELECT status FROM sync_test_items WHERE id = ?').get(id) as { status: string }).status;
const outbox = (s: Store) => s.sqlite.prepare('SELECT kind, payload FROM sync_outbox ORDER BY device_op_seq').all() as { kind: string; payload: string }[];

describe('status only forward on the desk (P5)', () => {
  it('refuses a backward or sideways status, writes nothing for it, and keeps the forward ones', () => {
    store = open();
    const s = store;
    const id = uuidv7();
    const now = new Date('2026-11-28T01:00:00.000Z');
    s.tx((w) => syncInsert(w, items.name, { id, status: 'baru' }, now));
    s.tx((w) => syncStatus(w, items.name, id, 'selesai', {}, now));
    expect(() => s.tx((w) => syncStatus(w, items.name, id, 'diproses', {}, now))).toThrow('moves forward only');
    expect(() => s.tx((w) => syncStatus(w, items.name, id, 'selesai', {}, now))).toThrow('moves forward only');
    expect(() => s.tx((w) => syncPatch(w, items.name, id, { status: 'baru' }, now))).toThrow('syncStatus');
    // The guard still refuses a direct write that would do it.
    expect(() => s.sqlite.prepare("UPDATE sync_test_items SET status = 'baru'").run()).toThrow(GUARD_MESSAGE);
    expect(statusOf(s, id)).toBe('selesai');
    expect(outbox(s).map((o) => [o.kind, JSON.parse(o.payload).status])).toEqual([['insert', 'baru'], ['status', 'selesai']]);
    s.tx((w) => syncStatus(w, items.name, id, 'batal', {}, now));
    expect(statusOf(s, id)).toBe('batal');
  });

  it('a downloaded record with an older status does not move the local one back', () => {
    store = open();
    const s = store;
    const id = uuidv7();
    const now = new Date('2026-11-28T01:00:00.000Z');
    s.tx((w) => syncInsert(w, items.name, { id, status: 'selesai' }, now));
    s.sqlite.prepare('DELETE FROM sync_outbox').run();
    const cols = ['id', 'status', 'note', 'created_at', 'updated_at'];
    const stale = { id, status: 'diproses', note: 'dari server', created_at: now.toISOString(), updated_at: now.toISOString() };
    expect(s.tx((w) => applyDownloaded(w, items.name, stale, cols))).toBe(false);
    expect(statusOf(s, id)).toBe('selesai');
    expect(s.tx((w) => applyDownloaded(w, items.name, { ...stale, status: 'batal' }, cols))).toBe(true);
    expect(statusOf(s, id)).toBe('batal');
  });
});
