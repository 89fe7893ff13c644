// An office day's figures for the dashboard (today or any past day): per SOP step of the step's own
// service, per desk, per officer, arrivals per hour, no-shows and cancellations; and the days with
// data. Read-only, and bounded by the day: the day's tickets (tickets_day_status), then their step
// timings and calls by ticket id, whatever the length of the history; no index of its own needed.
import { sql } from 'kysely';
import { qb } from '../../platform/db';
import type { DayStats, DayStepStats, DeskStats, OfficerStats, ParsedInput } from '../../../common/contract/index';
import { mean, percentile, stepAverages, stepFigures, visitWaitSec, type TimedStep } from '../../../common/domain/sla';
import { officeDay, officeHour } from '../../../common/domain/time';
import { END_REASONS, type StepRole } from '../../../common/domain/words';
import type { Deps } from '../../platform/context';
import { officeTimeZone } from '../../platform/office';

/** The chart's hours stretch over the data but always show a usual office day, 08.00–16.00. */
const FIRST_OFFICE_HOUR = 8;
const LAST_OFFICE_HOUR = 15;

type StepRow = TimedStep & {
  ticketId: string; code: string; serviceName: string; stepSeq: number; name: string; role: StepRole; userId: string | null;
};

/** Every step timing of an office day's tickets, under the service and step it belongs to (also the sync fold's). */
export function stepRows(deps: Pick<Deps, 'store'>, day: string): StepRow[] {
  return deps.store
    .all(
      qb.selectFrom('step_timings as st')
        .innerJoin('tickets as t', 't.id', 'st.ticket_id')
        .innerJoin('services as s', 's.id', 'st.service_id')
        .select(['st.ticket_id', 's.code', 's.name as service_name', 'st.step_seq', 'st.name', 'st.role', 'st.mutu_baku_min',
          'st.ready_at', 'st.started_at', 'st.ended_at', 'st.user_id'])
        .where('t.day', '=', day),
    )
    .map((r) => ({
      ticketId: r.ticket_id, code: r.code, serviceName: r.service_name, stepSeq: r.step_seq, name: r.name, role: r.role,
      userId: r.user_id, mutuBakuMin: r.mutu_baku_min, readyAt: r.ready_at, startedAt: r.started_at, endedAt: r.ended_at,
    }));
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const isFinished = (r: TimedStep) => Boolean(r.startedAt && r.endedAt);

/** Visitors, steps, median service time and within-mutu-baku share over the finished steps given. */
function workFigures(rows: readonly StepRow[]) {
  const f = stepFigures(rows);
  return {
    visitors: new Set(rows.filter(isFinished).map((r) => r.ticketId)).size,
    steps: f.count,
    serviceMedianSec: f.serviceMedianSec,
    withinMutuBakuPct: f.withinMutuBakuPct,
    implausibleCount: f.implausibleCount,
  };
}

/**
 * Per step, grouped under the service and step it belongs to (recorded on each timing), never under
 * the ticket's current service: a visitor moved from A to D counts A's steps under A.
 */
function perStep(rows: readonly StepRow[]): DayStepStats[] {
  return [...groupBy(rows, (r) => `${r.code}\u0000${r.stepSeq}\u0000${r.name}`).values()]
    .map((list) => {
      const first = list[0]!;
      return {
        serviceCode: first.code, serviceName: first.serviceName, seq: first.stepSeq, name: first.name, role: first.role,
        mutuBakuMin: first.mutuBakuMin, ...stepFigures(list), ...stepAverages(list),
      };
    })
    .sort((a, b) => a.serviceCode.localeCompare(b.serviceCode) || a.seq - b.seq || a.name.localeCompare(b.name));
}

/**
 * Per desk (counter number). A step is served at the counter the visitor was last called to before
 * the step started; the satpam's step comes before any call and belongs to no counter.
 */
function perDesk(deps: Pick<Deps, 'store'>, day: string, rows: readonly StepRow[]): DeskStats[] {
  const calls = deps.store.all(
    qb.selectFrom('ticket_events as e')
      .innerJoin('tickets as t', 't.id', 'e.ticket_id')
      .select(['e.ticket_id', 'e.at', 'e.counter_no'])
      .where('t.day', '=', day)
      // Unary + keeps SQLite off ticket_events_kind_at (every call ever made, for a past day): the
      // plan is the day's tickets (tickets_day_status), then each one's events (ticket_events_ticket).
      .where(sql<string>`+e.kind`, '=', 'called')
      .where('e.counter_no', 'is not', null)
      .orderBy('e.at'),
  );
  const callsOf = groupBy(calls, (c) => c.ticket_id);
  const counterOf = (r: StepRow): number | null => {
    let counter: number | null = null;
    for (const c of callsOf.get(r.ticketId) ?? []) if (r.startedAt && c.at <= r.startedAt) counter = c.counter_no;
    return counter;
  };
  const served = groupBy(rows.filter(isFinished).map((r) => ({ r, counter: counterOf(r) })).filter((x) => x.counter !== null), (x) => x.counter!);
  const callCounts = groupBy(calls, (c) => c.counter_no!);
  const counters = [...new Set([...served.keys(), ...callCounts.keys()])].sort((a, b) => a - b);
  return counters.map((counterNo) => ({
    counterNo,
    calls: callCounts.get(counterNo)?.length ?? 0,
    ...workFigures((served.get(counterNo) ?? []).map((x) => x.r)),
  }));
}

/** Per officer: the finished steps each user served, by name. */
function perOfficer(deps: Pick<Deps, 'store'>, rows: readonly StepRow[]): OfficerStats[] {
  const byUser = groupBy(rows.filter((r) => isFinished(r) && r.userId), (r) => r.userId!);
  if (byUser.size === 0) return [];
  const names = new Map(
    deps.store.all(qb.selectFrom('users').select(['id', 'full_name']).where('id', 'in', [...byUser.keys()])).map((u) => [u.id, u.full_name]),
  );
  const roleOrder: StepRole[] = ['satpam', 'resepsionis', 'petugas'];
  return [...byUser.entries()]
    .map(([userId, list]) => ({
      userId,
      fullName: names.get(userId) ?? userId,
      roles: roleOrder.filter((role) => list.some((r) => r.role === role)),
      ...workFigures(list),
    }))
    .sort((a, b) => roleOrder.indexOf(a.roles[0]!) - roleOrder.indexOf(b.roles[0]!) || a.fullName.localeCompare(b.fullName));
}

export function statsDay(deps: Pick<Deps, 'store'>, input: ParsedInput<'stats.day'>): DayStats {
  const { day } = input;
  const tz = officeTimeZone(deps.store);
  const tickets = deps.store.all(qb.selectFrom('tickets').select(['id', 'status', 'end_reason', 'issued_at']).where('day', '=', day));
  const rows = stepRows(deps, day);

  const count = (status: string) => tickets.filter((t) => t.status === status).length;
  const cancelledByReason = Object.fromEntries(
    END_REASONS.map((reason) => [reason, tickets.filter((t) => t.status === 'cancelled' && t.end_reason === reason).length]),
  ) as DayStats['cancelledByReason'];

  const waits = [...groupBy(rows, (r) => r.ticketId).values()].map(visitWaitSec).filter((w): w is number => w !== null);
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  const overall = stepFigures(rows);

  const hours = tickets.map((t) => officeHour(t.issued_at, tz));
  const from = Math.min(FIRST_OFFICE_HOUR, ...hours);
  const to = Math.max(LAST_OFFICE_HOUR, ...hours);
  const arrivalsByHour = Array.from({ length: to - from + 1 }, (_, i) => ({ hour: from + i, issued: hours.filter((h) => h === from + i).length }));

  const done = count('done');
  const cancelled = count('cancelled');
  const noShow = count('no_show');
  return {
    day,
    issued: tickets.length,
    done,
    cancelled,
    noShow,
    open: tickets.length - done - cancelled - noShow,
    cancelledByReason,
    waitAvgSec: round(mean(waits)),
    waitP90Sec: round(percentile(waits, 90)),
    withinMutuBakuPct: overall.withinMutuBakuPct,
    implausibleCount: overall.implausibleCount,
    steps: perStep(rows),
    desks: perDesk(deps, day, rows),
    officers: perOfficer(deps, rows),
    arrivalsByHour,
  };
}

/** How many office days the picker lists: a year and a bit of working days. */
const DAYS_LISTED = 400;

export function statsDays(deps: Pick<Deps, 'store' | 'now'>) {
  const days = deps.store.all(
    qb.selectFrom('tickets')
      .select((eb) => ['day', eb.fn.countAll<number>().as('issued')])
      .groupBy('day')
      .orderBy('day', 'desc')
      .limit(DAYS_LISTED),
  );
  return { today: officeDay(deps.now(), officeTimeZone(deps.store)), days: days.map((d) => ({ day: d.day, issued: Number(d.issued) })) };
}
