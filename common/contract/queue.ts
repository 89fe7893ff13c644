// The visitor queue: issue, call, serve each SOP step, transfer, notes.
import { z } from 'zod';
import { Priority, Stage, StepRole, TicketStatus } from '../domain/words';
import { User } from './auth';
import { empty, entry, Id, Iso } from './core';

export const StepTiming = z.object({
  seq: z.number().int(),
  name: z.string(),
  role: StepRole,
  mutuBakuMin: z.number(),
  startedAt: Iso.nullable(),
  endedAt: Iso.nullable(),
});
export type StepTiming = z.infer<typeof StepTiming>;

/**
 * A ticket as staff screens see it: numbers and state, no personal data. The host parses every
 * output with its schema: in development and tests a field the schema does not name fails the
 * call (so a personal field added to the query fails a test); in production it is stripped.
 */
export const Ticket = z.object({
  id: Id,
  label: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  priority: Priority.nullable(),
  status: TicketStatus,
  stage: Stage.nullable(),
  counterNo: z.number().int().nullable(),
  assignedUserId: Id.nullable(),
  handledByUserId: Id.nullable(),
  issuedAt: Iso,
  calledAt: Iso.nullable(),
  waitingSince: Iso,
  currentStep: StepTiming.nullable(),
  steps: z.array(StepTiming),
  hasCase: z.boolean(),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketNote = z.object({ at: Iso, userName: z.string(), text: z.string() });

const ticketRef = z.object({ ticketId: Id });
const stageRoles = ['resepsionis', 'petugas'] as const;

export const queueContract = {
  'queue.issue': entry(
    z.object({
      serviceCode: z.string().regex(/^[A-Z]$/),
      priority: Priority.nullable(),
      /** How long the satpam spent with the visitor before issuing, measured on the screen. */
      satpamMs: z.number().int().min(0).max(3_600_000).optional(),
    }),
    Ticket,
    ['satpam', 'admin'],
  ),
  'queue.ticketPdf': entry(ticketRef, z.object({ fileName: z.string(), base64: z.string() }), ['satpam', 'admin']),
  'queue.printTicket': entry(ticketRef, z.object({ printer: z.string(), jobId: z.string() }), ['satpam', 'admin']),
  'queue.board': entry(
    z.object({ stage: Stage }),
    z.object({ waiting: z.array(Ticket), skipped: z.array(Ticket), mine: z.array(Ticket), priorityRatio: z.number().int() }),
    ['resepsionis', 'petugas', 'admin'],
  ),
  'queue.callNext': entry(z.object({ stage: Stage }), Ticket.nullable(), stageRoles),
  'queue.recall': entry(ticketRef, Ticket, stageRoles),
  'queue.skip': entry(ticketRef, Ticket, stageRoles),
  'queue.callSkipped': entry(ticketRef, Ticket, stageRoles),
  'queue.transfer': entry(
    z.object({ ticketId: Id, serviceCode: z.string().regex(/^[A-Z]$/).optional(), toUserId: Id.optional() }),
    Ticket,
    stageRoles,
  ),
  'queue.startStep': entry(ticketRef, Ticket, stageRoles),
  'queue.finishStep': entry(ticketRef, Ticket, stageRoles),
  'queue.addNote': entry(z.object({ ticketId: Id, text: z.string().trim().min(1).max(2000) }), z.object({}), stageRoles, { personal: true }),
  'queue.notes': entry(ticketRef, z.array(TicketNote), ['resepsionis', 'petugas', 'admin'], { personal: true }),
  'queue.petugasList': entry(empty, z.array(User.pick({ id: true, fullName: true })), stageRoles),
} as const;
