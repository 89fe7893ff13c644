// The register slice's handlers.
import type { registerContract } from '../../../common/contract/register';
import type { HandlersFor } from '../../platform/transport/handler';
import { startRegisterExport } from './exporting';
import { startImport } from './importing';
import { registerPage } from './query';
import { startRecap } from './recap';
import { deleteView, listViews, registerOptions, saveView } from './views';

export const registerHandlers = {
  'register.page': (ctx, input) => registerPage(ctx, input),
  'register.options': (ctx) => registerOptions(ctx),
  'register.views': (ctx) => listViews(ctx),
  'register.saveView': (ctx, input) => saveView(ctx, input),
  'register.deleteView': (ctx, input) => deleteView(ctx, input.id),
  'register.export': (ctx, input) => ({ jobId: startRegisterExport(ctx, input).id }),
  'register.recap': (ctx, input) => ({ jobId: startRecap(ctx, input).id }),
  'register.import': (ctx, input) => ({ jobId: startImport(ctx, input).id }),
} satisfies HandlersFor<typeof registerContract>;
