// The host goes away while the resepsionis is typing: the screen says so, keeps every field, and
// the same save works once the host is back. Then the SOP step clock runs past its mutu baku. Uses its own host so it can stop and restart it.
import { expect, openSignedIn, test } from './fixtures';
import { KK_VALID, NIK_MALE } from '../helpers/factories';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';
import { QueueDeskPage } from './pages/QueueDeskPage';

const VISITOR = { nik: NIK_MALE, name: 'Siti Aminah', kk: KK_VALID, phone: '081298765432', purpose: 'Cek status PBI' };

test('an unreachable host raises the banner and loses no typed input', async ({ browser, snap }) => {
  const dataDir = tempDir('loket-e2e-offline-');
  let host: HostProcess = await startHostProcess(dataDir);
  try {
    const office = await setupOffice(host.url);
    await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: 'lansia' }, office.tokens.satpam1!);

    const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.resep1!);
    const desk = await new QueueDeskPage(page, 'resepsionis').open();
    expect(await desk.callNext()).toBe('A-001');
    await expect(desk.currentPriority).toHaveText('Lansia');
    await desk.fillCase(VISITOR);

    const port = new URL(host.url).port;
    await host.stop();
    await desk.saveCase();
    await expect(desk.hostUnreachable).toBeVisible();
    await expect(desk.caseError).toHaveAttribute('data-code', 'HOST_UNREACHABLE');
    await expect(desk.connection).toHaveAttribute('data-connection', 'offline');
    for (const [field, value] of Object.entries(VISITOR)) await expect(desk.field(field as keyof typeof VISITOR)).toHaveValue(value);
    await snap(page, '20-host-unreachable');

    host = await startHostProcess(host.dataDir, Number(port));
    await desk.saveCase();
    await expect(desk.caseSaved).toBeVisible();
    await expect(desk.hostUnreachable).toHaveCount(0);
    await expect(desk.caseError).toHaveCount(0);

    // The step clock turns red once the step runs past its mutu baku (2 minutes for this step).
    await desk.startStep();
    await expect(desk.stepClock).toHaveAttribute('data-overdue', 'false');
    await desk.letTimePass('02:05');
    await expect(desk.stepClock).toHaveAttribute('data-overdue', 'true');
    await expect(desk.stepOverdue).toHaveText('Melebihi mutu baku');
    await snap(page, '21-step-overdue');
    await context.close();
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
});
