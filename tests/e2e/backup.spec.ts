// Admin → Cadangan: a backup made from the screen, with its progress, listed when done; a wrong
// folder refused in Indonesian; a copy restored behind the confirmation dialog.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openSignedIn, test } from './fixtures';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { AdminPage } from './pages/AdminPage';
import { BackupPanel } from './pages/BackupPanel';

const SHOTS = join('test-results', 'e2e', 'screens');

test('Cadangan: back up now, see it verified and listed, then restore it', async ({ browser, snap }) => {
  const dataDir = tempDir('loket-e2e-backup-');
  const host = await startHostProcess(dataDir);
  try {
    const office = await setupOffice(host.url);
    for (let i = 0; i < 3; i++) await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1!);
    const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
    await page.setViewportSize({ width: 1366, height: 768 });
    mkdirSync(SHOTS, { recursive: true });
    await new AdminPage(page).open();
    const backup = await BackupPanel.open(page);
    let fileName = '';

    await test.step('nothing backed up yet', async () => {
      await expect(backup.empty).toBeVisible();
      await expect(backup.last).toHaveText('Belum pernah ada cadangan. Buat satu sekarang.');
    });

    await test.step('"Cadangkan sekarang" runs to done and the copy is listed', async () => {
      expect(await backup.backUpNow()).toBe('done');
      await expect(backup.job).toHaveAttribute('data-progress', '1');
      await expect(backup.done).toContainText('Salinan tersimpan dan lolos pemeriksaan: loket-');
      await expect(backup.rows).toHaveCount(1);
      fileName = (await backup.rows.first().getAttribute('data-file-name'))!;
      expect(fileName).toMatch(/^loket-\d{8}-\d{6}\.sqlite$/);
      await expect(backup.last).toContainText('Cadangan terakhir:');
      await page.screenshot({ path: join(SHOTS, '80-admin-backup-done-1366x768.png') });
      await snap(page, '80-admin-backup-done');
    });

    await test.step('a folder that cannot be written is refused in Indonesian', async () => {
      writeFileSync(join(dataDir, 'berkas'), 'x');
      await backup.saveSettings({ folder: join(dataDir, 'berkas', 'cadangan'), dailyAt: '17:30', keep: '3' });
      await expect(backup.folderError).toContainText('tidak dapat dibuat atau ditulisi');
      await expect(backup.settingsSaved).toHaveCount(0);
      await backup.saveSettings({ folder: join(dataDir, 'cadangan') });
      await expect(backup.settingsSaved).toBeVisible();
    });

    await test.step('restoring asks first, then brings the copy back', async () => {
      await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1!);
      await backup.askRestore(fileName);
      await expect(backup.confirmDialog).toContainText('Database yang sekarang disimpan dulu');
      await expect(backup.confirmDialog).toContainText('Semua meja dan layar akan memuat ulang');
      await page.screenshot({ path: join(SHOTS, '81-admin-backup-confirm-1366x768.png') });
      expect(await backup.confirmRestore()).toBe('done');
      await expect(backup.done).toContainText('Database telah dipulihkan');
      await expect(backup.done).toContainText('sebelum-pemulihan-');
      const board = await ok(host.url, 'stats.today', {}, office.tokens.admin!);
      expect(board.issued).toBe(3);
      await page.getByTestId('admin-tab-backup').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, '82-admin-backup-restored-1366x768.png') });
    });
    await context.close();
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
});
