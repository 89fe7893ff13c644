// The letters slice's handlers.
import type { lettersContract } from '../../../common/contract/letters';
import type { Ctx } from '../../platform/context';
import type { HandlersFor } from '../../platform/transport/handler';
import { letterPrinters, printLetter, setDeskPrinter } from './printing';
import { createDelegation, letterSetup, revokeDelegation, saveHospital, saveLetterSettings, saveLetterType, saveOfficial } from './setup';
import { letterPdfFile, signLetter, signQueue, verifyLetter } from './signing';
import { approveLetter, cancelLetter, checkLetter, collectLetter, draftLetter, getLetter, handOverLetter, receiveLetter, workList } from './workflow';

/** Tells every screen a letter moved; published after the call's transaction committed. */
function announce<T extends { id: string; status: string }>(ctx: Ctx, moved: T): T {
  ctx.events.push({ type: 'letters.changed', id: moved.id, status: moved.status });
  return moved;
}

export const lettersHandlers = {
  'letters.setup': (ctx) => letterSetup(ctx),
  'letters.saveSettings': (ctx, input) => saveLetterSettings(ctx, input),
  'letterTypes.save': (ctx, input) => saveLetterType(ctx, input),
  'hospitals.save': (ctx, input) => saveHospital(ctx, input),
  'officials.save': (ctx, input) => saveOfficial(ctx, input),
  'delegations.create': (ctx, input) => createDelegation(ctx, input),
  'delegations.revoke': (ctx, input) => revokeDelegation(ctx, input.id),
  'letters.receive': (ctx, input) => announce(ctx, receiveLetter(ctx, input)),
  'letters.check': (ctx, input) => announce(ctx, checkLetter(ctx, input)),
  'letters.draft': (ctx, input) => announce(ctx, draftLetter(ctx, input)),
  'letters.approve': (ctx, input) => announce(ctx, approveLetter(ctx, input)),
  'letters.sign': async (ctx, input) => announce(ctx, await signLetter(ctx, input)),
  'letters.print': async (ctx, input) => announce(ctx, await printLetter(ctx, input)),
  'letters.collect': (ctx, input) => announce(ctx, collectLetter(ctx, input)),
  'letters.handOver': (ctx, input) => announce(ctx, handOverLetter(ctx, input)),
  'letters.cancel': (ctx, input) => announce(ctx, cancelLetter(ctx, input)),
  'letters.get': (ctx, input) => getLetter(ctx, input.id),
  'letters.work': (ctx) => workList(ctx),
  'letters.signQueue': (ctx) => signQueue(ctx),
  'letters.pdf': (ctx, input) => letterPdfFile(ctx, input.id),
  'letters.verify': (ctx, input) => verifyLetter(ctx, input.code),
  'letters.printers': (ctx) => letterPrinters(ctx),
  'letters.setDeskPrinter': (ctx, input) => setDeskPrinter(ctx, input.printer),
} satisfies HandlersFor<typeof lettersContract>;
