// Admin → Jaringan: the admin sees where Loket listens and which URLs desks and TVs open, and
// chooses "all networks" for the next start. The browser only ever talks to 127.0.0.1.
import { expect, openSignedIn, test } from './fixtures';
import { freePort, ok, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';
import { AdminPage } from './pages/AdminPage';

test('Jaringan tab saves the address for the next start and says a restart is needed', async ({ browser, snap }) => {
  let host: HostProcess = await startHostProcess(tempDir('loket-e2e-network-'));
  try {
    const office = await setupOffice(host.url);
    const chosenPort = await freePort();
    const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
    const admin = new AdminPage(page);
    const port = new URL(host.url).port;
    await admin.open();

    await test.step('the tab shows the address in force and the URLs to open', async () => {
      await admin.tab('network');
      const current = page.getByTestId('network-current');
      await expect(current).toHaveAttribute('data-address', '127.0.0.1');
      await expect(current).toHaveAttribute('data-port', port);
      await expect(current).toContainText('Hanya komputer ini (127.0.0.1)');
      // The helper starts the host with --port, which wins over the screen's choice.
      await expect(current).toHaveAttribute('data-source', 'flag');
      await expect(page.getByTestId('network-local-only')).toBeVisible();
      await expect(page.getByTestId('network-display-url')).toHaveText(`${host.url}/#/display`);
      await expect(page.getByTestId('network-kiosk-url')).toHaveText(`${host.url}/#/satpam`);
      await expect(page.getByTestId('network-address')).toHaveValue('127.0.0.1');
      await expect(page.getByTestId('network-port')).toHaveValue('4700');
      await expect(page.getByTestId('network-address').locator('option').nth(1)).toHaveText('Semua jaringan di komputer ini (0.0.0.0)');
    });

    await test.step('a port out of range is refused under the field and nothing is saved', async () => {
      await page.getByTestId('network-port').fill('80');
      await page.getByTestId('network-save').click();
      await expect(page.getByTestId('network-port-error')).toHaveText('Paling kecil 1024.');
      await expect(page.getByTestId('network-saved')).toHaveCount(0);
      await expect(page.getByTestId('network-port')).toHaveValue('80');
      await snap(page, '60-admin-network-port-error');
    });

    await test.step('"Semua jaringan" is saved and applies after a restart', async () => {
      await page.getByTestId('network-address').selectOption({ label: 'Semua jaringan di komputer ini (0.0.0.0)' });
      await page.getByTestId('network-port').fill(String(chosenPort));
      await page.getByTestId('network-save').click();
      await expect(page.getByTestId('network-saved')).toContainText('Berlaku setelah Loket dimulai ulang');
      await expect(page.getByTestId('network-port-error')).toHaveCount(0);
      await expect(page.getByTestId('network-save-error')).toHaveCount(0);
      // Still listening where it was until the restart.
      await expect(page.getByTestId('network-current')).toHaveAttribute('data-address', '127.0.0.1');
      await snap(page, '61-admin-network-saved');
      expect(await ok(host.url, 'network.get', {}, office.tokens.admin!)).toMatchObject({ bindAddress: '0.0.0.0', port: chosenPort, restartNeeded: true });
    });

    await test.step('coming back to the tab shows the saved choice and the pending restart', async () => {
      await admin.tab('devices');
      await admin.tab('network');
      await expect(page.getByTestId('network-address')).toHaveValue('0.0.0.0');
      await expect(page.getByTestId('network-port')).toHaveValue(String(chosenPort));
      await expect(page.getByTestId('network-pending')).toContainText('berlaku setelah Loket dimulai ulang');
      await expect(page.getByTestId('network-local-only')).toHaveCount(0);
      await snap(page, '62-admin-network-pending');
    });
    await context.close();

    await test.step('after a restart without flags Loket listens on all networks and lists the LAN URLs', async () => {
      await host.stop();
      host = await startHostProcess(host.dataDir, null);
      // Bound to 0.0.0.0; this browser still connects to 127.0.0.1 only.
      expect(host.url).toBe(`http://127.0.0.1:${chosenPort}`);
      const restarted = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
      const again = new AdminPage(restarted.page);
      const p = restarted.page;
      await again.open();
      await again.tab('network');
      const current = p.getByTestId('network-current');
      await expect(current).toHaveAttribute('data-address', '0.0.0.0');
      await expect(current).toHaveAttribute('data-port', String(chosenPort));
      await expect(current).toHaveAttribute('data-source', 'setting');
      await expect(current).toContainText('Semua jaringan di komputer ini (0.0.0.0)');
      await expect(p.getByTestId('network-pending')).toHaveCount(0);
      await expect(p.getByTestId('network-local-only')).toHaveCount(0);
      const { urls } = await ok(host.url, 'network.get', {}, office.tokens.admin!);
      await expect(p.getByTestId('network-display-url')).toHaveText(urls.map((u) => `${u}/#/display`));
      await snap(p, '63-admin-network-all-networks');
      await restarted.context.close();
    });
  } finally {
    await host.stop();
  }
});
