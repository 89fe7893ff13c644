// The register's one query: filters, sort and keyset paging in SQL, each filter led by an index
// (migration 010), text through FTS5. Never loads more than one page into memory. The same SQL
// (without the page limit) feeds the Excel export's worker.
import type Database from 'better-sqlite3';
import type { ParsedInput, RegisterFilter, RegisterRow } from '../../../common/contract/index';
import { letterStepTimings, maskNik, type LetterStatus } from '../../../common/domain/letterFlow';
import type { Ctx } from '../../platform/context';

type Sort = { by: 'day' | 'number' | 'patient'; dir: 'asc' | 'desc' };

/** The ordering expression per sort; each has an index on (expression, id). */
const SORT_EXPR: Record<Sort['by'], string> = { day: 'l.day', number: 'coalesce(l.number_key, -1)', patient: 'l.patient_name' };

// No join: with letter_types joined SQLite may loop over the (three) types first and sort the whole
// register; type names are looked up per page instead.
export const SELECT_COLUMNS = `l.id, l.day, l.received_at, l.number, l.letter_type_id, l.patient_name, l.nik, l.hospital_name, l.diagnosis, l.status,
  l.officer_name, l.checked_at, l.drafted_at, l.signed_at, l.collected_at, l.handed_over_at, l.updated_at, l.number_key`;

/** Words to an FTS5 query: each word a prefix, all of them required. Quotes keep user text literal. */
export function ftsQuery(text: string): string | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
  if (!words.length) return null;
  // A letter number ("400.7.3.1/4/Dinkes") is one phrase: its parts in order, the last a prefix.
  if (/[\p{N}][./][\p{L}\p{N}]/u.test(text)) return `"${words.join(' ')}" *`;
  return words.map((w) => `"${w}"*`).join(' ');
}

export interface BuiltQuery { sql: string; params: unknown[] }

export function buildRegisterQuery(filter: RegisterFilter, sort: Sort, after: { v: string | number | null; id: string } | null, limit: number | null): BuiltQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.from) (where.push('l.day >= ?'), params.push(filter.from));
  if (filter.to) (where.push('l.day <= ?'), params.push(filter.to));
  if (filter.hospitalId) (where.push('l.hospital_id = ?'), params.push(filter.hospitalId));
  if (filter.status) (where.push('l.status = ?'), params.push(filter.status));
  if (filter.officerId) (where.push('l.officer_id = ?'), params.push(filter.officerId));
  if (filter.typeId) (where.push('l.letter_type_id = ?'), params.push(filter.typeId));
  const fts = ftsQuery(filter.text);
  const cmp = sort.dir === 'desc' ? '<' : '>';
  if (fts && sort.by === 'day') {
    // Text in date order: walk the FTS5 index by rowid (reg_key: date order, see registerKey) and
    // stop after a page, instead of collecting every match of a common name and sorting them.
    if (after) (where.push(`f.rowid ${cmp} ?`), params.push(after.v));
    const sql =
      `SELECT ${SELECT_COLUMNS}, f.rowid AS sort_key FROM letters_fts f CROSS JOIN letters l ON l.reg_key = f.rowid WHERE letters_fts MATCH ?` +
      where.map((w) => ` AND ${w}`).join('') +
      ` ORDER BY f.rowid ${sort.dir}` +
      (limit ? ` LIMIT ${Math.floor(limit)}` : '');
    return { sql, params: [fts, ...params] };
  }
  if (fts) (where.push('l.reg_key IN (SELECT rowid FROM letters_fts WHERE letters_fts MATCH ?)'), params.push(fts));
  const expr = SORT_EXPR[sort.by];
  if (after) (where.push(`(${expr}, l.id) ${cmp} (?, ?)`), params.push(after.v, after.id));
  const sql =
    `SELECT ${SELECT_COLUMNS}, ${expr} AS sort_key FROM letters l` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${expr} ${sort.dir}, l.id ${sort.dir}` +
    (limit ? ` LIMIT ${Math.floor(limit)}` : '');
  return { sql, params };
}

export interface RawRegisterRow {
  id: string; day: string; received_at: string; number: string | null; letter_type_id: string; patient_name: string; nik: string; hospital_name: string;
  diagnosis: string; status: string; officer_name: string; checked_at: string | null; drafted_at: string | null; signed_at: string | null;
  collected_at: string | null; handed_over_at: string | null; updated_at: string; number_key: number | null;
  /** The value the page is ordered by (the keyset cursor's v). */
  sort_key: string | number;
}

export function toRegisterRow(r: RawRegisterRow, typeNames: ReadonlyMap<string, string>, now: Date): RegisterRow {
  return {
    id: r.id, day: r.day, receivedAt: r.received_at, number: r.number, typeName: typeNames.get(r.letter_type_id) ?? '', patientName: r.patient_name, nikMasked: maskNik(r.nik),
    hospitalName: r.hospital_name, diagnosis: r.diagnosis, status: r.status as LetterStatus, officerName: r.officer_name, updatedAt: r.updated_at,
    steps: letterStepTimings(
      { receivedAt: r.received_at, checkedAt: r.checked_at, draftedAt: r.drafted_at, signedAt: r.signed_at, collectedAt: r.collected_at, handedOverAt: r.handed_over_at },
      now,
      r.status === 'batal' || r.status === 'diserahkan',
    ),
  };
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function prepared(db: Database.Database, sql: string): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let stmt = m.get(sql);
  if (!stmt) {
    if (m.size > 200) m.clear();
    m.set(sql, (stmt = db.prepare(sql)));
  }
  return stmt;
}

export function registerPage(ctx: Ctx, input: ParsedInput<'register.page'>) {
  const q = buildRegisterQuery(input.filter, input.sort, input.after, input.limit + 1);
  const raw = prepared(ctx.store.sqlite, q.sql).all(...q.params) as RawRegisterRow[];
  const more = raw.length > input.limit;
  const page = more ? raw.slice(0, input.limit) : raw;
  const last = page[page.length - 1];
  const now = ctx.now();
  const typeNames = new Map((prepared(ctx.store.sqlite, 'SELECT id, name FROM letter_types').all() as { id: string; name: string }[]).map((t) => [t.id, t.name]));
  return { rows: page.map((r) => toRegisterRow(r, typeNames, now)), next: more && last ? { v: last.sort_key, id: last.id } : null };
}
