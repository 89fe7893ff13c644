import type { queueContract } from '../../../common/contract/queue';
import type { HandlersFor } from '../../platform/transport/handler';
import { ticketPdfFile, printTicket } from '../devices';
import { addNote, notes, petugasList } from './notes';
import * as queue from './queue';
import * as visit from './visit';

export const queueHandlers = {
  'queue.issue': (ctx, input) => queue.issueTicket(ctx, input),
  'queue.ticketPdf': (ctx, input) => ticketPdfFile(ctx, input),
  'queue.printTicket': (ctx, input) => printTicket(ctx, input),
  'queue.board': (ctx, input) => queue.board(ctx, input),
  'queue.callNext': (ctx, input) => queue.callNext(ctx, input),
  'queue.callTicket': (ctx, input) => queue.callTicket(ctx, input),
  'queue.recall': (ctx, input) => queue.recall(ctx, input),
  'queue.skip': (ctx, input) => queue.skip(ctx, input),
  'queue.callSkipped': (ctx, input) => queue.callSkipped(ctx, input),
  'queue.closeNoShow': (ctx, input) => visit.closeNoShow(ctx, input),
  'queue.endVisit': (ctx, input) => visit.endVisit(ctx, input),
  'queue.transfer': (ctx, input) => visit.transfer(ctx, input),
  'queue.startStep': (ctx, input) => visit.startStep(ctx, input),
  'queue.finishStep': (ctx, input) => visit.finishStep(ctx, input),
  'queue.addNote': (ctx, input) => addNote(ctx, input),
  'queue.notes': (ctx, input) => notes(ctx, input),
  'queue.petugasList': (ctx) => petugasList(ctx),
} satisfies HandlersFor<typeof queueContract>;
