// Letters to the office printer through the host's DocumentPrinter (CUPS on Linux/macOS, the Windows
// spooler on Windows: main/features/devices/systemPrinter.ts), the printer chosen per desk. Only a
// print the spooler accepted marks the letter printed; a refusal is reported and the letter stays
// "belum dicetak" (ditandatangani). A reprint sends the same archived bytes.
import type { ParsedInput } from '../../../common/contract/index';
import { AppFailure, audit, iso, requireActor, type Ctx } from '../../platform/context';
import { FileStore } from '../../platform/files';
import { readSetting, writeSetting } from '../../platform/settings';
import { forMove, patchLetter, setStatus } from './workflow';

const deskKey = (deskId: string) => `letters.printer.${deskId}`;

export function deskPrinter(ctx: Ctx): string | null {
  return readSetting(ctx.store, deskKey(requireActor(ctx).desk.id));
}

export async function letterPrinters(ctx: Ctx) {
  const deskPrinterName = deskPrinter(ctx);
  try {
    return { printers: (await ctx.printer.list()).map((p) => p.name), deskPrinter: deskPrinterName, error: null };
  } catch (err) {
    return { printers: [], deskPrinter: deskPrinterName, error: (err as Error).message };
  }
}

export function setDeskPrinter(ctx: Ctx, printer: string | null) {
  const desk = requireActor(ctx).desk;
  ctx.store.tx((w) => {
    writeSetting(w, deskKey(desk.id), printer);
    audit(w, ctx, 'letters.setDeskPrinter', 'desk', desk.id, { printer });
  });
  return { deskPrinter: deskPrinter(ctx) };
}

export async function printLetter(ctx: Ctx, input: ParsedInput<'letters.print'>) {
  const printer = deskPrinter(ctx);
  if (!printer) throw new AppFailure('NO_PRINTER', 'Printer surat untuk meja ini belum dipilih. Pilih printer di layar Surat → Printer meja ini.');
  const row = forMove(ctx.store, input.id, 'print');
  if (!row.pdf_sha256) throw new AppFailure('INVALID_STATE', 'Surat belum memiliki berkas PDF yang ditandatangani.');
  const pdf = new FileStore(ctx.dataDir).read(row.pdf_sha256);
  let jobId: string;
  try {
    jobId = await ctx.printer.print(printer, pdf, `Surat ${row.number ?? row.id}`);
  } catch (err) {
    const why = (err as Error).message.replace(/[.\s]+$/, '');
    throw new AppFailure('PRINTER_FAILED', `Surat ${row.number ?? ''} belum dicetak: ${why}. Surat tetap tersimpan dan dapat dicetak ulang.`);
  }
  const at = iso(ctx.now());
  return ctx.store.tx((w) => {
    const current = forMove(w, input.id, 'print');
    const first = current.status === 'ditandatangani';
    if (first) setStatus(w, current.id, 'dicetak', at, { printed_at: at, printer, print_job: jobId, print_error: null });
    else patchLetter(w, current.id, at, { printer, print_job: jobId });
    audit(w, ctx, first ? 'letters.print' : 'letters.reprint', 'letter', current.id, { printer, jobId });
    return { id: current.id, status: first ? ('dicetak' as const) : (current.status as 'dicetak'), number: current.number, printer, jobId };
  });
}

