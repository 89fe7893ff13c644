// The scan-to-folder adapter against a real folder: files appearing, a file written slowly (taken
// only once its size holds still), the same picture twice (taken once, by SHA-256), non-images set
// aside with a message; every file ends up moved, none lost.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { WatchFolderScanner } from '../../main/features/documents';
import { REFUSED_DIR, TAKEN_DIR } from '../../main/features/documents/adapters/watchFolder';
import { tempDir } from '../helpers/host';

const png = (v: number) => sharp({ create: { width: 300, height: 400, channels: 3, background: { r: v, g: v, b: v } } }).png().toBuffer();
const request = (outDir: string) => ({ device: '', resolution: 200, mode: 'gray' as const, paper: 'A4' as const, source: 'adf' as const, outDir });

describe('watched scan folder', () => {
  it('takes stable images, waits for a slow writer, skips duplicates and refuses non-images', async () => {
    const folder = tempDir('loket-watch-');
    const out = tempDir('loket-watch-out-');
    writeFileSync(join(folder, 'scan-001.png'), await png(200));
    writeFileSync(join(folder, 'scan-002.png'), await png(200)); // the same picture again
    writeFileSync(join(folder, 'catatan.txt'), 'bukan gambar');
    // A network scanner still writing its third file, in pieces.
    const slow = await png(120);
    const slowPath = join(folder, 'scan-003.png');
    writeFileSync(slowPath, slow.subarray(0, 100));
    let written = 100;
    const writer = (async () => {
      while (written < slow.length) {
        await new Promise((r) => setTimeout(r, 150));
        const next = Math.min(slow.length, written + Math.ceil(slow.length / 5));
        await appendFile(slowPath, slow.subarray(written, next));
        written = next;
      }
    })();
    const seen: string[] = [];
    const scanner = new WatchFolderScanner({ folder, stableMs: 600, pollMs: 50, waitMs: 10_000 });
    const r = await scanner.scan({ ...request(out), onPage: (p) => seen.push(p.path) });
    await writer;
    expect(r.fault).toBeNull();
    expect(r.refused).toEqual(['catatan.txt']);
    // Two distinct pictures: the first and the slow one, whole.
    expect(r.pages).toHaveLength(2);
    expect(seen).toHaveLength(2);
    const metas = await Promise.all(r.pages.map((p) => sharp(p.path).metadata()));
    expect(metas.map((m) => [m.format, m.width, m.height])).toEqual([['png', 300, 400], ['png', 300, 400]]);
    // The slow file was taken whole, after its last piece, not as it stood mid-write.
    expect(readFileSync(r.pages[1]!.path).equals(slow)).toBe(true);
    expect(written).toBe(slow.length);
    // Nothing is left in the drop folder; taken, duplicate and refused files are kept aside.
    expect(readdirSync(folder).sort()).toEqual([REFUSED_DIR, TAKEN_DIR].sort());
    expect(readdirSync(join(folder, REFUSED_DIR))).toEqual(['catatan.txt']);
    const taken = readdirSync(join(folder, TAKEN_DIR));
    expect(taken.filter((f) => f.includes('duplikat'))).toHaveLength(1);
    expect(taken.filter((f) => !f.includes('duplikat'))).toHaveLength(2);
  });

  it('says so when the folder is missing or nothing arrives, and when only non-images came', async () => {
    const gone = await new WatchFolderScanner({ folder: join(tempDir('loket-watch-'), 'tidak-ada') }).scan(request(tempDir('loket-o-')));
    expect(gone.fault).toMatchObject({ code: 'SCANNER_NOT_FOUND' });
    const empty = tempDir('loket-watch-');
    const none = await new WatchFolderScanner({ folder: empty, waitMs: 300, pollMs: 50 }).scan(request(tempDir('loket-o-')));
    expect(none.fault?.code).toBe('ADF_EMPTY');
    expect(none.fault?.message).toMatch(/belum ada berkas baru/);
    const junk = tempDir('loket-watch-');
    mkdirSync(junk, { recursive: true });
    writeFileSync(join(junk, 'a.pdf'), '%PDF-1.4 bukan gambar');
    const refused = await new WatchFolderScanner({ folder: junk, stableMs: 100, pollMs: 50, waitMs: 2000 }).scan(request(tempDir('loket-o-')));
    expect(refused.fault).toMatchObject({ code: 'NOT_AN_IMAGE', message: expect.stringMatching(/a\.pdf/) });
    expect(existsSync(join(junk, REFUSED_DIR, 'a.pdf'))).toBe(true);
  });
});
