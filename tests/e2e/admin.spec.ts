// Admin upkeep: change a user's roles and status, reset a password, edit a service's SOP steps
// (a rejected save keeps the form), add a service, set the priority ratio, revoke a desk.
import { expect, openSignedIn, test } from './fixtures';
import { PASSWORD } from '../helpers/factories';
import { api, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { AdminPage } from './pages/AdminPage';

test('admin edits users, services, queue settings and desks', async ({ browser, snap }) => {
  const dataDir = tempDir('loket-e2e-admin-');
  const host = await startHostProcess(dataDir);
  try {
    const office = await setupOffice(host.url);
    const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
    const admin = await new AdminPage(page).open();

    await test.step('satpam1 gets a second role and is deactivated; petugas1 gets a new password', async () => {
      const users = await admin.tab('users');
      await users.editUser('satpam1', { addRole: 'resepsionis', active: false });
      await expect(users.row('satpam1')).toContainText('Satpam, Resepsionis');
      await expect(users.row('satpam1')).toContainText('Nonaktif');

      await users.editUser('petugas1', { password: 'sandi-baru-123' });
      await expect(users.notice).toContainText('petugas1');
      const login = await api(host.url, 'auth.login', { deskToken: office.desk2Token, username: 'petugas1', password: 'sandi-baru-123' });
      expect(login.ok).toBe(true);
    });

    await test.step('a service edit the host rejects keeps the form; the fixed one saves', async () => {
      const services = await admin.tab('services');
      const form = await services.edit('A');
      await form.fill({ name: 'Kepesertaan JKN / UHC', steps: [{ n: 2, name: '' }] });
      await form.save();
      await expect(form.saveError).toBeVisible();
      await expect(form.stepNameError(2)).toBeVisible();
      await expect(form.name).toHaveValue('Kepesertaan JKN / UHC');
      await snap(page, '40-admin-service-error');
      await form.fill({ steps: [{ n: 2, name: 'Salam 5S' }] });
      await form.save();
      await expect(services.notice).toContainText('A');
      await expect(services.row('A')).toContainText('Kepesertaan JKN / UHC');

      const added = await services.add();
      await added.fill({ code: 'e', name: 'Pengaduan BPJS', steps: [{ n: 1, name: 'Mencatat pengaduan', role: 'petugas', minutes: 10 }] });
      await added.save();
      await expect(services.row('E')).toContainText('1 langkah');
    });

    await test.step('priority ratio is saved and read back', async () => {
      const queue = await admin.tab('queue');
      await expect(queue.priorityRatio).toHaveValue('2');
      await queue.setPriorityRatio(3);
      await expect(queue.saved).toBeVisible();
      await admin.tab('users');
      const again = await admin.tab('queue');
      await expect(again.priorityRatio).toHaveValue('3');
    });

    await test.step("a new desk's pairing code comes with the host's HTTPS address and certificate fingerprint", async () => {
      const desks = await admin.tab('desks');
      const pairing = await desks.create('Meja Baru', 5);
      // Issue 8: the address, fingerprint and command line are folded under "Detail teknis".
      await pairing.openDetails();
      await expect(pairing.fingerprint).toHaveText(host.fingerprint);
      await expect(pairing.hostUrl).toHaveText(host.tlsUrl);
      await expect(pairing.command).toContainText(`--host-fingerprint ${host.fingerprint}`);
      await snap(page, '41-admin-desk-pairing');
      await pairing.close();
    });

    await test.step('revoking a desk stops logins from it', async () => {
      const desks = await admin.tab('desks');
      await desks.revoke(2);
      await expect(desks.row(2)).toContainText('Dicabut');
      const login = await api(host.url, 'auth.login', { deskToken: office.desk2Token, username: 'petugas2', password: PASSWORD });
      expect(login.ok).toBe(false);
      await snap(page, '42-admin-desk-revoked');
    });
    await context.close();
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
});
