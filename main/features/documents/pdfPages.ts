// A scanner's PDF, page by page: scan-to-folder network scanners often save one PDF per batch, each
// page one picture (JPEG, or Flate-compressed pixels; 1-bit for black-and-white). pdf-lib reads the
// file; each page's largest picture comes out as bytes sharp can read (the JPEG as it is, or the
// pixels as PNG), turned as the page is turned. A PDF that is not a scan (text, drawings), or one
// whose pictures use a compression Loket cannot read (CCITT fax, JBIG2, JPEG 2000), is refused with
// a message; nothing of it is stored.
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import sharp from 'sharp';

export const isPdf = (head: Uint8Array): boolean => head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46 && head[4] === 0x2d; // %PDF-

export class PdfNotReadable extends Error {}

/** Largest page count one PDF from the scanner may have. */
export const MAX_PDF_PAGES = 100;

const NOT_A_SCAN = 'PDF ini bukan hasil pindaian (halamannya tidak berisi gambar), jadi tidak dimasukkan. Simpan pindaian sebagai JPEG atau PDF gambar.';
const UNSUPPORTED = (filter: string) =>
  `Gambar di PDF ini memakai kompresi ${filter} yang belum dapat dibaca Loket, jadi tidak dimasukkan. Atur pemindai untuk menyimpan JPEG, atau PDF abu-abu/berwarna.`;

function filters(dict: PDFDict): { names: string[]; parms: (PDFDict | undefined)[] } {
  const f = dict.lookup(PDFName.of('Filter'));
  const p = dict.lookup(PDFName.of('DecodeParms'));
  if (f instanceof PDFName) return { names: [f.decodeText()], parms: [p instanceof PDFDict ? p : undefined] };
  if (f instanceof PDFArray) {
    const names: string[] = [];
    const parms: (PDFDict | undefined)[] = [];
    for (let i = 0; i < f.size(); i++) {
      const n = f.lookup(i);
      names.push(n instanceof PDFName ? n.decodeText() : '');
      const q = p instanceof PDFArray ? p.lookup(i) : undefined;
      parms.push(q instanceof PDFDict ? q : undefined);
    }
    return { names, parms };
  }
  return { names: [], parms: [] };
}

