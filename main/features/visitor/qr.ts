// The ticket's QR code as an SVG path, from the same encoder pdfmake draws the paper ticket's `qr`
// node with (pdfmake/js/qrEnc.js), so the code on the kiosk screen and on paper are one code and no
// second QR library ships. pdfmake exposes the encoder only through its layout step: `measure`
// returns the dark modules as rectangles of 5 units, from which the module grid is read back.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface QrRect { x: number; y: number; w: number; h: number; color: string }
type QrEnc = { default: { measure(node: { qr: string; eccLevel?: string; foreground?: string }): { _canvas: QrRect[]; _width: number } } };

/** The white border the QR specification asks for, in modules. */
const QUIET = 4;
const UNIT = 5;
const DARK = '#000';
/** M: a crumpled or smudged paper ticket still scans (15 % of the code may be lost). */
export const QR_ECC = 'M';

export function qrPath(text: string): { size: number; path: string } {
  const { _canvas: rects, _width: width } = (require('pdfmake/js/qrEnc.js') as QrEnc).default.measure({ qr: text, eccLevel: QR_ECC, foreground: DARK });
  const n = Math.round(width / UNIT);
  const dark = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  // The first rectangle is the background; the rest are dark modules.
  for (const r of rects) if (r.color === DARK && r.w === UNIT) dark[Math.round(r.y / UNIT)]![Math.round(r.x / UNIT)] = true;
  let path = '';
  dark.forEach((row, y) => {
    for (let x = 0; x < n; ) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      let run = 1;
      while (row[x + run]) run += 1;
      path += `M${x + QUIET} ${y + QUIET}h${run}v1h-${run}z`;
      x += run;
    }
  });
  return { size: n + 2 * QUIET, path };
}
