// The dashboard as the head of office sees it (issue 8): plain headings, durations in words, the
// within-mutu-baku share coloured, quick steps flagged, desks and officers, no-shows and
// cancellations, two charts, and a past day picked from the list. The host runs with a test clock
// (tests/helpers/fakeClock.mjs) so yesterday's scripted morning (tests/helpers/morning.ts) has real
// durations; visits are seeded over the API. Screenshots at 1366×768 and 1920×1080 in
// test-results/screens/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openSignedIn, test } from './fixtures';
import { FIRST_RUN, PASSWORD } from '../helpers/factories';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { runMorning, wib, type Ok } from '../helpers/morning';
import { DashboardPage } from './pages/DashboardPage';

const SCREENS = 'test-results/screens';
const YESTERDAY = '2026-11-24';
const TODAY = '2026-11-25';

test('the head of office reads today and yesterday at a glance', async ({ browser }) => {
  mkdirSync(SCREENS, { recursive: true });
  const dataDir = tempDir('loket-e2e-dash-');
  const clockDir = tempDir('loket-e2e-clock-');
  const clockFile = join(clockDir, 'now');
  const setTime = (at: Date) => writeFileSync(clockFile, at.toISOString());
  setTime(wib(YESTERDAY, 7, 30));
  const host = await startHostProcess(dataDir, 0, { clockFile });
  try {
    const call: Ok = (name, input, token) => ok(host.url, name, input, token);
    const { tokens, deskToken, desk2Token } = await setupOffice(host.url);
    const desk3 = await call('desks.create', { name: 'Loket 3', counterNo: 3 }, tokens.admin!);
    await call('users.create', { username: 'resep2', fullName: 'Resepsionis Dua', roles: ['resepsionis'], password: PASSWORD }, tokens.admin!);
    const login = async (username: string, desk: string) =>
      (await ok(host.url, 'auth.login', { deskToken: desk, username, password: username === 'admin' ? FIRST_RUN.adminPassword : PASSWORD })).sessionToken;
    const staff = {
      satpam1: tokens.satpam1!, resep1: tokens.resep1!, petugas1: tokens.petugas1!,
      resep2: await login('resep2', desk2Token), petugas2: await login('petugas2', desk3.deskToken),
    };
    await runMorning(call, staff, YESTERDAY, setTime);

    // This morning, so far: three arrivals, one greeted.
    setTime(wib(TODAY, 8, 10));
    const satpam = await login('satpam1', deskToken);
    const resep1 = await login('resep1', deskToken);
    const first = await call('queue.issue', { serviceCode: 'A', priority: null, satpamMs: 50_000 }, satpam);
    setTime(wib(TODAY, 8, 14));
    await call('queue.callNext', { stage: 'resepsionis' }, resep1);
    await call('queue.startStep', { ticketId: first.id }, resep1);
    setTime(wib(TODAY, 8, 15, 40));
    await call('queue.finishStep', { ticketId: first.id }, resep1);
    setTime(wib(TODAY, 9, 20));
    await call('queue.issue', { serviceCode: 'D', priority: null, satpamMs: 70_000 }, satpam);
    setTime(wib(TODAY, 10, 5));
    await call('queue.issue', { serviceCode: 'D', priority: null, satpamMs: 40_000 }, satpam);
    const admin = await login('admin', deskToken);

    const desk = await openSignedIn(browser, host.url, deskToken, admin);
    const dashboard = await new DashboardPage(desk.page).open();

    await test.step('today first: its figures, plain headings, the arrivals chart drawn', async () => {
      await expect(dashboard.shownDay).toHaveAttribute('data-day', TODAY);
      await dashboard.expectTotals(3, 0);
      await expect(dashboard.stat('open')).toHaveText('3');
      await expect(dashboard.headings('steps')).toContainText(['Langkah', 'Mutu baku', 'Pengunjung', 'Rata-rata tunggu', '9 dari 10 menunggu ≤', 'Rata-rata lama langkah', '9 dari 10 selesai ≤', 'Sesuai mutu baku']);
      await expect(dashboard.chart('arrivals')).toHaveAttribute('data-points', '3');
      await expect(dashboard.bars('arrivals')).toHaveCount(3);
      expect(await dashboard.days()).toEqual([TODAY, YESTERDAY]);
    });

    await test.step('yesterday: no-shows, cancellations, waits in words, shares coloured, quick steps flagged', async () => {
      await dashboard.pickDay(YESTERDAY);
      await dashboard.expectTotals(7, 3);
      await expect(dashboard.stat('no-show')).toHaveText('1');
      await expect(dashboard.stat('cancelled')).toHaveText('2');
      await expect(dashboard.stat('wait-avg')).toHaveText('4 mnt 6 dtk');
      await expect(dashboard.stat('wait-p90')).toHaveText('9 dari 10 pengunjung menunggu ≤ 7 mnt');
      await expect(dashboard.stat('within-all')).toHaveText('79%');
      await expect(dashboard.stat('within-all')).toHaveAttribute('data-tone', 'fair');
      await expect(dashboard.stat('implausible')).toHaveText('2 langkah selesai terlalu cepat (< 10 dtk)');

      // D's petugas step, with A-001's visit after its transfer: 8 mnt on average, 2 of 3 within 10 mnt.
      await expect(dashboard.rowCount('D', 3)).toHaveText('3');
      await expect(dashboard.row('D', 3).getByTestId('stat-service-avg')).toHaveText('8 mnt');
      await expect(dashboard.row('D', 3).getByTestId('stat-within')).toHaveAttribute('data-tone', 'fair');
      await expect(dashboard.row('D', 2).getByTestId('stat-within')).toHaveAttribute('data-tone', 'poor');
      await expect(dashboard.row('D', 2).getByTestId('implausible-flag')).toHaveText('1 terlalu cepat');
      await expect(dashboard.row('A', 3).getByTestId('stat-within')).toHaveAttribute('data-tone', 'good');

      await expect(dashboard.deskRow(3)).toContainText('13 mnt');
      await expect(dashboard.officerRows).toHaveCount(5);
      await expect(dashboard.chart('steps')).toHaveAttribute('data-points', '7');
      expect(await dashboard.bars('steps').count()).toBeGreaterThanOrEqual(7);
    });

    await test.step('screenshots at the office monitor and a full-HD screen', async () => {
      await dashboard.screenshot(`${SCREENS}/dashboard-1366x768.png`, { width: 1366, height: 768 });
      await dashboard.screenshot(`${SCREENS}/dashboard-1920x1080.png`, { width: 1920, height: 1080 });
      await dashboard.pickDay(TODAY);
      await dashboard.screenshot(`${SCREENS}/dashboard-today-1366x768.png`, { width: 1366, height: 768 });
    });
    await desk.context.close();
  } finally {
    await host.stop();
    removeTempDir(dataDir);
    removeTempDir(clockDir);
  }
});