const num = (d: PDFDict | undefined, key: string, fallback: number): number => {
  const v = d?.lookup(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : fallback;
};

/** PNG row filters (PDF predictors 10-15), in place of the rows. */
function unpredict(data: Buffer, colors: number, bpc: number, columns: number): Buffer {
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowBytes = Math.ceil((colors * bpc * columns) / 8);
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = Buffer.alloc(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowBytes + 1)]!;
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowBytes + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowBytes + i - bpp]! : 0;
      let v: number;
      switch (type) {
        case 1: v = raw + left; break;
        case 2: v = raw + up; break;
        case 3: v = raw + ((left + up) >> 1); break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default: v = raw;
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

/** Colour components of an image's colour space; Indexed answers its palette. */
function colourSpace(doc: PDFDocument, cs: PDFObject | undefined): { channels: 1 | 3 | 4; palette?: { base: 1 | 3; table: Buffer } } | null {
  const obj = cs instanceof PDFRef ? doc.context.lookup(cs) : cs;
  if (obj instanceof PDFName) {
    const n = obj.decodeText();
    if (n === 'DeviceGray' || n === 'CalGray') return { channels: 1 };
    if (n === 'DeviceRGB' || n === 'CalRGB') return { channels: 3 };
    if (n === 'DeviceCMYK') return { channels: 4 };
    return null;
  }
  if (obj instanceof PDFArray) {
    const kind = obj.lookup(0);
    const k = kind instanceof PDFName ? kind.decodeText() : '';
    if (k === 'ICCBased') {
      const stream = obj.lookup(1);
      const n = stream instanceof PDFRawStream ? num(stream.dict, 'N', 3) : 3;
      return n === 1 ? { channels: 1 } : n === 4 ? { channels: 4 } : { channels: 3 };
    }
    if (k === 'CalGray') return { channels: 1 };
    if (k === 'CalRGB' || k === 'Lab') return { channels: 3 };
    if (k === 'Indexed') {
      const base = colourSpace(doc, obj.get(1));
      const lookup = obj.lookup(3);
      let table: Buffer | null = null;
      if (lookup instanceof PDFRawStream) table = Buffer.from(lookup.contents);
      else if (lookup && 'asBytes' in lookup && typeof (lookup as { asBytes: unknown }).asBytes === 'function') table = Buffer.from((lookup as unknown as { asBytes(): Uint8Array }).asBytes());
      if (!base || base.channels === 4 || !table) return null;
      return { channels: base.channels, palette: { base: base.channels, table } };
    }
  }
  return null;
}

/** The picture of one image XObject as bytes sharp reads. */
async function imageBytes(doc: PDFDocument, stream: PDFRawStream): Promise<Buffer> {
  const { names, parms } = filters(stream.dict);
  const last = names.at(-1) ?? '';
  if (last === 'DCTDecode' && names.length === 1) return Buffer.from(stream.contents);
  for (const n of names) if (n !== 'FlateDecode') throw new PdfNotReadable(UNSUPPORTED(n.replace(/Decode$/, '')));
  const width = num(stream.dict, 'Width', 0);
  const height = num(stream.dict, 'Height', 0);
  const isMask = stream.dict.lookup(PDFName.of('ImageMask'));
  const bpc = isMask ? 1 : num(stream.dict, 'BitsPerComponent', 8);
  const cs = isMask ? { channels: 1 as const } : colourSpace(doc, stream.dict.get(PDFName.of('ColorSpace')));
  if (!width || !height || !cs) throw new PdfNotReadable(UNSUPPORTED('warna'));
  let data: Buffer = names.length ? inflateSync(Buffer.from(stream.contents)) : Buffer.from(stream.contents);
  const parm = parms.at(-1);
  const predictor = num(parm, 'Predictor', 1);
  const components = cs.palette ? 1 : cs.channels;
  if (predictor >= 10) data = unpredict(data, num(parm, 'Colors', components), num(parm, 'BitsPerComponent', bpc), num(parm, 'Columns', width));
  else if (predictor !== 1) throw new PdfNotReadable(UNSUPPORTED('TIFF-predictor'));
  // Decode [1 0] (and an image mask's default) turns black and white around.
  const decode = stream.dict.lookup(PDFName.of('Decode'));
  const inverted = decode instanceof PDFArray && decode.size() >= 2 && (decode.lookup(0) as PDFNumber).asNumber() === 1;
  // Every sample as one byte per component.
  const rowBytes = Math.ceil((components * bpc * width) / 8);
  const plain = bpc === 8 && !inverted && data.length >= width * height * components;
  const samples = plain ? data.subarray(0, width * height * components) : Buffer.alloc(width * height * components);
  const max = (1 << bpc) - 1;
  for (let y = 0; !plain && y < height; y++) {
    for (let x = 0; x < width * components; x++) {
      let v: number;
      if (bpc === 8) v = data[y * rowBytes + x] ?? 0;
      else if (bpc === 16) v = data[y * rowBytes + x * 2] ?? 0;
      else {
        const bit = x * bpc;
        const byte = data[y * rowBytes + (bit >> 3)] ?? 0;
        v = (byte >> (8 - bpc - (bit & 7))) & max;
        if (!cs.palette) v = Math.round((v * 255) / max);
      }
      samples[y * width * components + x] = inverted && !cs.palette ? 255 - v : v;
    }
  }
  let pixels = samples;
  let channels: 1 | 3 | 4 = cs.channels;
  if (cs.palette) {
    const base = cs.palette.base;
    pixels = Buffer.alloc(width * height * base);
    for (let i = 0; i < width * height; i++) cs.palette.table.copy(pixels, i * base, samples[i]! * base, samples[i]! * base + base);
    channels = base;
  }
  if (channels === 4) {
    // CMYK → RGB, plainly (scanners rarely write it).
    const rgb = Buffer.alloc(width * height * 3);
    for (let i = 0; i < width * height; i++) {
      const k = pixels[i * 4 + 3]! / 255;
      for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round(255 * (1 - pixels[i * 4 + c]! / 255) * (1 - k));
    }
    pixels = rgb;
    channels = 3;
  }
  return sharp(pixels, { raw: { width, height, channels } }).png({ compressionLevel: 1 }).toBuffer();
}

/** The largest image drawn on a page (scanners put the sheet there as one picture). */
function largestImage(doc: PDFDocument, resources: PDFDict | undefined): PDFRawStream | null {
  const xobjects = resources?.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return null;
  let best: PDFRawStream | null = null;
  let bestArea = 0;
  for (const [, value] of xobjects.entries()) {
    const obj = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (!(obj instanceof PDFRawStream)) continue;
    const subtype = obj.dict.lookup(PDFName.of('Subtype'));
    if (!(subtype instanceof PDFName)) continue;
    if (subtype.decodeText() === 'Form') {
      // Some drivers wrap the picture in a form.
      const inner = largestImage(doc, obj.dict.lookup(PDFName.of('Resources')) as PDFDict | undefined);
      const area = inner ? num(inner.dict, 'Width', 0) * num(inner.dict, 'Height', 0) : 0;
      if (inner && area > bestArea) [best, bestArea] = [inner, area];
      continue;
    }
    if (subtype.decodeText() !== 'Image') continue;
    const area = num(obj.dict, 'Width', 0) * num(obj.dict, 'Height', 0);
    if (area > bestArea) [best, bestArea] = [obj, area];
  }
  return best;
}

/** Each page's picture, in page order. Throws PdfNotReadable (with the message for the desk). */
export async function pdfPageImages(bytes: Uint8Array): Promise<Buffer[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (err) {
    if (/encrypt/i.test((err as Error).message)) throw new PdfNotReadable('PDF ini dikunci dengan kata sandi, jadi tidak dapat dibaca. Atur pemindai tanpa kata sandi PDF.');
    throw new PdfNotReadable('PDF ini rusak atau tidak lengkap, jadi tidak dimasukkan. Pindai ulang dokumen ini.');
  }
  try {
    return await pagePictures(doc);
  } catch (err) {
    if (err instanceof PdfNotReadable) throw err;
    throw new PdfNotReadable('PDF ini rusak atau tidak lengkap, jadi tidak dimasukkan. Pindai ulang dokumen ini.');
  }
}

async function pagePictures(doc: PDFDocument): Promise<Buffer[]> {
  const pages = doc.getPages();
  if (pages.length === 0) throw new PdfNotReadable('PDF ini tidak berisi halaman, jadi tidak dimasukkan.');
  if (pages.length > MAX_PDF_PAGES) throw new PdfNotReadable(`PDF ini berisi ${pages.length} halaman; paling banyak ${MAX_PDF_PAGES} halaman per berkas. Pindai dalam beberapa bagian.`);
  const out: Buffer[] = [];
  for (const page of pages) {
    const image = largestImage(doc, page.node.Resources());
    if (!image) throw new PdfNotReadable(NOT_A_SCAN);
    let picture = await imageBytes(doc, image);
    const turn = ((page.getRotation().angle % 360) + 360) % 360;
    if (turn === 90 || turn === 180 || turn === 270) picture = await sharp(picture).rotate(turn).png({ compressionLevel: 1 }).toBuffer();
    out.push(picture);
  }
  return out;
}
