// Reading tickets and their steps as the contract's Ticket shape (no personal data: notes are
// personal, so only their count is read).
import { sql } from 'kysely';
import { prepared, qb } from '../../platform/db';
import type { EndReason, Outcome, Priority, Stage, StepTiming, Ticket, TicketStatus } from '../../../common/contract/index';
import { currentStep } from '../../../common/domain/queue';
import { implausibleStep } from '../../../common/domain/sla';
import { AppFailure, type Deps } from '../../platform/context';
import type { StepTimingsTable } from '../../platform/db/schema';

export type TicketRow = {
  id: string; label: string; priority: string | null; status: string; stage: string | null; counter_no: number | null;
  assigned_user_id: string | null; handled_by: string | null; issued_at: string; called_at: string | null;
  waiting_since: string; skipped_at: string | null; closed_at: string | null; end_reason: string | null;
  outcome: string | null; outcome_note: string | null; number: number;
  code: string; service_name: string; issued_code: string; issued_service_name: string;
  has_case: number; note_count: number;
};

function ticketQuery() {
  return qb
    .selectFrom('tickets as t')
    .innerJoin('services as s', 's.id', 't.current_service_id')
    .innerJoin('services as si', 'si.id', 't.service_id')
    .select([
      't.id', 't.label', 't.priority', 't.status', 't.stage', 't.counter_no', 't.assigned_user_id', 't.handled_by',
      't.issued_at', 't.called_at', 't.waiting_since', 't.skipped_at', 't.closed_at', 't.end_reason', 't.outcome',
      't.outcome_note', 't.number', 's.code', 's.name as service_name', 'si.code as issued_code', 'si.name as issued_service_name',
    ])
    .select((eb) => [
      eb.exists(eb.selectFrom('cases as c').select('c.id').whereRef('c.ticket_id', '=', 't.id')).as('has_case'),
      eb
        .selectFrom('ticket_events as n')
        .select((n) => n.fn.countAll<number>().as('n'))
        .whereRef('n.ticket_id', '=', 't.id')
        // `+` keeps SQLite on the (ticket_id, at) index: by kind alone it would walk every note of every day.
        .where(sql<string>`+${sql.ref('n.kind')}`, '=', 'note')
        .as('note_count'),
    ]);
}

const durationSec = (startedAt: string | null, endedAt: string | null): number | null =>
  startedAt && endedAt ? Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000)) : null;

const stepsQuery = () => qb.selectFrom('step_timings as st').innerJoin('services as s', 's.id', 'st.service_id').selectAll('st').select('s.code');
/** One ticket and its steps: read after every queue call, so built once. */
const TICKET_BY_ID = prepared((p: { id: string }) => ticketQuery().where('t.id', '=', p.id));
const STEPS_OF = prepared((p: { id: string }) => stepsQuery().where('st.ticket_id', '=', p.id).orderBy('st.seq'));

/** A step_timings row with its service's letter, as read by stepsQuery (or just written). */
export type StepRow = StepTimingsTable & { code: string };

const toStep = (r: StepRow): StepTiming => ({
  seq: r.seq, name: r.name, role: r.role, mutuBakuMin: r.mutu_baku_min, serviceCode: r.code, stepSeq: r.step_seq,
  readyAt: r.ready_at, startedAt: r.started_at, endedAt: r.ended_at,
  durationSec: durationSec(r.started_at, r.ended_at), implausible: implausibleStep(r.started_at, r.ended_at),
});

function stepsFor(deps: Deps, ids: string[]): Map<string, StepTiming[]> {
  const map = new Map<string, StepTiming[]>();
  if (ids.length === 0) return map;
  const rows = deps.store.all(ids.length === 1 ? STEPS_OF({ id: ids[0]! }) : stepsQuery().where('st.ticket_id', 'in', ids).orderBy('st.seq'));
  for (const r of rows) {
    const list = map.get(r.ticket_id) ?? [];
    list.push(toStep(r));
    map.set(r.ticket_id, list);
  }
  return map;
}

/** A ticket as the contract shows it, from rows this transaction has just written (no read back). */
export function ticketOf(row: TicketRow, steps: StepRow[]): Ticket {
  return toTicket(row, [...steps].sort((a, b) => a.seq - b.seq).map(toStep));
}

function toTicket(r: TicketRow, steps: StepTiming[]): Ticket {
  return {
    id: r.id,
    label: r.label,
    serviceCode: r.code,
    serviceName: r.service_name,
    issuedServiceCode: r.issued_code,
    issuedServiceName: r.issued_service_name,
    priority: r.priority as Priority | null,
    status: r.status as TicketStatus,
    stage: r.stage as Stage | null,
    counterNo: r.counter_no,
    assignedUserId: r.assigned_user_id,
    handledByUserId: r.handled_by,
    issuedAt: r.issued_at,
    calledAt: r.called_at,
    waitingSince: r.waiting_since,
    skippedAt: r.status === 'skipped' ? r.skipped_at : null,
    closedAt: r.closed_at,
    endReason: r.end_reason as EndReason | null,
    outcome: r.outcome as Outcome | null,
    outcomeNote: r.outcome_note,
    currentStep: currentStep(steps),
    steps,
    hasCase: Boolean(r.has_case),
    noteCount: Number(r.note_count ?? 0),
  };
}

export type TicketFilter = (q: ReturnType<typeof ticketQuery>) => ReturnType<typeof ticketQuery>;

export function findTickets(deps: Deps, filter: TicketFilter): Ticket[] {
  const rows = deps.store.all(filter(ticketQuery())) as TicketRow[];
  const steps = stepsFor(deps, rows.map((r) => r.id));
  return rows.map((r) => toTicket(r, steps.get(r.id) ?? []));
}

export function getTicket(deps: Deps, id: string): Ticket {
  const row = deps.store.first(TICKET_BY_ID({ id })) as TicketRow | undefined;
  const t = row ? toTicket(row, stepsFor(deps, [row.id]).get(row.id) ?? []) : undefined;
  if (!t) throw new AppFailure('NOT_FOUND', 'Nomor antrean tidak ditemukan.');
  return t;
}
