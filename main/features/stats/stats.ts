// Today's figures per SOP step and the waiting-room board's state (numbers only).
import { sql, type ExpressionBuilder } from 'kysely';
import { prepared, qb, type DB } from '../../platform/db';
import type { DisplayCall, DisplayState, StepStats } from '../../../common/contract/index';
import { officeDay, officeDayStart } from '../../../common/domain/time';
import { stepFigures } from '../../../common/domain/sla';
import type { Deps } from '../../platform/context';
import { getOffice, officeTimeZone } from '../../platform/office';

/**
 * Today's figures per SOP step. A step is grouped under the service and step it belongs to (the
 * service it was served under and its number in that service's SOP, recorded on each timing), not
 * under the ticket's current service and position: a visitor moved from A to D counts A's steps
 * under A and D's under D. A step renamed during the day shows as its own row.
 */
export function statsToday(deps: Deps) {
  const day = officeDay(deps.now(), officeTimeZone(deps.store));
  const rows = deps.store.all(
    qb
      .selectFrom('step_timings as st')
      .innerJoin('tickets as t', 't.id', 'st.ticket_id')
      .innerJoin('services as s', 's.id', 'st.service_id')
      .select(['s.code', 's.name as service_name', 'st.step_seq', 'st.name', 'st.mutu_baku_min', 'st.ready_at', 'st.started_at', 'st.ended_at'])
      .where('t.day', '=', day),
  );
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.code}\u0000${r.step_seq}\u0000${r.name}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const steps: StepStats[] = [...groups.values()]
    .map((list) => {
      const first = list[0]!;
      return {
        serviceCode: first.code,
        serviceName: first.service_name,
        seq: first.step_seq,
        name: first.name,
        mutuBakuMin: first.mutu_baku_min,
        ...stepFigures(list.map((r) => ({ readyAt: r.ready_at, startedAt: r.started_at, endedAt: r.ended_at, mutuBakuMin: r.mutu_baku_min }))),
      };
    })
    .sort((a, b) => a.serviceCode.localeCompare(b.serviceCode) || a.seq - b.seq || a.name.localeCompare(b.name));
  const byStatus = (status: 'done' | 'cancelled' | 'no_show') => (eb: ExpressionBuilder<DB, 'tickets'>) =>
    eb.fn.sum<number>(eb.case().when('status', '=', status).then(1).else(0).end());
  const counts = deps.store.first(
    qb.selectFrom('tickets')
      .select((eb) => [
        eb.fn.countAll<number>().as('issued'),
        byStatus('done')(eb).as('done'),
        byStatus('cancelled')(eb).as('cancelled'),
        byStatus('no_show')(eb).as('no_show'),
      ])
      .where('day', '=', day),
  )!;
  return {
    day, steps, issued: Number(counts.issued), done: Number(counts.done ?? 0),
    cancelled: Number(counts.cancelled ?? 0), noShow: Number(counts.no_show ?? 0),
  };
}

const RECENT_PER_COUNTER = 10;
/** How many of today's calls the board keeps (deduplicated): far more than it shows. */
const KEPT_CALLS = 400;

type CallRow = { rowid: number; id: string; data: string | null; at: string; counter_no: number | null; label: string };

const callRows = (since: string) =>
  qb
    .selectFrom('ticket_events as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .select([sql<number>`e.rowid`.as('rowid'), 'e.id', 'e.data', 'e.at', 'e.counter_no', 't.label'])
    .where('e.kind', 'in', ['called', 'recalled'])
    .where('e.at', '>=', since);
const TODAYS_CALLS = prepared((p: { since: string }) => callRows(p.since).orderBy('e.at', 'desc').limit(KEPT_CALLS));
const CALLS_AFTER = prepared((p: { since: string; rowid: number }) => callRows(p.since).where(sql<number>`e.rowid`, '>', p.rowid).orderBy(sql`e.rowid`));

const toCall = (r: CallRow): DisplayCall => ({
  callId: (JSON.parse(r.data ?? '{}') as { callId?: string }).callId ?? r.id,
  label: r.label,
  counterNo: r.counter_no ?? 0,
  at: r.at,
});

/**
 * Today's calls as the board shows them, newest first, kept per database connection and brought
 * up to date with only the calls recorded since the last look (a rowid range: a few rows, not the
 * day's hundreds). The board is read after every call with 20 desks calling at once, so this is
 * on the call → TV path. It is rebuilt from the database when the office day changes or the
 * connection is replaced (a restored backup), so it never disagrees with what is stored.
 */
interface BoardCache { since: string; lastRowid: number; calls: DisplayCall[] }
const boards = new WeakMap<object, BoardCache>();

/** A recall (or a call again after a skip) at the same counter is one visitor, one row: the newest
 *  call keeps it, so the row moves up and the board highlights it; no duplicate below. A label is
 *  unique within an office day (numbering per issuing service, kept through transfers). */
const sameRow = (a: DisplayCall, b: DisplayCall) => a.counterNo === b.counterNo && a.label === b.label;

function todaysCalls(deps: Pick<Deps, 'store' | 'now'>, timeZone: string): DisplayCall[] {
  const since = officeDayStart(deps.now(), timeZone).toISOString();
  const key = deps.store.sqlite as object;
  let cache = boards.get(key);
  if (!cache || cache.since !== since) {
    const rows = deps.store.all(TODAYS_CALLS({ since })) as CallRow[];
    const calls: DisplayCall[] = [];
    for (const r of rows) {
      const c = toCall(r);
      if (!calls.some((k) => sameRow(k, c))) calls.push(c);
    }
    cache = { since, lastRowid: rows.reduce((m, r) => Math.max(m, r.rowid), 0), calls };
    boards.set(key, cache);
    return cache.calls;
  }
  const fresh = deps.store.all(CALLS_AFTER({ since, rowid: cache.lastRowid })) as CallRow[];
  for (const r of fresh) {
    const c = toCall(r);
    cache.calls = [c, ...cache.calls.filter((k) => !sameRow(k, c))].slice(0, KEPT_CALLS);
    cache.lastRowid = Math.max(cache.lastRowid, r.rowid);
  }
  return cache.calls;
}

export function displayState(deps: Pick<Deps, 'store' | 'now'>): DisplayState {
  const office = getOffice(deps.store);
  const timeZone = office?.timeZone ?? 'Asia/Jakarta';
  const calls = todaysCalls(deps, timeZone);
  const byCounter = new Map<number, DisplayCall[]>();
  for (const c of calls) {
    const list = byCounter.get(c.counterNo) ?? [];
    if (list.length < RECENT_PER_COUNTER) list.push(c);
    byCounter.set(c.counterNo, list);
  }
  return {
    officeName: office?.name ?? 'Loket',
    timeZone,
    current: calls[0] ?? null,
    recentByCounter: [...byCounter.entries()].sort((a, b) => a[0] - b[0]).map(([counterNo, list]) => ({ counterNo, calls: list })),
  };
}
