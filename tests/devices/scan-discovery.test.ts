// Scanner discovery for Admin → Dokumen against SANE's test backend (a private SANE_CONFIG_DIR):
// the komputer utama finds its own scanners when the admin first looks (a job), a desk in desk mode
// searches on its own PC and reports when asked (its main process's reporter, here on the same
// machine), Cari ulang asks again, and a PC without scanimage says so instead of showing nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../common/contract/index';
import { deskScannerReporter, searchScanners } from '../../main/features/documents';
import { qb } from '../../main/platform/db';
import { inProcessHost } from '../helpers/inproc';
import { privateSane, type PrivateSane } from '../helpers/sane';

let sane: PrivateSane;
let saved: string | undefined;
beforeAll(() => {
  sane = privateSane();
  saved = process.env.SANE_CONFIG_DIR;
  process.env.SANE_CONFIG_DIR = sane.dir;
});
afterAll(() => {
  if (saved === undefined) delete process.env.SANE_CONFIG_DIR;
  else process.env.SANE_CONFIG_DIR = saved;
});

const TEST_DEVICES = [
  { adapter: 'sane', device: 'test:0', label: 'frontend-tester (virtual device)' },
  { adapter: 'sane', device: 'test:1', label: 'frontend-tester (virtual device)' },
];

describe('finding scanners', () => {
  it('lists the SANE test devices, and says why when scanimage is missing', async () => {
    expect(await searchScanners({ platform: 'linux' })).toEqual({ devices: TEST_DEVICES, notes: [] });
    const none = await searchScanners({ platform: 'linux', scanimage: '/tidak/ada/scanimage' });
    expect(none.devices).toEqual([]);
    expect(none.notes).toEqual([expect.stringMatching(/scanimage tidak ada .* sane-utils/)]);
  });

  it('the admin sees each desk’s own scanners, and Cari ulang asks the desk’s PC again', async () => {
    const h = inProcessHost(new Date('2026-11-27T02:00:00Z'));
    const { tokens, ids } = await h.setup();
    const deskOf = (user: string) => h.store.first(qb.selectFrom('sessions').select('desk_id').where('user_id', '=', ids[user]!))!.desk_id;
    const desk1 = deskOf('resep1');
    const desk2 = deskOf('resep2');

    // Desk 2 runs in desk mode: its main process's reporter, talking to the host with the session
    // of whoever is signed in there, hearing the host's events.
    const call = (name: string, token: string | null, input: unknown) => h.call(name as never, input as never, token);
    const reporter = deskScannerReporter(call, { platform: 'linux' });
    reporter.signedIn(tokens.resep2!);
    let heard = 0;
    const relay = async () => {
      const news = h.events.slice(heard);
      heard = h.events.length;
      await Promise.all(news.map((e: ServerEvent) => reporter.onEvent(e)));
    };

    // The first look starts a search on the komputer utama (a job) and asks the desks.
    const firstLook = await h.ok('documents.scanners', {}, tokens.admin);
    expect(firstLook.map((r) => r.found)).toEqual([null, null]);
    expect(h.events).toContainEqual({ type: 'documents.discover', deskId: '*' });
    for (;;) {
      const job = h.deps.jobs.list().find((j) => j.kind === 'documents.searchScanners');
      if (job?.status === 'done') break;
      if (job?.status === 'failed') throw new Error(job.error ?? 'search failed');
      await new Promise((r) => setTimeout(r, 20));
    }
    await relay();
    const rows = await h.ok('documents.scanners', {}, tokens.admin);
    const row1 = rows.find((r) => r.deskId === desk1)!;
    const row2 = rows.find((r) => r.deskId === desk2)!;
    // Desk 1 (the komputer utama's own window, or a browser) chooses from the komputer utama's scanners.
    expect(row1.found).toMatchObject({ where: 'host', devices: TEST_DEVICES, notes: [] });
    // Desk 2 chooses from what its own PC reported.
    expect(row2.found).toMatchObject({ where: 'desk', devices: TEST_DEVICES, notes: [] });
    expect(h.events).toContainEqual({ type: 'documents.scanners', deskId: desk2 });

    // The scanner on desk 2's PC is unplugged; Cari ulang for desk 2 asks that PC again.
    process.env.SANE_CONFIG_DIR = privateSaneEmpty();
    const before = row2.found!.at;
    h.advance(60);
    const asked = await h.ok('documents.rediscover', { deskId: desk2 }, tokens.admin);
    expect(h.events).toContainEqual({ type: 'documents.discover', deskId: desk2 });
    expect(asked.deskId).toBe(desk2);
    await relay();
    const again = (await h.ok('documents.scanners', {}, tokens.admin)).find((r) => r.deskId === desk2)!;
    expect(again.found).toMatchObject({ where: 'desk', devices: [] });
    expect(again.found!.at > before).toBe(true);
    // The komputer utama searched again too: no scanner there any more either.
    expect((await h.ok('documents.scanners', {}, tokens.admin)).find((r) => r.deskId === desk1)!.found).toMatchObject({ where: 'host', devices: [] });
    process.env.SANE_CONFIG_DIR = sane.dir;

    // Only the admin asks; anyone signed in at a desk reports for that desk only.
    expect(await h.call('documents.rediscover', { deskId: desk2 }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.ok('documents.reportScanners', { devices: [TEST_DEVICES[0]!] as never, notes: [] }, tokens.petugas1)).toMatchObject({ deskId: desk2 });
    expect((await h.ok('documents.scanners', {}, tokens.admin)).find((r) => r.deskId === desk2)!.found!.devices).toEqual([TEST_DEVICES[0]]);
  });
});

/** A SANE configuration with no backend at all: a PC whose scanner is unplugged. */
function privateSaneEmpty(): string {
  const empty = privateSane();
  writeFileSync(join(empty.dir, 'dll.conf'), '');
  return empty.dir;
}
