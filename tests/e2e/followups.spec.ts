// The follow-up board: on Monday 28 December 2026 it shows what was due on the Wednesday before
// Christmas as overdue and what is due today, with the counts on the home menu's tile.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openSignedIn, test } from './fixtures';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { NIK_FEMALE, NIK_MALE, PASSWORD } from '../helpers/factories';
import { FollowupHome } from './pages/FollowupPages';

const SHOTS = join('test-results', 'screens');

test('board: overdue and due today after the Christmas holidays', async ({ browser }) => {
  const dataDir = tempDir('loket-e2e-followups-');
  const clockFile = join(dataDir, 'clock.txt');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(clockFile, '2026-12-23T02:00:00Z'); // Wednesday 09:00 WIB
  const host = await startHostProcess(dataDir, 0, { clockFile });
  try {
    const office = await setupOffice(host.url);
    const t = await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1!);
    const r = office.tokens.resep1!;
    await ok(host.url, 'followups.create', { ticketId: t.id, nik: NIK_MALE, memberName: 'BUDI SANTOSO', kind: 'disdukcapil_registered' }, r);
    await ok(host.url, 'followups.create', { ticketId: t.id, nik: NIK_FEMALE, memberName: 'SITI AMINAH', kind: 'disdukcapil_unregistered' }, r);
    await ok(host.url, 'followups.create', { ticketId: t.id, nik: NIK_FEMALE, memberName: 'SITI AMINAH', kind: 'eid_print' }, r);

    // Monday 28 December, 09:00 WIB (24th cuti bersama, 25th Christmas, then the weekend).
    writeFileSync(clockFile, '2026-12-28T02:00:00Z');
    const session = (await ok(host.url, 'auth.login', { deskToken: office.deskToken, username: 'resep1', password: PASSWORD })).sessionToken;
    const { context, page } = await openSignedIn(browser, host.url, office.deskToken, session);
    await page.setViewportSize({ width: 1366, height: 768 });
    mkdirSync(SHOTS, { recursive: true });

    const home = await FollowupHome.open(page);
    await expect(home.counts).toHaveAttribute('data-due-today', '1');
    await expect(home.counts).toHaveAttribute('data-overdue', '1');
    await expect(home.counts).toHaveText('1 jatuh tempo hari ini · 1 terlambat');
    await page.screenshot({ path: join(SHOTS, 'followups-home-1366x768.png') });

    const board = await home.openBoard();
    await expect(board.today).toContainText('28 Desember 2026');
    await expect(board.overdueRows).toHaveCount(1);
    await expect(board.overdueRows.first()).toHaveAttribute('data-kind', 'disdukcapil_registered');
    await expect(board.overdueRows.first()).toContainText('BUDI SANTOSO');
    await expect(board.overdueRows.first()).toContainText('23 Desember 2026');
    await expect(board.dueTodayRows).toHaveCount(1);
    await expect(board.dueTodayRows.first()).toHaveAttribute('data-kind', 'disdukcapil_unregistered');
    await expect(board.laterRows).toHaveCount(1);
    await expect(board.laterRows.first()).toContainText('30 Desember 2026');
    await expect(board.officers).toHaveCount(1);
    await page.screenshot({ path: join(SHOTS, 'followups-board-1366x768.png'), fullPage: true });

    // Moving one forward keeps it on the board with its new status.
    await board.advanceFirstDueToday();
    await expect(board.dueTodayRows.first()).toContainText('Dikirim');
    await context.close();
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
});
