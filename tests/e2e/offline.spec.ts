// The host goes away while the resepsionis is typing: the screen says so, keeps every field, and
// the same save works once the host is back. Then the SOP step clock runs past its mutu baku. Uses its own host so it can stop and restart it.
import { expect, openSignedIn, test } from './fixtures';
import { KK_VALID, NIK_MALE } from '../helpers/factories';
import { ok, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';
import { QueueDeskPage } from './pages/QueueDeskPage';

const VISITOR = { nik: NIK_MALE, name: 'Siti Aminah', kk: KK_VALID, phone: '081298765432', purpose: 'Cek status PBI' };

test('an unreachable host raises the banner and loses no typed input', async ({ browser, snap }) => {
  let host: HostProcess = await startHostProcess(tempDir('loket-e2e-offline-'));
  try {
    const office = await setupOffice(host.url);
    await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: 'lansia' }, office.tokens.satpam1!);

    const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.resep1!);
    const desk = new QueueDeskPage(page, 'resepsionis');
    await desk.open();
    expect(await desk.callNext()).toBe('A-001');
    await expect(page.getByTestId('current-ticket').getByTestId('priority-badge')).toHaveText('Lansia');
    await desk.fillCase(VISITOR);

    const port = new URL(host.url).port;
    await host.stop();
    await desk.saveCase();
    await expect(page.getByTestId('host-unreachable')).toBeVisible();
    await expect(page.getByTestId('case-error')).toHaveAttribute('data-code', 'HOST_UNREACHABLE');
    await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'offline');
    for (const [field, value] of Object.entries(VISITOR)) await expect(page.getByTestId(`case-${field}`)).toHaveValue(value);
    await snap(page, '20-host-unreachable');

    host = await startHostProcess(host.dataDir, Number(port));
    await desk.saveCase();
    await expect(page.getByTestId('case-saved')).toBeVisible();
    await expect(page.getByTestId('host-unreachable')).toHaveCount(0);
    await expect(page.getByTestId('case-error')).toHaveCount(0);

    // The step clock turns red once the step runs past its mutu baku (2 minutes for this step).
    await desk.startStep();
    await expect(page.getByTestId('step-clock')).toHaveAttribute('data-overdue', 'false');
    await page.clock.install();
    await page.clock.fastForward('02:05');
    await expect(page.getByTestId('step-clock')).toHaveAttribute('data-overdue', 'true');
    await expect(page.getByTestId('step-overdue')).toHaveText('Melebihi mutu baku');
    await snap(page, '21-step-overdue');
    await context.close();
  } finally {
    await host.stop();
  }
});
