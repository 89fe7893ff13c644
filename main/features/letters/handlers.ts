// The letters slice's handlers.
import type { lettersContract } from '../../../common/contract/letters';
import type { HandlersFor } from '../../platform/transport/handler';
import { letterPrinters, printLetter, setDeskPrinter } from './printing';
import { createDelegation, letterSetup, revokeDelegation, saveHospital, saveLetterSettings, saveLetterType, saveOfficial } from './setup';
import { letterPdfFile, signLetter, signQueue, verifyLetter } from './signing';
import { approveLetter, cancelLetter, checkLetter, collectLetter, draftLetter, getLetter, handOverLetter, receiveLetter, workList } from './workflow';

export const lettersHandlers = {
  'letters.setup': (ctx) => letterSetup(ctx),
  'letters.saveSettings': (ctx, input) => saveLetterSettings(ctx, input),
  'letterTypes.save': (ctx, input) => saveLetterType(ctx, input),
  'hospitals.save': (ctx, input) => saveHospital(ctx, input),
  'officials.save': (ctx, input) => saveOfficial(ctx, input),
  'delegations.create': (ctx, input) => createDelegation(ctx, input),
  'delegations.revoke': (ctx, input) => revokeDelegation(ctx, input.id),
  'letters.receive': (ctx, input) => receiveLetter(ctx, input),
  'letters.check': (ctx, input) => checkLetter(ctx, input),
  'letters.draft': (ctx, input) => draftLetter(ctx, input),
  'letters.approve': (ctx, input) => approveLetter(ctx, input),
  'letters.sign': (ctx, input) => signLetter(ctx, input),
  'letters.print': (ctx, input) => printLetter(ctx, input),
  'letters.collect': (ctx, input) => collectLetter(ctx, input),
  'letters.handOver': (ctx, input) => handOverLetter(ctx, input),
  'letters.cancel': (ctx, input) => cancelLetter(ctx, input),
  'letters.get': (ctx, input) => getLetter(ctx, input.id),
  'letters.work': (ctx) => workList(ctx),
  'letters.signQueue': (ctx) => signQueue(ctx),
  'letters.pdf': (ctx, input) => letterPdfFile(ctx, input.id),
  'letters.verify': (ctx, input) => verifyLetter(ctx, input.code),
  'letters.printers': (ctx) => letterPrinters(ctx),
  'letters.setDeskPrinter': (ctx, input) => setDeskPrinter(ctx, input.printer),
} satisfies HandlersFor<typeof lettersContract>;
