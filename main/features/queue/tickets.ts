// Reading tickets and their steps as the contract's Ticket shape (no personal data).
import { qb } from '../../platform/db';
import type { Priority, Stage, StepTiming, Ticket, TicketStatus } from '../../../common/contract/index';
import { currentStep } from '../../../common/domain/queue';
import { AppFailure, type Deps } from '../../platform/context';

type TicketRow = {
  id: string; label: string; priority: string | null; status: string; stage: string | null; counter_no: number | null;
  assigned_user_id: string | null; handled_by: string | null; issued_at: string; called_at: string | null;
  waiting_since: string; code: string; service_name: string; number: number; service_id: string; has_case: number;
};

function ticketQuery() {
  return qb
    .selectFrom('tickets as t')
    .innerJoin('services as s', 's.id', 't.service_id')
    .select([
      't.id', 't.label', 't.priority', 't.status', 't.stage', 't.counter_no', 't.assigned_user_id', 't.handled_by',
      't.issued_at', 't.called_at', 't.waiting_since', 't.number', 't.service_id', 's.code', 's.name as service_name',
    ])
    .select((eb) =>
      eb.exists(eb.selectFrom('cases as c').select('c.id').whereRef('c.ticket_id', '=', 't.id')).as('has_case'),
    );
}

function stepsFor(deps: Deps, ids: string[]): Map<string, StepTiming[]> {
  const map = new Map<string, StepTiming[]>();
  if (ids.length === 0) return map;
  const rows = deps.store.all(qb.selectFrom('step_timings').selectAll().where('ticket_id', 'in', ids).orderBy('seq'));
  for (const r of rows) {
    const list = map.get(r.ticket_id) ?? [];
    list.push({ seq: r.seq, name: r.name, role: r.role, mutuBakuMin: r.mutu_baku_min, startedAt: r.started_at, endedAt: r.ended_at });
    map.set(r.ticket_id, list);
  }
  return map;
}

function toTicket(r: TicketRow, steps: StepTiming[]): Ticket {
  return {
    id: r.id,
    label: r.label,
    serviceCode: r.code,
    serviceName: r.service_name,
    priority: r.priority as Priority | null,
    status: r.status as TicketStatus,
    stage: r.stage as Stage | null,
    counterNo: r.counter_no,
    assignedUserId: r.assigned_user_id,
    handledByUserId: r.handled_by,
    issuedAt: r.issued_at,
    calledAt: r.called_at,
    waitingSince: r.waiting_since,
    currentStep: currentStep(steps),
    steps,
    hasCase: Boolean(r.has_case),
  };
}

export type TicketFilter = (q: ReturnType<typeof ticketQuery>) => ReturnType<typeof ticketQuery>;

export function findTickets(deps: Deps, filter: TicketFilter): Ticket[] {
  const rows = deps.store.all(filter(ticketQuery())) as TicketRow[];
  const steps = stepsFor(deps, rows.map((r) => r.id));
  return rows.map((r) => toTicket(r, steps.get(r.id) ?? []));
}

export function getTicket(deps: Deps, id: string): Ticket {
  const t = findTickets(deps, (q) => q.where('t.id', '=', id))[0];
  if (!t) throw new AppFailure('NOT_FOUND', 'Nomor antrian tidak ditemukan.');
  return t;
}
