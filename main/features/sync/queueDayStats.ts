// The queue's contribution to sync: each office day's figures per service (step_seq 0: tickets
// issued, done, cancelled, no-show) and per SOP step of that service (finished steps, median service
// time, share within mutu baku), folded from tickets and step timings into queue_day_stats through
// the sync write path. Only days whose tickets changed since the last fold are recomputed.
import { qb, type Store } from '../../platform/db';
import { newId } from '../../platform/context';
import { readState, syncInsert, syncPatch, writeState } from '../../platform/sync';
import { stepFigures } from '../../../common/domain/sla';
import { groupBy, stepRows } from '../stats';

type Figures = {
  service_code: string; service_name: string; step_seq: number; step_name: string;
  issued: number; done: number; cancelled: number; no_show: number; steps: number;
  service_median_sec: number | null; within_mutu_baku_pct: number | null;
};

function dayFigures(store: Store, day: string): Figures[] {
  const tickets = store.all(
    qb.selectFrom('tickets as t').innerJoin('services as s', 's.id', 't.service_id')
      .select(['s.code', 's.name', 't.status']).where('t.day', '=', day),
  );
  const out = new Map<string, Figures>();
  const blank = (code: string, name: string, seq: number, stepName: string): Figures => ({
    service_code: code, service_name: name, step_seq: seq, step_name: stepName, issued: 0, done: 0, cancelled: 0, no_show: 0, steps: 0,
    service_median_sec: null, within_mutu_baku_pct: null,
  });
  for (const t of tickets) {
    const key = `${t.code}\u00000`;
    const f = out.get(key) ?? blank(t.code, t.name, 0, '');
    f.issued++;
    if (t.status === 'done') f.done++;
    if (t.status === 'cancelled') f.cancelled++;
    if (t.status === 'no_show') f.no_show++;
    out.set(key, f);
  }
  const bySteps = groupBy(stepRows({ store }, day), (s) => `${s.code}\u0000${s.stepSeq}`);
  for (const [key, list] of bySteps) {
    const first = list[0]!;
    const figures = stepFigures(list);
    out.set(key, {
      ...blank(first.code, first.serviceName, first.stepSeq, first.name),
      steps: figures.count,
      service_median_sec: figures.serviceMedianSec === null ? null : Math.round(figures.serviceMedianSec),
      within_mutu_baku_pct: figures.withinMutuBakuPct === null ? null : Math.round(figures.withinMutuBakuPct),
    });
  }
  return [...out.values()];
}

/** Folds the days whose tickets changed into queue_day_stats; one transaction, ops only for real changes. */
export function foldQueueDayStats(store: Store, now: () => Date): void {
  const mark = readState(store, 'stats_mark') ?? '';
  if (!store.first(qb.selectFrom('tickets').select('id').where('updated_at', '>', mark).limit(1))) return;
  store.tx((w) => {
    // Read again under the write lock: a ticket committed meanwhile is either folded now or after the new mark.
    const days = w.all(qb.selectFrom('tickets').select('day').distinct().where('updated_at', '>', mark)).map((r) => r.day);
    const newest = w.first(qb.selectFrom('tickets').select((eb) => eb.fn.max('updated_at').as('m')))?.m ?? mark;
    const at = now();
    for (const day of days)
      for (const f of dayFigures(store, day)) {
        const existing = w.first(
          qb.selectFrom('queue_day_stats').selectAll().where('day', '=', day).where('service_code', '=', f.service_code).where('step_seq', '=', f.step_seq),
        );
        if (!existing) {
          syncInsert(w, 'queue_day_stats', { id: newId(), day, ...f }, at);
          continue;
        }
        const changes = Object.fromEntries(Object.entries(f).filter(([k, v]) => existing[k as keyof Figures] !== v));
        if (Object.keys(changes).length > 0) syncPatch(w, 'queue_day_stats', existing.id, changes, at);
      }
    writeState(w, 'stats_mark', String(newest));
  });
}
