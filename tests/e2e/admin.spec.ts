// Admin upkeep: change a user's roles and status, reset a password, edit a service's SOP steps
// (a rejected save keeps the form), add a service, set the priority ratio, revoke a desk.
import { expect, openSignedIn, test } from './fixtures';
import { PASSWORD } from '../helpers/factories';
import { api, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { AdminPage } from './pages/AdminPage';

test('admin edits users, services, queue settings and desks', async ({ browser, snap }) => {
  const host = await startHostProcess(tempDir('loket-e2e-admin-'));
  try {
    const office = await setupOffice(host.url);
    const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
    const admin = new AdminPage(page);
    await admin.open();

    await test.step('satpam1 gets a second role and is deactivated; petugas1 gets a new password', async () => {
      await admin.tab('users');
      await page.getByTestId('user-edit-satpam1').click();
      await page.getByTestId('edit-role-resepsionis').check();
      await page.getByTestId('edit-active').uncheck();
      await page.getByTestId('user-save').click();
      await expect(page.getByTestId('user-row-satpam1')).toContainText('Satpam, Resepsionis');
      await expect(page.getByTestId('user-row-satpam1')).toContainText('Nonaktif');

      await page.getByTestId('user-edit-petugas1').click();
      await page.getByTestId('edit-password').fill('sandi-baru-123');
      await page.getByTestId('user-save').click();
      await expect(page.getByTestId('users-notice')).toContainText('petugas1');
      const login = await api(host.url, 'auth.login', { deskToken: office.desk2Token, username: 'petugas1', password: 'sandi-baru-123' });
      expect(login.ok).toBe(true);
    });

    await test.step('a service edit the host rejects keeps the form; the fixed one saves', async () => {
      await admin.tab('services');
      await page.getByTestId('service-edit-A').click();
      await page.getByTestId('service-name').fill('Kepesertaan JKN / UHC');
      await page.getByTestId('step-name-2').fill('');
      await page.getByTestId('service-save').click();
      await expect(page.getByTestId('service-save-error')).toBeVisible();
      await expect(page.getByTestId('step-name-2-error')).toBeVisible();
      await expect(page.getByTestId('service-name')).toHaveValue('Kepesertaan JKN / UHC');
      await snap(page, '40-admin-service-error');
      await page.getByTestId('step-name-2').fill('Salam 5S');
      await page.getByTestId('service-save').click();
      await expect(page.getByTestId('services-notice')).toContainText('A');
      await expect(page.getByTestId('service-row-A')).toContainText('Kepesertaan JKN / UHC');

      await page.getByTestId('service-add').click();
      await page.getByTestId('service-code').fill('e');
      await page.getByTestId('service-name').fill('Pengaduan BPJS');
      await page.getByTestId('step-name-1').fill('Mencatat pengaduan');
      await page.getByTestId('step-role-1').selectOption('petugas');
      await page.getByTestId('step-minutes-1').fill('10');
      await page.getByTestId('service-save').click();
      await expect(page.getByTestId('service-row-E')).toContainText('1 langkah');
    });

    await test.step('priority ratio is saved and read back', async () => {
      await admin.tab('queue');
      await expect(page.getByTestId('priority-ratio-input')).toHaveValue('2');
      await page.getByTestId('priority-ratio-input').fill('3');
      await page.getByTestId('priority-ratio-save').click();
      await expect(page.getByTestId('queue-settings-saved')).toBeVisible();
      await admin.tab('users');
      await admin.tab('queue');
      await expect(page.getByTestId('priority-ratio-input')).toHaveValue('3');
    });

    await test.step("a new desk's pairing code comes with the host's HTTPS address and certificate fingerprint", async () => {
      await admin.tab('desks');
      await page.getByTestId('desk-name').fill('Meja Baru');
      await page.getByTestId('desk-counter').fill('5');
      await page.getByTestId('desk-create').click();
      await expect(page.getByTestId('desk-token')).toBeVisible();
      await expect(page.getByTestId('desk-fingerprint')).toHaveText(host.fingerprint);
      await expect(page.getByTestId('desk-host-url')).toHaveText(host.tlsUrl);
      await expect(page.getByTestId('desk-command')).toContainText(`--host-fingerprint ${host.fingerprint}`);
      await snap(page, '41-admin-desk-pairing');
      await page.getByTestId('desk-token-close').click();
    });

    await test.step('revoking a desk stops logins from it', async () => {
      await admin.tab('desks');
      await page.getByTestId('desk-revoke-2').click();
      await page.getByTestId('desk-revoke-confirm-2').click();
      await expect(page.getByTestId('desk-row-2')).toContainText('Dicabut');
      const login = await api(host.url, 'auth.login', { deskToken: office.desk2Token, username: 'petugas2', password: PASSWORD });
      expect(login.ok).toBe(false);
      await snap(page, '42-admin-desk-revoked');
    });
    await context.close();
  } finally {
    await host.stop();
  }
});
