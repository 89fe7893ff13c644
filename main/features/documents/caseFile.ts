// Checklists per service and what a case holds: the reads and the admin's checklist edits.
import { DOC_TYPES, checklistState, defaultChecklist, isDocType, type DocType } from '../../../common/domain/documents';
import type { CaseFile, Checklist, ParsedInput } from '../../../common/contract/index';
import { AppFailure, audit, iso, requireActor, type Ctx, type Deps } from '../../platform/context';
import { qb } from '../../platform/db';
import { FileStore } from '../../platform/files';
import { getTicket } from '../queue';

export const fileStore = (deps: Pick<Deps, 'dataDir'>): FileStore => new FileStore(deps.dataDir);

const parseTypes = (json: string): DocType[] => (JSON.parse(json) as string[]).filter(isDocType);

export function listChecklists(deps: Deps): Checklist[] {
  const services = deps.store.all(qb.selectFrom('services').select(['id', 'code', 'name']).where('active', '=', 1).orderBy('sort').orderBy('code'));
  const saved = new Map(deps.store.all(qb.selectFrom('document_checklists').selectAll()).map((r) => [r.service_id, r]));
  return services.map((s) => {
    const row = saved.get(s.id);
    return { serviceId: s.id, serviceCode: s.code, serviceName: s.name, docTypes: row ? parseTypes(row.doc_types) : defaultChecklist(s), isDefault: !row };
  });
}

export function requiredDocTypes(deps: Deps, serviceId: string): DocType[] {
  const row = deps.store.first(qb.selectFrom('document_checklists').select('doc_types').where('service_id', '=', serviceId));
  if (row) return parseTypes(row.doc_types);
  const s = deps.store.first(qb.selectFrom('services').select(['code', 'name']).where('id', '=', serviceId));
  return s ? defaultChecklist(s) : [];
}

export function saveChecklist(ctx: Ctx, input: ParsedInput<'documents.saveChecklist'>): Checklist {
  const actor = requireActor(ctx);
  const service = ctx.store.first(qb.selectFrom('services').select(['id', 'code', 'name']).where('id', '=', input.serviceId));
  if (!service) throw new AppFailure('NOT_FOUND', 'Layanan tidak ditemukan.');
  const docTypes = [...new Set(input.docTypes)];
  const now = iso(ctx.now());
  ctx.store.tx((w) => {
    w.run(
      qb
        .insertInto('document_checklists')
        .values({ service_id: service.id, doc_types: JSON.stringify(docTypes), updated_by: actor.user.id, updated_at: now })
        .onConflict((oc) => oc.column('service_id').doUpdateSet({ doc_types: JSON.stringify(docTypes), updated_by: actor.user.id, updated_at: now })),
    );
    audit(w, ctx, 'documents.saveChecklist', 'service', service.id, { docTypes });
  });
  return { serviceId: service.id, serviceCode: service.code, serviceName: service.name, docTypes, isDefault: false };
}

/** The ticket's current service (a transfer changes what the file must hold). */
export function ticketService(deps: Deps, ticketId: string): { serviceId: string; label: string; serviceName: string } {
  const row = deps.store.first(
    qb.selectFrom('tickets as t').innerJoin('services as s', 's.id', 't.current_service_id').select(['t.current_service_id', 't.label', 's.name']).where('t.id', '=', ticketId),
  );
  if (!row) throw new AppFailure('NOT_FOUND', 'Nomor antrean tidak ditemukan.');
  return { serviceId: row.current_service_id, label: row.label, serviceName: row.name };
}

/** Live pages (not replaced, not removed) of a case, in document order. */
export function livePages(deps: Deps, ticketId: string) {
  return deps.store.all(
    qb.selectFrom('document_pages').selectAll().where('ticket_id', '=', ticketId).where('replaced_by', 'is', null).where('removed_at', 'is', null).orderBy('doc_type').orderBy('seq'),
  );
}

export function caseChecklist(deps: Deps, ticketId: string) {
  const svc = ticketService(deps, ticketId);
  const pages = livePages(deps, ticketId);
  const count: Partial<Record<DocType, number>> = {};
  for (const p of pages) if (isDocType(p.doc_type)) count[p.doc_type] = (count[p.doc_type] ?? 0) + 1;
  return { svc, pages, ...checklistState(requiredDocTypes(deps, svc.serviceId), count) };
}

export function caseFile(ctx: Ctx, ticketId: string): CaseFile {
  requireActor(ctx);
  getTicket(ctx, ticketId);
  const { svc, pages, lines, complete } = caseChecklist(ctx, ticketId);
  const files = fileStore(ctx);
  const pdfs = new Map(ctx.store.all(qb.selectFrom('document_pdfs').selectAll().where('ticket_id', '=', ticketId)).map((r) => [r.doc_type, r]));
  const order = [...lines.map((l) => l.docType), ...(Object.keys(DOC_TYPES) as DocType[])];
  const types = [...new Set(order.filter((d) => pages.some((p) => p.doc_type === d)))];
  const documents = types.map((docType) => ({
    docType,
    name: DOC_TYPES[docType],
    pages: pages
      .filter((p) => p.doc_type === docType)
      .map((p, i) => ({ pageId: p.id, seq: i + 1, width: p.width, height: p.height, bytes: p.bytes, thumbBase64: files.read(p.thumb_sha256).toString('base64') })),
    pdfBytes: pdfs.get(docType)?.bytes ?? null,
  }));
  const returns = ctx.store.all(
    qb.selectFrom('file_returns as r').leftJoin('users as u', 'u.id', 'r.user_id').select(['r.id', 'r.created_at', 'r.missing', 'u.full_name']).where('r.ticket_id', '=', ticketId).orderBy('r.created_at'),
  );
  // Every look at a case's scans is on the record (thumbnails are the scans, small).
  ctx.store.tx((w) => audit(w, ctx, 'documents.view', 'ticket', ticketId, { pages: pages.length }));
  return {
    ticketId,
    ticketLabel: svc.label,
    serviceName: svc.serviceName,
    checklist: lines,
    complete,
    documents,
    returns: returns.map((r) => ({ returnId: r.id, at: r.created_at, missing: parseTypes(r.missing), byName: r.full_name ?? '' })),
  };
}

export function viewPage(ctx: Ctx, pageId: string) {
  requireActor(ctx);
  const p = ctx.store.first(qb.selectFrom('document_pages').selectAll().where('id', '=', pageId));
  if (!p) throw new AppFailure('NOT_FOUND', 'Halaman tidak ditemukan.');
  const base64 = fileStore(ctx).read(p.file_sha256).toString('base64');
  ctx.store.tx((w) => audit(w, ctx, 'documents.viewPage', 'document_page', p.id, { ticketId: p.ticket_id, docType: p.doc_type }));
  return { pageId: p.id, mime: p.mime, base64, width: p.width, height: p.height };
}

export function documentPdfFile(ctx: Ctx, input: ParsedInput<'documents.pdf'>) {
  requireActor(ctx);
  const svc = ticketService(ctx, input.ticketId);
  const row = ctx.store.first(qb.selectFrom('document_pdfs').selectAll().where('ticket_id', '=', input.ticketId).where('doc_type', '=', input.docType));
  if (!row?.file_sha256) throw new AppFailure('NOT_FOUND', 'Dokumen ini belum punya halaman.');
  const base64 = fileStore(ctx).read(row.file_sha256).toString('base64');
  ctx.store.tx((w) => audit(w, ctx, 'documents.viewPdf', 'ticket', input.ticketId, { docType: input.docType }));
  return { fileName: `${svc.label}-${input.docType}.pdf`, base64 };
}
