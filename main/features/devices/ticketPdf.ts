// The paper ticket the visitor holds: 80 mm wide, number large, no personal data.
import { createRequire } from 'node:module';
import type { Ticket } from '../../../common/contract/index';

const require = createRequire(import.meta.url);
type PdfMake = {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};
let pdfmake: PdfMake | null = null;

/** The PDF standard font: nothing to embed, and it stays plain text through every spooler and
 *  PostScript printer (embedded subset fonts come back from cups-pdf as unreadable glyphs). */
function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  const pm = require('pdfmake') as PdfMake;
  const helvetica = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
  const builtIn = new Set(Object.values(helvetica));
  pm.setFonts({ Helvetica: helvetica });
  // A ticket never loads anything from the network or disk; pdfkit's built-in fonts pass as names.
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((name) => builtIn.has(name));
  pdfmake = pm;
  return pm;
}

const MM = 72 / 25.4;
const PRIORITY: Record<string, string> = { lansia: 'Lansia', disabilitas: 'Disabilitas', ibu_hamil: 'Ibu hamil', gawat_darurat: 'GAWAT DARURAT' };

export async function ticketPdf(ticket: Ticket, officeName: string, issuedLocal: string): Promise<Buffer> {
  const doc = {
    pageSize: { width: 80 * MM, height: 110 * MM },
    pageMargins: [4 * MM, 5 * MM, 4 * MM, 5 * MM],
    info: { title: `Nomor antrian ${ticket.label}`, creator: 'Loket' },
    defaultStyle: { font: 'Helvetica', fontSize: 10, alignment: 'center' },
    content: [
      { text: officeName, bold: true, fontSize: 11 },
      { text: 'NOMOR ANTRIAN', margin: [0, 8, 0, 0], fontSize: 9 },
      { text: ticket.label, bold: true, fontSize: 44, margin: [0, 2, 0, 2] },
      { text: ticket.serviceName, fontSize: 12 },
      ...(ticket.priority ? [{ text: `Prioritas: ${PRIORITY[ticket.priority]}`, bold: true, margin: [0, 4, 0, 0] }] : []),
      { text: issuedLocal, margin: [0, 8, 0, 0], fontSize: 9 },
      { text: 'Silakan menunggu. Nomor Anda akan dipanggil di layar dan pengeras suara.', fontSize: 8, margin: [0, 6, 0, 0] },
    ],
  };
  return engine().createPdf(doc).getBuffer();
}
