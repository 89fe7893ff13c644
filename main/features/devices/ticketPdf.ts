// The paper ticket the visitor holds: 80 mm wide, number large, no personal data.
import { pdfEngine } from '../../platform/pdf';
import type { Ticket } from '../../../common/contract/index';
import { aheadText, waitText } from '../../../common/domain/estimate';

const MM = 72 / 25.4;
const PRIORITY: Record<string, string> = { lansia: 'Lansia', disabilitas: 'Disabilitas', ibu_hamil: 'Ibu hamil', gawat_darurat: 'GAWAT DARURAT' };

/** What the paper says beside the number: all of it numbers and office facts, nothing personal. */
export interface TicketFacts {
  officeName: string;
  /** "Jumat, 27 November 2026" and "14.05 WIB" on the office's clock. */
  date: string;
  time: string;
  ahead: number;
  estimatedWaitMin: number | null;
  /** The phone page; null when no phone could open it (the host listens on this PC only). */
  visitorUrl: string | null;
}

export async function ticketPdf(ticket: Ticket, facts: TicketFacts): Promise<Buffer> {
  const qr = facts.visitorUrl
    ? [
        // The quiet zone the QR specification asks for (4 modules, ~4.5 mm here) is kept by the margins.
        { qr: facts.visitorUrl, fit: 38 * MM, eccLevel: 'M', margin: [0, 13, 0, 13] },
        { text: 'Pindai dengan ponsel untuk memantau antrean Anda (Wi-Fi kantor).', fontSize: 8 },
      ]
    : [];
  const doc = {
    // Exactly as long as the content: thermal printers cut at the page's end, so no blank tail
    // and never a second page, however long the office's name.
    pageSize: { width: 80 * MM, height: 'auto' },
    pageMargins: [4 * MM, 5 * MM, 4 * MM, 5 * MM],
    info: { title: `Nomor antrean ${ticket.label}`, creator: 'Loket' },
    defaultStyle: { font: 'Helvetica', fontSize: 10, alignment: 'center' },
    content: [
      { text: facts.officeName, bold: true, fontSize: 11 },
      { text: `${facts.date}  ${facts.time}`, fontSize: 9, margin: [0, 3, 0, 0] },
      { text: 'NOMOR ANTREAN', margin: [0, 8, 0, 0], fontSize: 9 },
      { text: ticket.label, bold: true, fontSize: 44, margin: [0, 2, 0, 2] },
      { text: ticket.serviceName, fontSize: 12 },
      ...(ticket.priority ? [{ text: `Prioritas: ${PRIORITY[ticket.priority]}`, bold: true, margin: [0, 4, 0, 0] }] : []),
      { text: aheadText(facts.ahead), bold: true, fontSize: 11, margin: [0, 8, 0, 0] },
      { text: waitText(facts.estimatedWaitMin), fontSize: 10, margin: [0, 2, 0, 0] },
      ...qr,
      { text: 'Silakan menunggu. Nomor Anda akan dipanggil di layar dan pengeras suara.', fontSize: 8, margin: [0, 6, 0, 0] },
    ],
  };
  return pdfEngine().createPdf(doc).getBuffer();
}
