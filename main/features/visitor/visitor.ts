// The visitor's view of their ticket: people ahead and an estimated wait (ticket, kiosk), and the
// phone page behind the ticket's QR code (public: numbers only, reached by an unguessable token).
import { randomBytes } from 'node:crypto';
import { qb } from '../../platform/db';
import type { ParsedInput, Stage, TicketStatus, VisitorLink, VisitorPosition, VisitorStatus } from '../../../common/contract/index';
import { callingOrder } from '../../../common/domain/queue';
import { estimateWaitMin, stageVisits } from '../../../common/domain/estimate';
import { isLoopback } from '../../../common/domain/network';
import { AppFailure, audit, iso, type Ctx, type Deps } from '../../platform/context';
import { getOffice } from '../../platform/office';
import { priorityRatio } from '../catalog';
import { networkSettings } from '../network';
import { normalsSoFar } from '../queue';
import { displayState } from '../stats';
import { qrPath } from './qr';

/** 144 random bits, base64url: 24 characters, unguessable and short enough for a small QR code. */
const TOKEN_BYTES = 18;
/** Desks that called at a stage within this window count as serving it now. */
const ACTIVE_DESK_WINDOW_MS = 60 * 60_000;

interface TicketRow {
  id: string; label: string; status: string; stage: string | null; day: string; assigned_user_id: string | null;
  called_at: string | null; counter_no: number | null; service_name: string;
}

function ticketRow(deps: Deps, where: { id: string }): TicketRow | undefined {
  return deps.store.first(
    qb
      .selectFrom('tickets as t')
      // The service the visitor is in now (a transfer moves it; the label stays the issuing one's).
      .innerJoin('services as s', 's.id', 't.current_service_id')
      .select(['t.id', 't.label', 't.status', 't.stage', 't.day', 't.assigned_user_id', 't.called_at', 't.counter_no', 's.name as service_name'])
      .where('t.id', '=', where.id),
  );
}

/** Where a waiting ticket stands in its stage's calling order, and how long that should take. */
function positionOf(deps: Deps, t: TicketRow): VisitorPosition {
  if (t.status !== 'waiting' || !t.stage) return { ahead: 0, estimatedWaitMin: t.status === 'called' || t.status === 'serving' ? 0 : null };
  const stage = t.stage as Stage;
  const waiting = deps.store.all(
    qb
      .selectFrom('tickets')
      .select(['id', 'priority', 'waiting_since', 'number', 'assigned_user_id'])
      .where('day', '=', t.day)
      .where('status', '=', 'waiting')
      .where('stage', '=', stage),
  );
  // A visitor sent to a named petugas waits only behind those anyone (or that petugas) may call.
  const rivals = waiting.filter((w) => w.assigned_user_id === null || w.assigned_user_id === t.assigned_user_id);
  const ratio = priorityRatio(deps);
  const order = callingOrder(
    rivals.map((c) => ({ id: c.id, priority: c.priority as never, waitingSince: c.waiting_since, number: c.number })),
    normalsSoFar(deps, stage, ratio),
    ratio,
  );
  const ahead = Math.max(0, order.findIndex((c) => c.id === t.id));
  const steps = deps.store.all(
    qb
      .selectFrom('step_timings as st')
      .innerJoin('tickets as tk', 'tk.id', 'st.ticket_id')
      .select(['st.ticket_id', 'st.role', 'st.started_at', 'st.ended_at'])
      .where('tk.day', '=', t.day)
      .where('st.role', '=', stage),
  );
  const desks = deps.store.first(
    qb
      .selectFrom('ticket_events')
      .select((eb) => eb.fn.count<number>('counter_no').distinct().as('n'))
      .where('kind', '=', 'called')
      .where('stage', '=', stage)
      .where('at', '>=', iso(new Date(deps.now().getTime() - ACTIVE_DESK_WINDOW_MS))),
  );
  const visits = stageVisits(steps.map((s) => ({ ticketId: s.ticket_id, role: s.role, startedAt: s.started_at, endedAt: s.ended_at })), stage);
  return { ahead, estimatedWaitMin: estimateWaitMin({ ahead, visits, activeDesks: Number(desks?.n ?? 0) }) };
}

export function visitorPosition(deps: Deps, input: ParsedInput<'visitor.position'>): VisitorPosition {
  const t = ticketRow(deps, { id: input.ticketId });
  if (!t) throw new AppFailure('NOT_FOUND', 'Nomor antrean tidak ditemukan.');
  return positionOf(deps, t);
}

/** The page a phone opens: the host's first address other desks reach, on its plain HTTP port. */
function linkFor(deps: Deps, token: string): Omit<VisitorLink, 'token'> {
  const base = networkSettings(deps).urls[0] ?? `http://127.0.0.1:${deps.host.boundPort}`;
  const url = `${base}/#/v/${token}`;
  return { url, reachable: !isLoopback(new URL(base).hostname), qr: qrPath(url) };
}

/** The ticket's phone link: made on first use (one transaction, audited), the same one afterwards. */
export function visitorLink(ctx: Ctx, input: ParsedInput<'visitor.link'>): VisitorLink {
  const token = ctx.store.tx((w) => {
    const existing = ctx.store.first(qb.selectFrom('visitor_links').select('token').where('ticket_id', '=', input.ticketId));
    if (existing) return existing.token;
    if (!ticketRow(ctx, { id: input.ticketId })) throw new AppFailure('NOT_FOUND', 'Nomor antrean tidak ditemukan.');
    const made = randomBytes(TOKEN_BYTES).toString('base64url');
    w.run(qb.insertInto('visitor_links').values({ ticket_id: input.ticketId, token: made, created_at: iso(ctx.now()) }));
    audit(w, ctx, 'visitor.link', 'ticket', input.ticketId);
    return made;
  });
  return { token, ...linkFor(ctx, token) };
}

const CALLED: readonly TicketStatus[] = ['called', 'serving'];

/** The phone page's answer; an unknown token is NOT_FOUND, with nothing said about any ticket. */
export function visitorStatus(deps: Deps, input: ParsedInput<'visitor.status'>): VisitorStatus {
  const link = deps.store.first(qb.selectFrom('visitor_links').select('ticket_id').where('token', '=', input.token));
  const t = link ? ticketRow(deps, { id: link.ticket_id }) : undefined;
  if (!t) throw new AppFailure('NOT_FOUND', 'Tautan antrean ini tidak dikenal. Periksa kode QR pada tiket Anda.');
  const board = displayState(deps);
  const office = getOffice(deps.store);
  const status = t.status as TicketStatus;
  return {
    label: t.label,
    serviceName: t.service_name,
    status,
    stage: t.stage as Stage | null,
    ...positionOf(deps, t),
    calledAt: t.called_at,
    counterNo: CALLED.includes(status) ? t.counter_no : null,
    recentCalls: board.recentByCounter.flatMap((c) => (c.calls[0] ? [c.calls[0]] : [])),
    officeName: office?.name ?? 'Loket',
    timeZone: office?.timeZone ?? 'Asia/Jakarta',
    serverTime: iso(deps.now()),
  };
}
