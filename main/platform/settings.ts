// The key/value settings table: one reader and one writer for every setting the host keeps.
import { qb, type Store } from './db';

export function readSetting(store: Store, key: string): string | null {
  return store.first(qb.selectFrom('settings').select('value').where('key', '=', key))?.value ?? null;
}

/** Saves a value, or removes the setting when value is null. Runs in the caller's transaction. */
export function writeSetting(store: Store, key: string, value: string | null): void {
  if (value === null) store.run(qb.deleteFrom('settings').where('key', '=', key));
  else store.run(qb.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })));
}
