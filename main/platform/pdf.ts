// The one pdfmake set-up for every paper the host makes (tickets, letters, statement forms, result
// sheets, return sheets, DTKS records). pdfmake keeps its fonts on one module-wide instance, so a
// set-up per paper let the last one win: a letter in Times failed after a ticket had set
// Helvetica only. PDF standard fonts only: nothing to embed, and the text stays plain through
// every spooler and PostScript printer (embedded subset fonts come back from cups-pdf as
// unreadable glyphs). Nothing is ever loaded from the network or disk; the built-in fonts pass as names.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface PdfMake {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

const FONTS = {
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
  Times: { normal: 'Times-Roman', bold: 'Times-Bold', italics: 'Times-Italic', bolditalics: 'Times-BoldItalic' },
};

let pdfmake: PdfMake | null = null;

export function pdfEngine(): PdfMake {
  if (pdfmake) return pdfmake;
  const pm = require('pdfmake') as PdfMake;
  const builtIn = new Set(Object.values(FONTS).flatMap((f) => Object.values(f)));
  pm.setFonts(FONTS);
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((name) => builtIn.has(name));
  pdfmake = pm;
  return pm;
}
