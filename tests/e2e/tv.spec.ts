// The waiting-room TV at 1920×1080: started by scripts/launch-display.sh it speaks from the first
// call with no click; in a browser without that flag the sound button sits in the header, never over
// the columns; every one of the last N calls shows with 4 and with 8 counters; a recall lights the
// row already there and is spoken again, no duplicate row; when idle it shows the office's
// information and a running text, both set in Admin. Screenshots in test-results/screens/.
import { mkdirSync } from 'node:fs';
import { expect, openSignedIn, test } from './fixtures';
import { announcementClips } from '../../renderer/features/display/announcer';
import { PASSWORD } from '../helpers/factories';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';
import { AdminPage } from './pages/AdminPage';
import { DisplaySettingsPanel, TV_VIEWPORT, TvPage } from './pages/ScreensPages';
import { enforceGesturePolicy, launcherArgs, launchLikeTheLauncher } from './autoplay';

const SCREENS = 'test-results/screens';

/** A host of its own per test: the board's columns are whatever this test's desks called. */
async function withHost(run: (host: HostProcess, office: Awaited<ReturnType<typeof setupOffice>>) => Promise<void>) {
  mkdirSync(SCREENS, { recursive: true });
  const dataDir = tempDir('loket-e2e-tv-');
  const host = await startHostProcess(dataDir);
  try {
    await run(host, await setupOffice(host.url));
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
}

/** Resepsionis sessions at counters 1..n (counter 1 and 2 exist after setupOffice). */
async function counters(host: HostProcess, office: Awaited<ReturnType<typeof setupOffice>>, from: number, to: number): Promise<Map<number, string>> {
  const sessions = new Map<number, string>();
  for (let n = from; n <= to; n++) {
    if (n === 1) {
      sessions.set(1, office.tokens.resep1!);
      continue;
    }
    const deskToken = n === 2 ? office.desk2Token : (await ok(host.url, 'desks.create', { name: `Loket ${n}`, counterNo: n }, office.tokens.admin)).deskToken;
    await ok(host.url, 'users.create', { username: `resep${n}`, fullName: `Resepsionis ${n}`, roles: ['resepsionis'], password: PASSWORD }, office.tokens.admin);
    sessions.set(n, (await ok(host.url, 'auth.login', { deskToken, username: `resep${n}`, password: PASSWORD })).sessionToken);
  }
  return sessions;
}

/** `calls` calls at each counter, round after round; every call but the very last is skipped so the desk is free again. */
async function callRounds(host: HostProcess, satpam: string, sessions: Map<number, string>, calls: number): Promise<{ lastId: string; lastCounter: number }> {
  let last = { lastId: '', lastCounter: 0 };
  for (let round = 0; round < calls; round++)
    for (const [counterNo, token] of sessions) {
      await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, satpam);
      const t = await ok(host.url, 'queue.callNext', { stage: 'resepsionis' }, token);
      if (!t) throw new Error('nobody to call');
      last = { lastId: t.id, lastCounter: counterNo };
      const final = round === calls - 1 && counterNo === [...sessions.keys()].at(-1);
      if (!final) await ok(host.url, 'queue.skip', { ticketId: t.id }, token);
    }
  return last;
}

test('launched by scripts/launch-display.sh, the TV speaks the first call without a click', async () => {
  const args = launcherArgs('http://192.168.1.10:4700');
  expect(args).toEqual(expect.arrayContaining(['--kiosk', '--autoplay-policy=no-user-gesture-required', 'http://192.168.1.10:4700/#/display']));
  await withHost(async (host, office) => {
    const browser = await launchLikeTheLauncher();
    try {
      const page = await browser.newPage({ baseURL: host.url, viewport: TV_VIEWPORT });
      const tv = (await new TvPage(page).open());
      await tv.expectSound('on');
      await expect(tv.soundButton).toHaveCount(0);
      expect(await tv.clipsPlayed()).toBe(0);

      await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1);
      await ok(host.url, 'queue.callNext', { stage: 'resepsionis' }, office.tokens.resep1);
      await tv.expectCalled('A-001', 1);
      // Every clip of "Nomor antrean A nol nol satu, silakan ke loket satu" played to its end.
      const clips = announcementClips({ label: 'A-001', counterNo: 1 }).length;
      await expect.poll(() => tv.clipsPlayed(), { timeout: 30_000 }).toBe(clips);
      await tv.expectSound('on');
    } finally {
      await browser.close();
    }
  });
});

