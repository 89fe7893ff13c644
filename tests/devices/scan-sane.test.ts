// The SANE adapter against the real stack: scanimage with SANE's `test` backend in a private
// SANE_CONFIG_DIR (tests/helpers/sane.ts). A flatbed page, a 10-page ADF batch, device faults
// injected mid-batch with the pages before them kept, and the case's pages stored on the host.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaneScanner } from '../../main/features/documents';
import { parseCapabilities } from '../../main/features/documents/adapters/sane';
import { privateSane, type PrivateSane } from '../helpers/sane';
import { tempDir } from '../helpers/host';

let sane: PrivateSane;
const saved: Record<string, string | undefined> = {};
beforeAll(() => {
  sane = privateSane();
  saved.SANE_CONFIG_DIR = process.env.SANE_CONFIG_DIR;
  process.env.SANE_CONFIG_DIR = sane.dir;
});
afterAll(() => {
  if (saved.SANE_CONFIG_DIR === undefined) delete process.env.SANE_CONFIG_DIR;
  else process.env.SANE_CONFIG_DIR = saved.SANE_CONFIG_DIR;
});

const request = (outDir: string, source: 'flatbed' | 'adf') => ({ device: 'test:0', resolution: 150, mode: 'gray' as const, paper: 'A4' as const, source, outDir });

describe('SANE through scanimage (test backend)', () => {
  it('finds the test devices and reads their capabilities', async () => {
    const s = new SaneScanner();
    const devices = await s.list();
    expect(devices.map((d) => d.id)).toEqual(['test:0', 'test:1']);
    expect(devices[0]).toMatchObject({ vendor: 'Noname', model: 'frontend-tester' });
    const caps = await s.capabilities('test:0');
    expect(caps).toMatchObject({ modes: ['gray', 'color'], sources: ['flatbed', 'adf'], resolutions: { min: 1, max: 1200 }, maxWidthMm: 200, maxHeightMm: 200 });
    expect(parseCapabilities('    --mode Lineart|Gray|Color [Color]\n    --resolution 75|150|300|600dpi [150]\n').resolutions).toEqual([75, 150, 300, 600]);
  });

  it('scans one flatbed page as a PNG at the asked resolution', async () => {
    const out = tempDir('loket-scan-');
    const seen: number[] = [];
    const r = await new SaneScanner().scan({ ...request(out, 'flatbed'), onPage: (p) => seen.push(p.seq) });
    expect(r.fault).toBeNull();
    expect(seen).toEqual([1]);
    const meta = await sharp(r.pages[0]!.path).metadata();
    // A4's 210 mm clamped to the test device's 200 mm, at 150 dpi.
    expect(meta).toMatchObject({ format: 'png', width: Math.floor((200 / 25.4) * 150), channels: 1 });
  });

  it('scans a 10-page ADF batch until the feeder is empty, page by page', async () => {
    const out = tempDir('loket-scan-');
    const seen: number[] = [];
    const r = await new SaneScanner().scan({ ...request(out, 'adf'), onPage: (p) => seen.push(p.seq) });
    expect(r.fault).toBeNull();
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(readdirSync(out).sort()).toEqual(r.pages.map((p) => p.path.slice(out.length + 1)).sort());
  });

  it.each([
    ['SANE_STATUS_JAMMED', 'SCANNER_JAMMED', /Kertas macet/],
    ['SANE_STATUS_COVER_OPEN', 'SCANNER_COVER_OPEN', /Penutup pemindai terbuka/],
    ['SANE_STATUS_DEVICE_BUSY', 'SCANNER_BUSY', /sedang dipakai/],
    ['SANE_STATUS_CANCELLED', 'SCAN_CANCELLED', /dibatalkan/],
  ])('a fault after page 4 (%s) keeps pages 1-4 and says what to do', async (status, code, message) => {
    const out = tempDir('loket-scan-');
    const r = await new SaneScanner({ command: sane.faultAfter(4, status) }).scan(request(out, 'adf'));
    expect(r.fault?.code).toBe(code);
    expect(r.fault?.message).toMatch(message);
    expect(r.pages.map((p) => p.seq)).toEqual([1, 2, 3, 4]);
    for (const p of r.pages) expect((await sharp(p.path).metadata()).format).toBe('png');
    // The page that failed left nothing half-written behind.
    expect(readdirSync(out).sort()).toEqual(['p0001.png', 'p0002.png', 'p0003.png', 'p0004.png']);
  });

  it('an empty feeder and a missing scanner are faults with no pages', async () => {
    const empty = await new SaneScanner({ command: sane.faultAfter(0, 'SANE_STATUS_NO_DOCS') }).scan(request(tempDir('loket-scan-'), 'adf'));
    expect(empty).toMatchObject({ pages: [], fault: { code: 'ADF_EMPTY' } });
    const gone = await new SaneScanner().scan({ ...request(tempDir('loket-scan-'), 'flatbed'), device: 'test:9' });
    expect(gone).toMatchObject({ pages: [], fault: { code: 'SCANNER_NOT_FOUND' } });
    const noProgram = await new SaneScanner({ command: join(sane.dir, 'tidak-ada') }).scan(request(tempDir('loket-scan-'), 'flatbed'));
    expect(noProgram.fault?.code).toBe('SCANNER_NOT_FOUND');
  });

  it('cancelling mid-batch stops the scanner and keeps the finished pages', async () => {
    // About 1.2 s a page: the cancel sent after page 2 must land long before the feeder is through,
    // even when a loaded machine hands this process scanimage's progress lines late.
    const slow = privateSane({ readDelayUs: 100_000 });
    const out = tempDir('loket-scan-');
    const ctl = new AbortController();
    const r = await new SaneScanner({ env: slow.env }).scan({ ...request(out, 'adf'), signal: ctl.signal, onPage: (p) => p.seq === 2 && ctl.abort() });
    expect(r.fault?.code).toBe('SCAN_CANCELLED');
    expect(r.pages.length).toBeGreaterThanOrEqual(2);
    expect(r.pages.length).toBeLessThan(10);
    for (const p of r.pages) expect(existsSync(p.path)).toBe(true);
  });
});
