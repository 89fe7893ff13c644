// The documents slice's handlers: checklists (Admin → Dokumen), the case file, uploads, scans,
// page edits and returns.
import type { documentsContract } from '../../../common/contract/documents';
import { requireActor, type Ctx } from '../../platform/context';
import type { HandlersFor } from '../../platform/transport/handler';
import { unclaimedStore } from '../../platform/transport/idempotency';
import { caseFile, documentPdfFile, listChecklists, saveChecklist, viewPage } from './caseFile';
import { ingestPage, pageRow, removePage } from './pages';
import { returnFile, returnSheet } from './returns';
import { deskScannerConfig, saveDeskScanner, startHostScan } from './scanning';
import { deskScannerRow, listScannerRows, rediscover, reportScanners } from './discovery';
import { assignInboxItem, discardInboxItem, listInbox } from './inbox';
import { uploadChunk, uploadFinish, uploadStart } from './uploads';

/** Events a use case queues on its ctx go out after the call (dispatch publishes them). */
const queue = (ctx: Ctx) => (e: Ctx['events'][number]) => ctx.events.push(e);

export const documentsHandlers = {
  'documents.checklists': (ctx) => listChecklists(ctx),
  'documents.saveChecklist': (ctx, input) => saveChecklist(ctx, input),
  'documents.caseFile': (ctx, input) => caseFile(ctx, input.ticketId),
  'documents.page': (ctx, input) => viewPage(ctx, input.pageId),
  'documents.pdf': (ctx, input) => documentPdfFile(ctx, input),
  'documents.uploadStart': (ctx, input) => uploadStart(ctx, input),
  'documents.uploadChunk': (ctx, input) => uploadChunk(ctx, input),
  'documents.uploadFinish': (ctx, input) => uploadFinish(ctx, input),
  'documents.scan': (ctx, input) => startHostScan(ctx, input),
  'documents.editPage': (ctx, input) => {
    const page = pageRow(ctx, input.pageId);
    const jobCtx: Ctx = { ...ctx, store: unclaimedStore(ctx.store), events: [] };
    const job = ctx.jobs.start(
      'documents.editPage',
      async (j) => {
        j.progress(0.1, 'Mengolah halaman…');
        await ingestPage(
          jobCtx,
          { ticketId: page.ticket_id, docType: page.doc_type, sourceSha256: page.file_sha256, source: 'edit', mode: 'auto', rotate: input.rotate, crop: input.crop, replaces: page.id },
          j.publish,
        );
        return null;
      },
      { startedBy: requireActor(ctx).user.id },
    );
    return { jobId: job.id };
  },
  'documents.removePage': (ctx, input) => removePage(ctx, input.pageId, queue(ctx)),
  'documents.returnFile': (ctx, input) => returnFile(ctx, input),
  'documents.returnSheet': (ctx, input) => returnSheet(ctx, input.returnId),
  'documents.inbox': (ctx) => listInbox(ctx),
  'documents.inboxAssign': (ctx, input) => assignInboxItem(ctx, input),
  'documents.inboxDiscard': (ctx, input) => discardInboxItem(ctx, input.itemId),
  'documents.scanners': (ctx) => listScannerRows(ctx),
  'documents.saveScanner': (ctx, input) => deskScannerRow(ctx, saveDeskScanner(ctx, input)),
  'documents.rediscover': (ctx, input) => rediscover(ctx, input.deskId),
  'documents.reportScanners': (ctx, input) => reportScanners(ctx, input),
  'documents.myScanner': (ctx) => deskScannerConfig(ctx, requireActor(ctx).desk.id),
} satisfies HandlersFor<typeof documentsContract>;
