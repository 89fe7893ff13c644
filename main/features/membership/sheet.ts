// The family's result sheet as a PDF file for the screen to open or print.
import type { ParsedInput } from '../../../common/contract/index';
import { AppFailure, audit, requireActor, type Ctx } from '../../platform/context';
import { qb } from '../../platform/db';
import { getOffice, officeTimeZone } from '../../platform/office';
import { readFamily } from '../cases';
import { readChecks } from './checks';
import { sheetPdf } from './sheetPdf';

export async function familySheet(ctx: Ctx, input: ParsedInput<'membership.sheet'>) {
  const actor = requireActor(ctx);
  const { family, checks, label, caseId } = ctx.store.tx((w) => {
    const c = w.first(qb.selectFrom('cases').select('id').where('ticket_id', '=', input.ticketId));
    const family = c ? readFamily(w, c.id) : null;
    if (!c || !family) throw new AppFailure('FAMILY_REQUIRED', 'Simpan data keluarga dan cek kepesertaan lebih dulu.');
    const t = w.first(qb.selectFrom('tickets').select('label').where('id', '=', input.ticketId));
    audit(w, ctx, 'membership.sheet', 'case', c.id);
    return { family, checks: readChecks(w, c.id), label: t?.label ?? '-', caseId: c.id };
  });
  const pdf = await sheetPdf(family, checks, {
    officeName: getOffice(ctx.store)?.name ?? 'Loket',
    tz: officeTimeZone(ctx.store),
    printedAt: ctx.now(),
    printedBy: actor.user.fullName,
    ticketLabel: label,
  });
  return { fileName: `hasil-kepesertaan-${family.kk}-${caseId.slice(-6)}.pdf`, base64: pdf.toString('base64') };
}
