// Today's figures per SOP step and the waiting-room board's state (numbers only).
import { qb } from '../../platform/db';
import type { DisplayCall, DisplayState, StepStats } from '../../../common/contract/index';
import { officeDay, officeDayStart } from '../../../common/domain/time';
import { stepFigures } from '../../../common/domain/sla';
import type { Deps } from '../../platform/context';
import { getOffice, officeTimeZone } from '../../platform/office';

export function statsToday(deps: Deps) {
  const day = officeDay(deps.now(), officeTimeZone(deps.store));
  const rows = deps.store.all(
    qb
      .selectFrom('step_timings as st')
      .innerJoin('tickets as t', 't.id', 'st.ticket_id')
      .innerJoin('services as s', 's.id', 't.service_id')
      .select(['s.code', 's.name as service_name', 's.sort', 'st.seq', 'st.name', 'st.mutu_baku_min', 'st.ready_at', 'st.started_at', 'st.ended_at'])
      .where('t.day', '=', day),
  );
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.code}\u0000${r.seq}`;
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
        seq: first.seq,
        name: first.name,
        mutuBakuMin: first.mutu_baku_min,
        ...stepFigures(list.map((r) => ({ readyAt: r.ready_at, startedAt: r.started_at, endedAt: r.ended_at, mutuBakuMin: r.mutu_baku_min }))),
      };
    })
    .sort((a, b) => a.serviceCode.localeCompare(b.serviceCode) || a.seq - b.seq);
  const counts = deps.store.first(
    qb.selectFrom('tickets')
      .select((eb) => [eb.fn.countAll<number>().as('issued'), eb.fn.sum<number>(eb.case().when('status', '=', 'done').then(1).else(0).end()).as('done')])
      .where('day', '=', day),
  )!;
  return { day, steps, issued: Number(counts.issued), done: Number(counts.done ?? 0) };
}

const RECENT_PER_COUNTER = 10;

export function displayState(deps: Pick<Deps, 'store' | 'now'>): DisplayState {
  const office = getOffice(deps.store);
  const since = officeDayStart(deps.now(), office?.timeZone ?? 'Asia/Jakarta');
  const rows = deps.store.all(
    qb
      .selectFrom('ticket_events as e')
      .innerJoin('tickets as t', 't.id', 'e.ticket_id')
      .select(['e.id', 'e.data', 'e.at', 'e.counter_no', 't.label'])
      .where('e.kind', 'in', ['called', 'recalled'])
      .where('e.at', '>=', since.toISOString())
      .orderBy('e.at', 'desc')
      .limit(400),
  );
  const calls: DisplayCall[] = rows.map((r) => ({
    callId: (JSON.parse(r.data ?? '{}') as { callId?: string }).callId ?? r.id,
    label: r.label,
    counterNo: r.counter_no ?? 0,
    at: r.at,
  }));
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
