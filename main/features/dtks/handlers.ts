// The DTKS slice's handlers: Admin → DTKS (upload, preview, import) and the lookup at the desk.
import type { dtksContract } from '../../../common/contract/dtks';
import type { HandlersFor } from '../../platform/transport/handler';
import { lookup, preview, recordPdf, startImport, status, uploadChunk, uploadStart } from './dtks';

export const dtksHandlers = {
  'dtks.uploadStart': (ctx, input) => uploadStart(ctx, input),
  'dtks.uploadChunk': (ctx, input) => uploadChunk(ctx, input),
  'dtks.preview': (ctx, input) => preview(ctx, input),
  'dtks.import': async (ctx, input) => ({ jobId: (await startImport(ctx, input)).id }),
  'dtks.status': (ctx) => status(ctx),
  'dtks.lookup': (ctx, input) => lookup(ctx, input),
  'dtks.recordPdf': (ctx, input) => recordPdf(ctx, input),
} satisfies HandlersFor<typeof dtksContract>;
