// Ticket printing: a PDF for the screen or browser, or straight to the host's configured printer.
import type { ParsedInput } from '../../../common/contract/index';
import { PrinterError } from './printer';
import { AppFailure, audit, type Ctx, type Deps } from '../../platform/context';
import { readSetting, writeSetting } from '../../platform/settings';
import { getOffice } from '../../platform/office';
import { officeDateLong, officeTime, zoneAbbreviation } from '../../../common/domain/time';
import { getTicket } from '../queue';
import { visitorLink, visitorPosition } from '../visitor';
import { ticketPdf } from './ticketPdf';
import { encodeTicket, EscPosError, parsePrinterAddress, sendRaw } from './escpos';
import { aheadText } from '../../../common/domain/estimate';

const KEY = 'devices.ticketPrinter';

export function ticketPrinter(deps: Deps): string | null {
  return readSetting(deps.store, KEY);
}

async function render(ctx: Ctx, ticketId: string) {
  const ticket = getTicket(ctx, ticketId);
  const office = getOffice(ctx.store);
  const tz = office?.timeZone ?? 'Asia/Jakarta';
  const position = visitorPosition(ctx, { ticketId });
  const link = visitorLink(ctx, { ticketId });
  const pdf = await ticketPdf(ticket, {
    officeName: office?.name ?? 'Loket',
    date: officeDateLong(ticket.issuedAt, tz),
    time: `${officeTime(ticket.issuedAt, tz)} ${zoneAbbreviation(tz)}`,
    ...position,
    visitorUrl: link.reachable ? link.url : null,
  });
  return { ticket, pdf };
}

export async function ticketPdfFile(ctx: Ctx, input: ParsedInput<'queue.ticketPdf'>) {
  const { ticket, pdf } = await render(ctx, input.ticketId);
  return { fileName: `antrean-${ticket.label}.pdf`, base64: pdf.toString('base64') };
}

const TCP_KEY = 'devices.ticketPrinterTcp';

export function ticketPrinterTcp(deps: Deps): string | null {
  return readSetting(deps.store, TCP_KEY);
}

/** The thermal printer's paper: number large, office and time, no personal data. */
async function printTicketEscPos(ctx: Ctx, address: string, ticketId: string) {
  const ticket = getTicket(ctx, ticketId);
  const office = getOffice(ctx.store);
  const tz = office?.timeZone ?? 'Asia/Jakarta';
  const position = visitorPosition(ctx, { ticketId });
  const link = visitorLink(ctx, { ticketId });
  const bytes = encodeTicket(
    [
      { text: office?.name ?? 'Loket', bold: true },
      { text: `${officeDateLong(ticket.issuedAt, tz)}  ${officeTime(ticket.issuedAt, tz)} ${zoneAbbreviation(tz)}` },
      { text: 'NOMOR ANTREAN' },
      { text: ticket.label, size: 3, bold: true },
      { text: ticket.serviceName },
      { text: aheadText(position.ahead), bold: true },
    ],
    link.reachable ? link.url : null,
  );
  const addr = parsePrinterAddress(address);
  try {
    if (!addr) throw new EscPosError(`alamat printer struk "${address}" tidak terbaca`);
    await sendRaw(addr, bytes);
  } catch (err) {
    if (err instanceof EscPosError)
      throw new AppFailure('PRINTER_FAILED', `Tiket ${ticket.label} tidak tercetak: ${err.message}. Nomor tetap berlaku; tekan Cetak ulang untuk mencetak nomor yang sama, atau unduh PDF tiketnya.`);
    throw err;
  }
  ctx.store.tx((w) => audit(w, ctx, 'queue.printTicket', 'ticket', ticket.id, { printer: address, escpos: true }));
  return { printer: address, jobId: `escpos-${ticket.label}` };
}

export async function printTicket(ctx: Ctx, input: ParsedInput<'queue.printTicket'>) {
  const tcp = ticketPrinterTcp(ctx);
  if (tcp) return printTicketEscPos(ctx, tcp, input.ticketId);
  const printer = ticketPrinter(ctx);
  if (!printer) throw new AppFailure('NO_PRINTER', 'Printer tiket belum diatur. Minta admin memilih printer di menu Admin → Perangkat.');
  const { ticket, pdf } = await render(ctx, input.ticketId);
  try {
    const jobId = await ctx.printer.print(printer, pdf, `Antrean ${ticket.label}`);
    ctx.store.tx((w) => audit(w, ctx, 'queue.printTicket', 'ticket', ticket.id, { printer, jobId }));
    return { printer, jobId };
  } catch (err) {
    if (err instanceof PrinterError)
      // The spooler's own message may end in a full stop; do not double it.
      throw new AppFailure('PRINTER_FAILED', `Tiket ${ticket.label} tidak tercetak: ${err.message.replace(/[.\s]+$/, '')}. Nomor tetap berlaku; tunjukkan di layar atau coba cetak lagi.`);
    throw err;
  }
}

export async function listPrinters(ctx: Ctx) {
  try {
    return { printers: await ctx.printer.list(), ticketPrinter: ticketPrinter(ctx), error: null };
  } catch (err) {
    return { printers: [], ticketPrinter: ticketPrinter(ctx), error: (err as Error).message };
  }
}

export function setDevices(ctx: Ctx, input: ParsedInput<'settings.devices'>) {
  ctx.store.tx((w) => {
    writeSetting(w, KEY, input.ticketPrinter);
    if (input.ticketPrinterTcp !== undefined) writeSetting(w, TCP_KEY, input.ticketPrinterTcp);
    audit(w, ctx, 'settings.devices', 'settings', null, input);
  });
  return { ticketPrinter: ticketPrinter(ctx), ticketPrinterTcp: ticketPrinterTcp(ctx) };
}
