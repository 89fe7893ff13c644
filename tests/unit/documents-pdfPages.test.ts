// A scanner's PDF read page by page (main/features/documents/pdfPages.ts), on PDFs built here the
// way scanners write them: a black-and-white page as 1-bit pixels with PNG row predictors, an
// indexed (palette) page, a page turned a quarter, and the PDFs Loket must refuse with a message
// (text without a picture, CCITT fax compression).
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, degrees } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isPdf, pdfPageImages, PdfNotReadable } from '../../main/features/documents/pdfPages';

/** A page whose only content is one image XObject built from `stream`. */
async function pdfWithImage(make: (doc: PDFDocument) => ReturnType<PDFDocument['context']['stream']>, rotate = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 400]);
  const ref = doc.context.register(make(doc));
  page.node.setXObject(PDFName.of('Im0'), ref);
  if (rotate) page.setRotation(degrees(rotate));
  return Buffer.from(await doc.save());
}

async function pixels(png: Buffer, channels: 1 | 3) {
  const img = channels === 1 ? sharp(png).extractChannel(0) : sharp(png).removeAlpha();
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  return { data, info };
}

describe('a scanner’s PDF, page by page', () => {
  it('reads 1-bit black-and-white pixels with PNG predictors (Up) as grey 0/255', async () => {
    // 16×4, each row: 8 black then 8 white (bit 0 = black), filtered with PNG "Up" (2) after row 0.
    const W = 16;
    const rows = [0b00000000, 0b11111111];
    const raw: number[] = [];
    for (let y = 0; y < 4; y++) raw.push(y === 0 ? 0 : 2, ...(y === 0 ? rows : [0, 0]));
    const pdf = await pdfWithImage((doc) =>
      doc.context.flateStream(Uint8Array.from(raw), {
        Type: 'XObject', Subtype: 'Image', Width: W, Height: 4, ColorSpace: 'DeviceGray', BitsPerComponent: 1,
        DecodeParms: { Predictor: 15, Colors: 1, BitsPerComponent: 1, Columns: W },
      }),
    );
    expect(isPdf(pdf.subarray(0, 8))).toBe(true);
    const [page] = await pdfPageImages(pdf);
    const { data, info } = await pixels(page!, 1);
    expect([info.width, info.height]).toEqual([16, 4]);
    expect((await sharp(page!).stats()).isOpaque).toBe(true);
    for (let y = 0; y < 4; y++) expect([...data.subarray(y * 16, y * 16 + 16)]).toEqual([...Array(8).fill(0), ...Array(8).fill(255)]);
  });

  it('reads an indexed (palette) page and a page turned a quarter', async () => {
    // 4×2 indexed over DeviceRGB: palette 0 = red, 1 = blue; row 0 red, row 1 blue.
    const pdf = await pdfWithImage(
      (doc) =>
        doc.context.stream(deflateSync(Uint8Array.from([0, 0, 0, 0, 1, 1, 1, 1])), {
          Type: 'XObject', Subtype: 'Image', Width: 4, Height: 2, BitsPerComponent: 8, Filter: 'FlateDecode',
          ColorSpace: ['Indexed', 'DeviceRGB', 1, doc.context.stream(Uint8Array.from([255, 0, 0, 0, 0, 255]))],
        }),
      90,
    );
    const [page] = await pdfPageImages(pdf);
    const { data, info } = await pixels(page!, 3);
    // Turned: 2 wide, 4 high; the red row is now a column.
    expect([info.width, info.height, info.channels]).toEqual([2, 4, 3]);
    const at = (x: number, y: number) => [...data.subarray((y * 2 + x) * 3, (y * 2 + x) * 3 + 3)];
    const colours = new Set([at(0, 0), at(1, 0)].map((c) => c.join()));
    expect(colours).toEqual(new Set(['255,0,0', '0,0,255']));
    expect(at(0, 0)).toEqual(at(0, 3));
  });

  it('refuses a PDF without a scanned picture, and one with CCITT fax pictures, each with a message', async () => {
    const text = await PDFDocument.create();
    text.addPage([300, 400]).drawText('Surat tanpa gambar');
    await expect(pdfPageImages(Buffer.from(await text.save()))).rejects.toThrow(/bukan hasil pindaian/);
    const fax = await pdfWithImage((doc) =>
      doc.context.stream(Uint8Array.from([0, 1, 2, 3]), { Type: 'XObject', Subtype: 'Image', Width: 8, Height: 8, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'CCITTFaxDecode' }),
    );
    const err = await pdfPageImages(fax).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfNotReadable);
    expect((err as Error).message).toMatch(/kompresi CCITTFax .* Atur pemindai untuk menyimpan JPEG/);
    await expect(pdfPageImages(Buffer.from('%PDF-1.4 rusak'))).rejects.toThrow(/rusak atau tidak lengkap/);
  });
});
