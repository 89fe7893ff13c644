// The image work on one page: orientation from EXIF, the user's rotation and crop, grey documents
// to a small readable JPEG, colour kept where it matters, a thumbnail; and a document's pages put
// together as one PDF. sharp does its pixel work on libvips' own threads, so the host's request
// thread only hands buffers over (a job runs this, never a request).
import sharp, { type ChannelStats, type Sharp } from 'sharp';
import { PDFDocument } from 'pdf-lib';
import type { ScanMode } from '../../../common/domain/documents';

/** A4 at 200 dpi is 1654 px wide: larger scans and camera photos are brought down to about that. */
const MAX_LONG_SIDE = 2400;
const MAX_SHORT_SIDE = 1700;
const THUMB_WIDTH = 220;
/** Quality that keeps 8-point text readable at 150-200 dpi (about 150-200 KB for a grey A4 page of text). */
const GREY_QUALITY = 62;
const COLOUR_QUALITY = 70;

export interface Crop {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PageWork {
  /** 'gray'/'color' as the scanner was set; 'auto' (camera, file): grey unless the picture has colour. */
  mode: ScanMode | 'auto';
  rotate?: 0 | 90 | 180 | 270;
  crop?: Crop | null;
}

export interface ProcessedPage {
  jpeg: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/** Whether a picture is, to the eye, black and white on paper: channel means close, little saturation. */
async function looksGrey(img: Sharp): Promise<boolean> {
  const { channels } = await img.clone().resize({ width: 200, withoutEnlargement: true }).stats();
  if (channels.length < 3) return true;
  const [r, g, b] = channels as [ChannelStats, ChannelStats, ChannelStats];
  return Math.max(Math.abs(r.mean - g.mean), Math.abs(g.mean - b.mean), Math.abs(r.mean - b.mean)) < 8;
}

/** The upright page to work on, its size and channels: decoded once. */
async function upright(input: Buffer, work: PageWork): Promise<{ img: Sharp; W: number; H: number; channels: number }> {
  // A scanner's page (no EXIF turn, no user rotation or crop) streams from the file straight into
  // the resize and the encoder: no whole-page pixel copy in between (about 40% of a page's time).
  const meta = await sharp(input, { failOn: 'error' }).metadata();
  if (!work.crop && !work.rotate && (meta.orientation ?? 1) === 1 && meta.width && meta.height && meta.channels)
    return { img: sharp(input, { failOn: 'error' }), W: meta.width, H: meta.height, channels: meta.channels };
  // Upright: the camera's EXIF orientation, then the user's quarter turns, as pixels (the crop is
  // in fractions of the upright page).
  let turned = sharp(input, { failOn: 'error' }).autoOrient();
  if (work.rotate) turned = turned.rotate(work.rotate);
  const { data, info } = await turned.raw().toBuffer({ resolveWithObject: true });
  return { img: sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }), W: info.width, H: info.height, channels: info.channels };
}

export async function processPage(input: Buffer, work: PageWork): Promise<ProcessedPage> {
  const up = await upright(input, work);
  let { img, W, H } = up;
  const info = { channels: up.channels };
  // The user's crop, in fractions of the upright page.
  if (work.crop) {
    const left = Math.min(W - 1, Math.round(work.crop.left * W));
    const top = Math.min(H - 1, Math.round(work.crop.top * H));
    const width = Math.max(1, Math.min(W - left, Math.round(work.crop.width * W)));
    const height = Math.max(1, Math.min(H - top, Math.round(work.crop.height * H)));
    img = img.extract({ left, top, width, height });
    W = width;
    H = height;
  }
  // No bigger than an A4 page at about 200 dpi.
  const portrait = H >= W;
  img = img.resize({ width: portrait ? MAX_SHORT_SIDE : MAX_LONG_SIDE, height: portrait ? MAX_LONG_SIDE : MAX_SHORT_SIDE, fit: 'inside', withoutEnlargement: true });
  const grey = work.mode === 'gray' || info.channels < 3 || (work.mode === 'auto' && (await looksGrey(img)));
  // libjpeg-turbo's one-pass coder with its standard Huffman tables. Optimised tables (a second pass
  // over every coefficient) made real text pages at 200 dpi 15-27% smaller (97-164 KB instead of
  // 123-186 KB, both inside the 150-200 KB a page may take) for 20% more time per page, and doubled
  // it on the test scanner's page: a feeder batch keeps pace with the scanner without them.
  // mozjpeg's trellis search is slower still (4-10x).
  const out = grey ? img.greyscale().jpeg({ quality: GREY_QUALITY, optimiseCoding: false }) : img.jpeg({ quality: COLOUR_QUALITY, optimiseCoding: false });
  const { data: jpeg, info: outInfo } = await out.toBuffer({ resolveWithObject: true });
  const thumb = await sharp(jpeg).resize({ width: THUMB_WIDTH }).jpeg({ quality: 70 }).toBuffer();
  return { jpeg, thumb, width: outInfo.width, height: outInfo.height };
}

/** Pixel size of an image, without decoding it whole. */
export async function imageSize(input: Buffer): Promise<{ width: number; height: number }> {
  const m = await sharp(input).metadata();
  return { width: m.width ?? 0, height: m.height ?? 0 };
}

/** The pages (JPEGs, in order) as one PDF, each page sized as an A4-wide sheet at its own proportions. */
export async function documentPdf(pages: { jpeg: Buffer; width: number; height: number }[], title: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('Loket');
  pdf.setProducer('Loket');
  // Fixed dates: the same pages make the same PDF, which the content-addressed store keeps once.
  const epoch = new Date(0);
  pdf.setCreationDate(epoch);
  pdf.setModificationDate(epoch);
  const A4_WIDTH_PT = 595.28;
  const A4_HEIGHT_PT = 841.89;
  for (const p of pages) {
    // pdf-lib reads the JPEG through `.buffer` from offset 0: hand it bytes that start there.
    const image = await pdf.embedJpg(Uint8Array.from(p.jpeg));
    // A portrait page is as wide as A4; a landscape one as wide as A4 lying down.
    const w = p.height >= p.width ? A4_WIDTH_PT : A4_HEIGHT_PT;
    const h = (w * p.height) / p.width;
    const page = pdf.addPage([w, h]);
    page.drawImage(image, { x: 0, y: 0, width: w, height: h });
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
