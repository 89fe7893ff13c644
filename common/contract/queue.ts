// The visitor queue: issue, call, serve each SOP step, transfer, end a visit, notes.
// Every entry that creates or moves something is idempotent and takes a requestId (see core.ts).
import { z } from 'zod';
import { EndReason, Outcome, Priority, Stage, StepRole, TicketStatus } from '../domain/words';
import { User } from './auth';
import { empty, entry, Id, Iso, RequestId } from './core';

export const StepTiming = z.object({
  /** Position in this ticket's path (a transfer appends the target service's steps). */
  seq: z.number().int(),
  name: z.string(),
  role: StepRole,
  mutuBakuMin: z.number(),
  /** The service whose SOP step this is (after a transfer: the service it was served under). */
  serviceCode: z.string(),
  /** The step's own number in that service's SOP: with serviceCode, what statistics group by. */
  stepSeq: z.number().int(),
  /** When the visitor became ready for this step (start of the wait); null until then. */
  readyAt: Iso.nullable(),
  startedAt: Iso.nullable(),
  endedAt: Iso.nullable(),
  /** Actual duration of a finished step (start → end), whole seconds; null until it has both. */
  durationSec: z.number().int().nullable(),
  /** Finished faster than any real work allows (MIN_PLAUSIBLE_STEP_SEC): never within mutu baku. */
  implausible: z.boolean(),
});
export type StepTiming = z.infer<typeof StepTiming>;

/**
 * A ticket as staff screens see it: numbers and state, no personal data (notes are personal: only
 * their count is here). The host parses every output with its schema: in development and tests a
 * field the schema does not name fails the call (so a personal field added to the query fails a
 * test); in production it is stripped.
 */
export const Ticket = z.object({
  id: Id,
  /** The printed number, for life: the issuing service's code and its number of the day. */
  label: z.string(),
  /** The service the visitor is in now (differs from the issuing one after a transfer). */
  serviceCode: z.string(),
  serviceName: z.string(),
  /** The service that issued the ticket: its numbering owns `label`. */
  issuedServiceCode: z.string(),
  issuedServiceName: z.string(),
  priority: Priority.nullable(),
  status: TicketStatus,
  stage: Stage.nullable(),
  counterNo: z.number().int().nullable(),
  assignedUserId: Id.nullable(),
  handledByUserId: Id.nullable(),
  issuedAt: Iso,
  calledAt: Iso.nullable(),
  waitingSince: Iso,
  /** When the ticket was last skipped, while it is `skipped`; else null. */
  skippedAt: Iso.nullable(),
  /** When it became done, cancelled or no_show; else null. */
  closedAt: Iso.nullable(),
  /** Why a cancelled visit was ended; null otherwise. */
  endReason: EndReason.nullable(),
  /** The petugas's result, recorded when finishing the last petugas step. */
  outcome: Outcome.nullable(),
  outcomeNote: z.string().nullable(),
  currentStep: StepTiming.nullable(),
  steps: z.array(StepTiming),
  hasCase: z.boolean(),
  noteCount: z.number().int(),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketNote = z.object({ at: Iso, userName: z.string(), text: z.string() });

const requestId = RequestId.optional();
const ticketRef = z.object({ ticketId: Id });
const ticketMove = z.object({ ticketId: Id, requestId });
const stageRoles = ['resepsionis', 'petugas'] as const;
const idempotent = { idempotent: true } as const;
/** The resepsionis confirms moving on without a saved case, and says why (audited). */
const NoCaseReason = z.string().trim().min(3).max(500);
/**
 * Calling while this user still has a visitor called or being served at this desk is refused
 * (BUSY_WITH_VISITOR) unless `force` (the person confirmed they mean it).
 */
const force = z.boolean().optional();

export const queueContract = {
  'queue.issue': entry(
    z.object({
      serviceCode: z.string().regex(/^[A-Z]$/),
      priority: Priority.nullable(),
      /** How long the satpam spent with the visitor before issuing, measured on the screen. */
      satpamMs: z.number().int().min(0).max(3_600_000).optional(),
      requestId,
    }),
    Ticket,
    ['satpam', 'admin'],
    idempotent,
  ),
  'queue.ticketPdf': entry(ticketRef, z.object({ fileName: z.string(), base64: z.string() }), ['satpam', 'admin']),
  'queue.printTicket': entry(ticketRef, z.object({ printer: z.string(), jobId: z.string() }), ['satpam', 'admin']),
  'queue.board': entry(
    z.object({ stage: Stage }),
    z.object({
      /** In the real calling order (what callNext would take, one after another). */
      waiting: z.array(Ticket),
      /** The first of `waiting` this user's callNext would take; null when none. */
      nextTicketId: Id.nullable(),
      skipped: z.array(Ticket),
      mine: z.array(Ticket),
      priorityRatio: z.number().int(),
    }),
    ['resepsionis', 'petugas', 'admin'],
  ),
  'queue.callNext': entry(z.object({ stage: Stage, force, requestId }), Ticket.nullable(), stageRoles, idempotent),
  /** Calls a chosen waiting number ("Panggil nomor ini"): same guards and announcement as callNext. */
  'queue.callTicket': entry(z.object({ ticketId: Id, force, requestId }), Ticket, stageRoles, idempotent),
  'queue.recall': entry(ticketMove, Ticket, stageRoles, idempotent),
  'queue.skip': entry(ticketMove, Ticket, stageRoles, idempotent),
  'queue.callSkipped': entry(z.object({ ticketId: Id, force, requestId }), Ticket, stageRoles, idempotent),
  /** Closes a skipped ticket as absent: status no_show. */
  'queue.closeNoShow': entry(ticketMove, Ticket, stageRoles, idempotent),
  /** Ends a visit at any point before it is done: status cancelled, counted as such, not as served. */
  'queue.endVisit': entry(
    z.object({ ticketId: Id, reason: EndReason, note: z.string().trim().max(500).optional(), requestId }),
    Ticket,
    stageRoles,
    idempotent,
  ),
  /** Needs a saved case, or `noCaseReason` (CASE_REQUIRED otherwise). */
  'queue.transfer': entry(
    z.object({
      ticketId: Id,
      serviceCode: z.string().regex(/^[A-Z]$/).optional(),
      toUserId: Id.optional(),
      noCaseReason: NoCaseReason.optional(),
      requestId,
    }),
    Ticket,
    stageRoles,
    idempotent,
  ),
  'queue.startStep': entry(ticketMove, Ticket, stageRoles, idempotent),
  /**
   * Finishing the last resepsionis step needs a saved case or `noCaseReason` (CASE_REQUIRED);
   * finishing the last petugas step needs `outcome` and `outcomeNote` (OUTCOME_REQUIRED).
   */
  'queue.finishStep': entry(
    z.object({
      ticketId: Id,
      noCaseReason: NoCaseReason.optional(),
      outcome: Outcome.optional(),
      outcomeNote: z.string().trim().min(1).max(500).optional(),
      requestId,
    }),
    Ticket,
    stageRoles,
    idempotent,
  ),
  'queue.addNote': entry(
    z.object({ ticketId: Id, text: z.string().trim().min(1).max(2000), requestId }),
    z.object({}),
    stageRoles,
    { personal: true, idempotent: true },
  ),
  'queue.notes': entry(ticketRef, z.array(TicketNote), ['resepsionis', 'petugas', 'admin'], { personal: true }),
  'queue.petugasList': entry(empty, z.array(User.pick({ id: true, fullName: true })), stageRoles),
} as const;
