// An incomplete file goes back to the visitor (seed 002 step 2: "jika tidak lengkap maka diminta
// untuk melengkapi berkas"): the return is recorded with what was missing, and a sheet listing it
// is printed for the visitor to take home.
import { DOC_TYPES, isDocType } from '../../../common/domain/documents';
import { officeDateLong, officeTime, zoneAbbreviation } from '../../../common/domain/time';
import type { ParsedInput } from '../../../common/contract/index';
import { AppFailure, audit, iso, newId, requireActor, type Ctx } from '../../platform/context';
import { qb } from '../../platform/db';
import { getOffice } from '../../platform/office';
import { pdfEngine } from '../../platform/pdf';
import { caseChecklist } from './caseFile';

export function returnFile(ctx: Ctx, input: ParsedInput<'documents.returnFile'>) {
  const actor = requireActor(ctx);
  const { missing, complete } = caseChecklist(ctx, input.ticketId);
  if (complete) throw new AppFailure('INVALID_STATE', 'Berkas sudah lengkap; tidak ada yang perlu dikembalikan.');
  const id = newId();
  const at = iso(ctx.now());
  ctx.store.tx((w) => {
    w.run(qb.insertInto('file_returns').values({ id, ticket_id: input.ticketId, missing: JSON.stringify(missing), user_id: actor.user.id, created_at: at }));
    audit(w, ctx, 'documents.returnFile', 'ticket', input.ticketId, { missing });
  });
  return { returnId: id, at, missing, byName: actor.user.fullName };
}

export async function returnSheet(ctx: Ctx, returnId: string) {
  requireActor(ctx);
  const r = ctx.store.first(
    qb.selectFrom('file_returns as r').innerJoin('tickets as t', 't.id', 'r.ticket_id').innerJoin('services as s', 's.id', 't.current_service_id')
      .leftJoin('users as u', 'u.id', 'r.user_id').leftJoin('cases as c', 'c.ticket_id', 'r.ticket_id')
      .select(['r.id', 'r.ticket_id', 'r.missing', 'r.created_at', 't.label', 's.name as service', 'u.full_name', 'c.name as visitor']).where('r.id', '=', returnId),
  );
  if (!r) throw new AppFailure('NOT_FOUND', 'Catatan pengembalian berkas tidak ditemukan.');
  const office = getOffice(ctx.store);
  const tz = office?.timeZone ?? 'Asia/Jakarta';
  const missing = (JSON.parse(r.missing) as string[]).filter(isDocType);
  const doc = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { font: 'Helvetica', fontSize: 11, lineHeight: 1.25 },
    info: { title: `Berkas belum lengkap ${r.label}`, creator: 'Loket', producer: 'Loket' },
    content: [
      { text: office?.name ?? 'Loket', bold: true, fontSize: 13 },
      { text: office?.address ?? '', fontSize: 9, margin: [0, 0, 0, 16] },
      { text: 'BERKAS BELUM LENGKAP', bold: true, fontSize: 16, margin: [0, 0, 0, 4] },
      { text: 'Mohon lengkapi dokumen berikut, lalu kembali ke loket dengan membawa berkas ini.', margin: [0, 0, 0, 12] },
      {
        table: {
          widths: [110, '*'],
          body: [
            ['Nomor antrean', r.label],
            ['Layanan', r.service],
            ['Nama', r.visitor ?? '-'],
            ['Tanggal', `${officeDateLong(r.created_at, tz)}, ${officeTime(r.created_at, tz)} ${zoneAbbreviation(tz)}`],
          ],
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 14],
      },
      { text: 'Dokumen yang belum ada:', bold: true, margin: [0, 0, 0, 6] },
      { ol: missing.map((d) => DOC_TYPES[d]), margin: [0, 0, 0, 18] },
      { text: 'Dokumen yang sudah diserahkan tetap tersimpan di kantor; Anda cukup membawa yang belum ada.', fontSize: 10, margin: [0, 0, 0, 24] },
      { text: `Petugas: ${r.full_name ?? '-'}`, fontSize: 10 },
    ],
  };
  const pdf = await pdfEngine().createPdf(doc).getBuffer();
  ctx.store.tx((w) => audit(w, ctx, 'documents.returnSheet', 'ticket', r.ticket_id, { returnId }));
  return { fileName: `berkas-belum-lengkap-${r.label}.pdf`, base64: Buffer.from(pdf).toString('base64') };
}
