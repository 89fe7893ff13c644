// Admin → Jaringan: the admin sees where Loket listens and which URLs desks and TVs open, and
// chooses "all networks" for the next start. The browser only ever talks to 127.0.0.1.
import { expect, openSignedIn, test } from './fixtures';
import { freePort, ok, removeTempDir, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';
import { ALL_NETWORKS, AdminPage, type NetworkTab } from './pages/AdminPage';

test('Jaringan tab saves the address for the next start and says a restart is needed', async ({ browser, snap }) => {
  const dataDir = tempDir('loket-e2e-network-');
  let host: HostProcess = await startHostProcess(dataDir);
  try {
    const office = await setupOffice(host.url);
    const chosenPort = await freePort();
    const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
    const admin = await new AdminPage(page).open();
    const port = new URL(host.url).port;
    let network: NetworkTab;

    await test.step('the tab shows the address in force and the URLs to open', async () => {
      network = await admin.tab('network');
      const current = network.current;
      await expect(current).toHaveAttribute('data-address', '127.0.0.1');
      await expect(current).toHaveAttribute('data-port', port);
      await expect(current).toContainText('Hanya komputer ini (127.0.0.1)');
      // The helper starts the host with --port, which wins over the screen's choice.
      await expect(current).toHaveAttribute('data-source', 'flag');
      // Issue 8: the flags themselves are for a technician, folded under "Detail teknis".
      await expect(current).not.toContainText('--');
      await expect(page.getByTestId('network-technical')).not.toHaveAttribute('open', '');
      await expect(page.getByText('--bind')).toBeHidden();
      await expect(network.localOnly).toBeVisible();
      await expect(network.displayUrl).toHaveText(`${host.url}/#/display`);
      await expect(network.kioskUrl).toHaveText(`${host.url}/#/satpam`);
      await expect(network.address).toHaveValue('127.0.0.1');
      await expect(network.port).toHaveValue('4700');
      await expect(network.addressOption(1)).toHaveText(ALL_NETWORKS);
    });

    await test.step('a port out of range is refused under the field and nothing is saved', async () => {
      await network.save({ port: '80' });
      await expect(network.portError).toHaveText('Paling kecil 1024.');
      await expect(network.saved).toHaveCount(0);
      await expect(network.port).toHaveValue('80');
      await snap(page, '60-admin-network-port-error');
    });

    await test.step('"Semua jaringan" is saved and applies after a restart', async () => {
      await network.save({ addressLabel: ALL_NETWORKS, port: chosenPort });
      await expect(network.saved).toContainText('Berlaku setelah Loket dimulai ulang');
      await expect(network.portError).toHaveCount(0);
      await expect(network.saveError).toHaveCount(0);
      // Still listening where it was until the restart.
      await expect(network.current).toHaveAttribute('data-address', '127.0.0.1');
      await snap(page, '61-admin-network-saved');
      expect(await ok(host.url, 'network.get', {}, office.tokens.admin!)).toMatchObject({ bindAddress: '0.0.0.0', port: chosenPort, restartNeeded: true });
    });

    await test.step('coming back to the tab shows the saved choice and the pending restart', async () => {
      await admin.tab('devices');
      network = await admin.tab('network');
      await expect(network.address).toHaveValue('0.0.0.0');
      await expect(network.port).toHaveValue(String(chosenPort));
      await expect(network.pending).toContainText('berlaku setelah Loket dimulai ulang');
      await expect(network.localOnly).toHaveCount(0);
      await snap(page, '62-admin-network-pending');
    });
    await context.close();

    await test.step('after a restart without flags Loket listens on all networks and lists the LAN URLs', async () => {
      await host.stop();
      host = await startHostProcess(host.dataDir, null);
      // Bound to 0.0.0.0; this browser still connects to 127.0.0.1 only.
      expect(host.url).toBe(`http://127.0.0.1:${chosenPort}`);
      const restarted = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
      const again = await new AdminPage(restarted.page).open();
      const after = await again.tab('network');
      const current = after.current;
      await expect(current).toHaveAttribute('data-address', '0.0.0.0');
      await expect(current).toHaveAttribute('data-port', String(chosenPort));
      await expect(current).toHaveAttribute('data-source', 'setting');
      await expect(current).toContainText('Semua jaringan di komputer ini (0.0.0.0)');
      await expect(after.pending).toHaveCount(0);
      await expect(after.localOnly).toHaveCount(0);
      const { urls } = await ok(host.url, 'network.get', {}, office.tokens.admin!);
      await expect(after.displayUrl).toHaveText(urls.map((u) => `${u}/#/display`));
      await snap(restarted.page, '63-admin-network-all-networks');
      await restarted.context.close();
    });
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
});
