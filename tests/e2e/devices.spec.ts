// The admin's Perangkat tab and the satpam kiosk's printing, on a host without a usable CUPS
// printer (the real CUPS path is covered by tests/devices/ticket-print.test.ts). A saved printer
// that does not exist makes every host print fail: the kiosk says so and keeps the number on
// screen. With "no printer" chosen the kiosk prints through the browser.
import { expect, openSignedIn, test } from './fixtures';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { AdminPage, NO_PRINTER, type DevicesTab } from './pages/AdminPage';
import { SatpamPage, stubBrowserPrint } from './pages/SatpamPage';

const GONE = 'Tiket-80mm';

test('Perangkat tab sets the ticket printer; the kiosk prints on the host or the browser', async ({ browser, snap }) => {
  const dataDir = tempDir('loket-e2e-devices-');
  const host = await startHostProcess(dataDir);
  try {
    const office = await setupOffice(host.url);
    const adminDesk = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
    const admin = await new AdminPage(adminDesk.page).open();
    const ap = adminDesk.page;
    let devices: DevicesTab;

    await test.step('the tab lists the host printers (none here) without failing', async () => {
      devices = await admin.tab('devices');
      // No CUPS in this run: an empty list, or CUPS's error when lpstat cannot be run at all.
      await expect(devices.printers).toBeVisible();
      await expect(devices.loadError).toHaveCount(0);
      await expect(devices.current).toHaveAttribute('data-printer', '');
      await expect(devices.select).toHaveValue('');
      await expect(devices.firstOption).toHaveText(NO_PRINTER);
      await devices.reloadPrinters();
      await expect(devices.reloadButton).toBeEnabled();
      await expect(devices.panel).toHaveAttribute('data-state', 'ready');
      await snap(ap, '50-admin-devices-none');
    });

    await test.step('a saved printer the host does not list is shown as missing', async () => {
      // Stands for a printer that was unplugged or removed from CUPS after it was chosen.
      await ok(host.url, 'settings.devices', { ticketPrinter: GONE }, office.tokens.admin!);
      await devices.reloadPrinters();
      await expect(devices.current).toHaveAttribute('data-printer', GONE);
      await expect(devices.missing).toContainText(GONE);
      await expect(devices.select).toHaveValue(GONE);
      await snap(ap, '51-admin-devices-missing');
    });

    const satpamDesk = await openSignedIn(browser, host.url, office.deskToken, office.tokens.satpam1!);
    await stubBrowserPrint(satpamDesk.context);
    const kiosk = new SatpamPage(satpamDesk.page);
    const sp = satpamDesk.page;

    await test.step('with a printer set, the kiosk prints on the host and shows the failure', async () => {
      await kiosk.open();
      await expect(kiosk.autoPrint).toBeChecked();
      await expect(kiosk.autoPrintLabel).toContainText(GONE);
      await snap(sp, '52-satpam-auto-print');
      expect(await kiosk.issue('A')).toBe('A-001');
      await expect(kiosk.printStatus).toHaveAttribute('data-state', 'failed');
      await expect(kiosk.printStatus).toHaveAttribute('role', 'alert');
      await expect(kiosk.printStatus).toHaveAttribute('data-code', 'PRINTER_FAILED');
      await expect(kiosk.printStatus).toContainText('A-001 tidak tercetak');
      await expect(kiosk.ticketLabel).toHaveText('A-001');
      await snap(sp, '53-satpam-print-failed');

      // Printing again goes to the host again, not to the browser.
      await kiosk.print();
      await expect(kiosk.printStatus).toHaveAttribute('data-state', 'failed');
      await expect(kiosk.ticketLabel).toHaveText('A-001');
      expect(await kiosk.browserPrints()).toBe(0);
    });

    await test.step('auto-print turned off: issuing sends nothing to the printer', async () => {
      await kiosk.nextVisitor();
      await kiosk.setAutoPrint(false);
      expect(await kiosk.issue('A')).toBe('A-002');
      await expect(kiosk.printStatus).toHaveCount(0);
      await kiosk.nextVisitor();
      await expect(kiosk.autoPrint).not.toBeChecked();
      await kiosk.setAutoPrint(true);
    });

    await test.step('a printer that takes the job: the kiosk says where the ticket was printed', async () => {
      // This run has no CUPS printer, so the host's success answer is simulated for this one call.
      const letThrough = await kiosk.simulateHostPrint({ printer: GONE, jobId: `${GONE}-7` });
      expect(await kiosk.issue('A')).toBe('A-003');
      await expect(kiosk.printStatus).toHaveAttribute('data-state', 'printed');
      await expect(kiosk.printStatus).toHaveAttribute('role', 'status');
      await expect(kiosk.printStatus).toHaveText(`Tiket dicetak di ${GONE}`);
      await snap(sp, '54-satpam-printed');
      await letThrough();
      await kiosk.nextVisitor();
    });

    await test.step('admin chooses "no printer" and the saved state shows it', async () => {
      await devices.choosePrinter(NO_PRINTER);
      await expect(devices.saved).toBeVisible();
      await expect(devices.current).toHaveAttribute('data-printer', '');
      await expect(devices.current).toContainText('dicetak dari browser');
      await expect(devices.missing).toHaveCount(0);
      await admin.tab('queue');
      devices = await admin.tab('devices');
      await expect(devices.select).toHaveValue('');
      await snap(ap, '55-admin-devices-saved-none');
    });

    await test.step('a kiosk that still thinks a printer is set learns otherwise and falls back to the browser', async () => {
      expect(await kiosk.issue('A')).toBe('A-004');
      await expect(kiosk.printStatus).toHaveAttribute('data-code', 'NO_PRINTER');
      await expect(kiosk.ticketLabel).toHaveText('A-004');
      await kiosk.print();
      await expect.poll(() => kiosk.browserPrints()).toBe(1);
      await kiosk.nextVisitor();
      await expect(kiosk.autoPrint).toHaveCount(0);
    });

    await test.step('after a reload the kiosk prints through the browser only', async () => {
      await kiosk.open();
      await kiosk.reload();
      await expect(kiosk.autoPrint).toHaveCount(0);
      expect(await kiosk.issue('B')).toBe('B-001');
      await expect(kiosk.printButton).toBeVisible();
      await kiosk.print();
      await expect.poll(() => kiosk.browserPrints()).toBe(1);
      await expect(kiosk.printStatus).toHaveCount(0);
      await snap(sp, '56-satpam-browser-print');
    });

    await satpamDesk.context.close();
    await adminDesk.context.close();
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
});
