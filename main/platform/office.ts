// The one office lookup: its name, address and time zone, for every feature and the host itself.
import { DEFAULT_TIME_ZONE, isOfficeTimeZone } from '../../common/domain/time';
import type { Office } from '../../common/contract/index';
import { compiledOnce, qb, type ReadDb, type WriteDb } from './db';

const OFFICE = compiledOnce(qb.selectFrom('office').selectAll().limit(1));
/** The office row is read on every queue call (its zone decides the day) and written at first run and in Admin. */
const OFFICE_MEMO = {};

export function getOffice(db: ReadDb): Office | null {
  return db.memo(OFFICE_MEMO, () => {
    const row = db.first(OFFICE);
    return row
      ? Object.freeze({ id: row.id, name: row.name, kabKota: row.kab_kota, address: row.address, timeZone: isOfficeTimeZone(row.time_zone) ? row.time_zone : DEFAULT_TIME_ZONE })
      : null;
  });
}

/** Whoever writes the office row says so, in the same transaction. */
export function officeChanged(w: WriteDb): void {
  w.forget(OFFICE_MEMO);
}

/** The office's IANA zone (WIB before first run): decides the office day and every date shown. */
export function officeTimeZone(db: ReadDb): string {
  return getOffice(db)?.timeZone ?? DEFAULT_TIME_ZONE;
}
