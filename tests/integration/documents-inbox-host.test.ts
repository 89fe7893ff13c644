// The scan inbox starts and stops with the real headless host (out/main/host.js): a file dropped
// while it runs is taken; a file dropped while it is stopped stays in the folder untouched and is
// taken after the next start; nothing is taken twice; the host's log says how many, never which.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';

let host: HostProcess | null = null;
afterAll(async () => {
  await host?.stop();
});

const png = (v: number) => sharp({ create: { width: 500, height: 700, channels: 3, background: { r: v, g: v, b: v } } }).png().toBuffer();

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the scan inbox with the host process', () => {
  it('watches while the host runs, not while it is stopped, and catches up after a restart', async () => {
    const env = { LOKET_INBOX_POLL_MS: '150', LOKET_INBOX_STABLE_MS: '400' };
    const dataDir = tempDir('loket-inbox-host-');
    const folder = join(tempDir('loket-inbox-share-'), 'loket1');
    mkdirSync(folder);
    try {
      host = await startHostProcess(dataDir, 0, { env });
      const office = await setupOffice(host.url);
      const desk = (await ok(host.url, 'documents.scanners', {}, office.tokens.admin)).find((d) => d.counterNo === 1)!;
      await ok(host.url, 'documents.saveScanner', { deskId: desk.deskId, config: { ...desk.config, inboxFolder: folder } }, office.tokens.admin);
      writeFileSync(join(folder, 'Budi_KTP.png'), await png(200));
      const inbox = () => ok(host!.url, 'documents.inbox', {}, office.tokens.resep1);
      await until(inbox, (i) => i.items.length === 1);
      const port = host.started.port;
      await host.stop();
      host = null;

      // The host is off: the scanner keeps saving; nothing touches the folder.
      writeFileSync(join(folder, 'Budi_KK.png'), await png(90));
      await new Promise((r) => setTimeout(r, 800));
      expect(readdirSync(folder).sort()).toEqual(['Budi_KK.png', 'sudah-diimpor']);

      host = await startHostProcess(dataDir, port, { env });
      const after = await until(inbox, (i) => i.items.length === 2);
      expect(after.items.map((i) => i.fileName)).toEqual(['Budi_KTP.png', 'Budi_KK.png']);
      expect(after.watching).toBe(true);
      expect(existsSync(join(folder, 'Budi_KK.png'))).toBe(false);
      expect(readdirSync(join(folder, 'sudah-diimpor')).sort()).toEqual(['Budi_KK.png', 'Budi_KTP.png']);
      // Counts in the log, no names.
      const out = host.output();
      expect(out).toMatch(/kotak masuk pindaian meja 1: 1 berkas masuk, 0 ditolak/);
      expect(out).not.toMatch(/Budi/);
      // The first stdout line is still the start-up line.
      expect(JSON.parse(host.stdout().split('\n')[0]!)).toMatchObject({ event: 'listening' });
    } finally {
      await host?.stop();
      host = null;
      removeTempDir(dataDir);
    }
  });
});
