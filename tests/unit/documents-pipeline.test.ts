// The page pipeline: a scanner's page (no turn, no crop) goes from the file to the JPEG without a
// whole-page pixel copy, and gives exactly what the general path (decode upright, then crop) gives.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processPage } from '../../main/features/documents/pipeline';

async function scannedPage(width: number, height: number): Promise<Buffer> {
  // Grey paper with dark "lines of text": enough structure for the encoder to work on.
  const px = Buffer.alloc(width * height, 235);
  for (let y = 40; y < height - 40; y += 24) for (let x = 60; x < width - 60; x++) if ((x * 7 + y) % 11 < 6) px.fill(30, y * width + x, y * width + x + 1);
  return sharp(px, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

describe('page pipeline', () => {
  it('gives the same JPEG and size for a scanner page as the decode-then-crop path does', async () => {
    const png = await scannedPage(827, 1170);
    const direct = await processPage(png, { mode: 'gray' });
    // A crop of the whole page takes the general path (decoded upright, then cropped).
    const general = await processPage(png, { mode: 'gray', crop: { left: 0, top: 0, width: 1, height: 1 } });
    expect([direct.width, direct.height]).toEqual([827, 1170]);
    expect([general.width, general.height]).toEqual([827, 1170]);
    expect(direct.jpeg.equals(general.jpeg)).toBe(true);
  });

  it('still turns a page the user rotated and brings a big photo down to A4 at about 200 dpi', async () => {
    const png = await scannedPage(1200, 800);
    const turned = await processPage(png, { mode: 'gray', rotate: 90 });
    expect([turned.width, turned.height]).toEqual([800, 1200]);
    const big = await processPage(await scannedPage(3400, 4800), { mode: 'auto' });
    expect([big.width, big.height]).toEqual([1700, 2400]);
  });
});