test('without the autoplay flag the sound button sits in the header, not over the columns', async ({ browser }) => {
  await withHost(async (host, office) => {
    const context = await browser.newContext({ baseURL: host.url, viewport: TV_VIEWPORT });
    try {
      // An ordinary browser's policy: no sound before a click.
      await enforceGesturePolicy(context);
      const sessions = await counters(host, office, 1, 5);
      await callRounds(host, office.tokens.satpam1!, sessions, 1);
      const page = await context.newPage();
      const tv = (await new TvPage(page).open());
      await tv.expectSound('blocked');
      await tv.expectSoundButtonInHeader();
      // The fifth counter's column, which the old floating button covered, is free.
      const button = (await tv.soundButton.boundingBox())!;
      const col5 = (await tv.column(5).boundingBox())!;
      expect(button.y + button.height).toBeLessThanOrEqual(col5.y);
      await page.screenshot({ path: `${SCREENS}/tv-sound-button-1920x1080.png` });
      await tv.soundButton.click();
      await tv.expectSound('on');
      await expect(tv.soundButton).toHaveCount(0);
      // After the click the next call is spoken to its end.
      await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1);
      const t = await ok(host.url, 'queue.callNext', { stage: 'resepsionis' }, sessions.get(1));
      const before = await tv.clipsPlayed();
      await expect.poll(() => tv.clipsPlayed(), { timeout: 30_000 }).toBeGreaterThanOrEqual(before + announcementClips({ label: t!.label, counterNo: 1 }).length);
    } finally {
      await context.close();
    }
  });
});

test('every one of the last calls shows with 4 and 8 counters; a recall lights its row and is spoken again', async () => {
  await withHost(async (host, office) => {
    const browser = await launchLikeTheLauncher();
    try {
      const sessions = await counters(host, office, 1, 4);
      const { lastId, lastCounter } = await callRounds(host, office.tokens.satpam1!, sessions, 10);
      const page = await browser.newPage({ baseURL: host.url, viewport: TV_VIEWPORT });
      const tv = (await new TvPage(page).open());

      await test.step('4 counters: the last 10 calls of each, none clipped', async () => {
        await expect(tv.columns()).toHaveCount(4);
        const fit = await tv.expectAllRowsVisible();
        expect(fit.rowsPerColumn).toEqual([10, 10, 10, 10]);
        expect(fit.smallestFontPx).toBeGreaterThanOrEqual(28);
        test.info().annotations.push({ type: 'tv-4-counters', description: JSON.stringify(fit) });
        await page.screenshot({ path: `${SCREENS}/tv-4-counters-1920x1080.png` });
      });

      await test.step('a recall lights the row already there, adds none, and is announced again', async () => {
        const label = (await ok(host.url, 'queue.recall', { ticketId: lastId }, sessions.get(lastCounter))).label;
        const rows = tv.rows(lastCounter);
        await expect(rows.first()).toHaveAttribute('data-highlight', 'true');
        await expect(rows.first()).toHaveText(label);
        await expect(rows).toHaveCount(10);
        await expect(rows.filter({ hasText: label })).toHaveCount(1);
        const clips = announcementClips({ label, counterNo: lastCounter }).length;
        // Calls made before the board opened are not read out: the recall is its first announcement.
        await expect.poll(() => tv.clipsPlayed(), { timeout: 30_000 }).toBe(clips);
        await tv.expectCalled(label, lastCounter);
      });

      await test.step('8 counters: the columns wrap and each lists its last calls in full', async () => {
        const more = await counters(host, office, 5, 8);
        await callRounds(host, office.tokens.satpam1!, more, 5);
        await expect(tv.columns()).toHaveCount(8);
        const fit = await tv.expectAllRowsVisible();
        expect(fit.rowsPerColumn).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
        expect(fit.smallestFontPx).toBeGreaterThanOrEqual(28);
        test.info().annotations.push({ type: 'tv-8-counters', description: JSON.stringify(fit) });
        await page.screenshot({ path: `${SCREENS}/tv-8-counters-1920x1080.png` });
      });
    } finally {
      await browser.close();
    }
  });
});

test('idle, the TV shows the office\'s information and the running text set in Admin', async ({ browser }) => {
  await withHost(async (host, office) => {
    const admin = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
    await new AdminPage(admin.page).open();
    const panel = await new DisplaySettingsPanel(admin.page).open();
    const running = 'Layanan di kantor ini GRATIS. Siapkan KTP dan Kartu Keluarga asli. Jangan memberi imbalan kepada petugas.';
    const info = 'Jam layanan: Senin–Kamis 08.00–15.00, Jumat 08.00–11.00.\nPersyaratan: KTP, KK, surat rujukan bila ada.';
    await panel.save(running, info);
    await admin.page.screenshot({ path: `${SCREENS}/admin-display-settings.png` });
    await admin.context.close();

    const page = await browser.newPage({ baseURL: host.url, viewport: TV_VIEWPORT });
    const tv = (await new TvPage(page).open());
    await expect(tv.root).toHaveAttribute('data-idle', 'true');
    await expect(tv.info).toContainText('Jam layanan: Senin–Kamis 08.00–15.00');
    await expect(tv.ticker).toHaveText(running);
    await page.screenshot({ path: `${SCREENS}/tv-idle-1920x1080.png` });

    await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1);
    await ok(host.url, 'queue.callNext', { stage: 'resepsionis' }, office.tokens.resep1);
    await tv.expectCalled('A-001', 1);
    await expect(tv.info).toHaveCount(0);
    await expect(tv.root).toHaveAttribute('data-idle', 'false');
    await expect(tv.ticker).toHaveText(running);
    await page.close();
  });
});
