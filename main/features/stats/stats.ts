// Today's figures per SOP step and the waiting-room board's state (numbers only).
import type { ExpressionBuilder } from 'kysely';
import { qb, type DB } from '../../platform/db';
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

export function displayState(deps: Pick<Deps, 'store' | 'now'>): DisplayState {
  const office = getOffice(deps.store);
  const since = officeDayStart(deps.now(), office?.timeZone ?? 'Asia/Jakarta');
  const rows = deps.store.all(
    qb
      .selectFrom('ticket_events as e')
      .innerJoin('tickets as t', 't.id', 'e.ticket_id')
      .select(['e.id', 'e.ticket_id', 'e.data', 'e.at', 'e.counter_no', 't.label'])
      .where('e.kind', 'in', ['called', 'recalled'])
      .where('e.at', '>=', since.toISOString())
      .orderBy('e.at', 'desc')
      .limit(400),
  );
  const calls: DisplayCall[] = [];
  // A recall (or a call again after a skip) at the same counter is one visitor, one row: the
  // newest call keeps it, so the row moves up and the board highlights it; no duplicate below.
  const seen = new Set<string>();
  for (const r of rows) {
    const counterNo = r.counter_no ?? 0;
    const key = `${counterNo}\u0000${r.ticket_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    calls.push({ callId: (JSON.parse(r.data ?? '{}') as { callId?: string }).callId ?? r.id, label: r.label, counterNo, at: r.at });
  }
  const byCounter = new Map<number, DisplayCall[]>();
  for (const c of calls) {
    const list = byCounter.get(c.counterNo) ?? [];
    if (list.length < RECENT_PER_COUNTER) list.push(c);
    byCounter.set(c.counterNo, list);
  }
  return {
    officeName: office?.name ?? 'Loket',
    timeZone: office?.timeZone ?? 'Asia/Jakarta',
    current: calls[0] ?? null,
    recentByCounter: [...byCounter.entries()].sort((a, b) => a[0] - b[0]).map(([counterNo, list]) => ({ counterNo, calls: list })),
  };
}
