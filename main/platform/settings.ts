// The key/value settings table: one reader and one writer for every setting the host keeps.
import { prepared, qb, type ReadDb, type WriteDb } from './db';

const SETTING = prepared((p: { key: string }) => qb.selectFrom('settings').select('value').where('key', '=', p.key));

export function readSetting(store: ReadDb, key: string): string | null {
  return store.first(SETTING({ key }))?.value ?? null;
}

/** Saves a value, or removes the setting when value is null. Runs in the caller's transaction. */
export function writeSetting(w: WriteDb, key: string, value: string | null): void {
  if (value === null) w.run(qb.deleteFrom('settings').where('key', '=', key));
  else w.run(qb.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })));
}
