// The desk's other queue moves: emergency first, skip and call again, recall, notes, and a transfer
// to a named petugas (closing the running step), whose board then shows the visitor as theirs.
import { expect, openSignedIn, test } from './fixtures';
import { ok, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { QueueDeskPage } from './pages/QueueDeskPage';

test('skip, call again, recall, note and transfer to a petugas', async ({ browser, snap }) => {
  const host = await startHostProcess(tempDir('loket-e2e-actions-'));
  try {
    const office = await setupOffice(host.url);
    const satpam = office.tokens.satpam1!;
    await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, satpam);
    await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: 'gawat_darurat' }, satpam);

    const resep = await openSignedIn(browser, host.url, office.deskToken, office.tokens.resep1!);
    const desk = new QueueDeskPage(resep.page, 'resepsionis');
    const page = resep.page;
    await desk.open();
    await desk.expectWaiting('A-001');

    await test.step('gawat darurat is called first, then skipped', async () => {
      expect(await desk.callNext()).toBe('A-002');
      await expect(page.getByTestId('priority-badge').first()).toHaveText('Gawat darurat');
      await page.getByTestId('skip').click();
      await expect(page.getByTestId('skipped-A-002')).toBeVisible();
      await expect(page.getByTestId('no-current-ticket')).toBeVisible();
    });

    await test.step('the next visitor is recalled and gets a note', async () => {
      expect(await desk.callNext()).toBe('A-001');
      await page.getByTestId('recall').click();
      await expect(page.getByTestId('recalled')).toBeVisible();
      await page.getByTestId('notes-open').click();
      await expect(page.getByTestId('notes')).toHaveAttribute('data-state', 'ready');
      await page.getByTestId('note-text').fill('Menunggu fotokopi KK dari keluarga');
      await page.getByTestId('note-add').click();
      await expect(page.getByTestId('note-item')).toContainText('Menunggu fotokopi KK dari keluarga');
      await snap(page, '30-desk-notes-skipped');
    });

    await test.step('on its last resepsionis step A-001 is handed to petugas2, whose board shows it', async () => {
      await desk.startStep();
      for (let i = 0; i < 4; i += 1) expect(await desk.finishStep()).toBe(true);
      await expect(page.getByTestId('current-step-name')).toHaveText('Menghubungi petugas layanan');
      await page.getByTestId('transfer-open').click();
      await expect(page.getByTestId('transfer-panel')).toHaveAttribute('data-state', 'ready');
      await page.getByTestId('transfer-mode-petugas').check();
      await page.getByTestId('transfer-petugas').selectOption({ label: 'petugas2' });
      await page.getByTestId('transfer-submit').click();
      await expect(page.getByTestId('queue-notice')).toContainText('A-001');
      await expect(page.getByTestId('no-current-ticket')).toBeVisible();

      const petugas = await openSignedIn(browser, host.url, office.desk2Token, office.tokens.petugas2!);
      const petugasDesk = new QueueDeskPage(petugas.page, 'petugas');
      await petugasDesk.open();
      await expect(petugas.page.getByTestId('waiting-A-001')).toContainText('untuk Anda');
      await snap(petugas.page, '31-petugas-assigned');
      await petugas.context.close();
    });

    await test.step('the skipped emergency is called again', async () => {
      await page.getByTestId('call-skipped-A-002').click();
      await expect(desk.currentLabel).toHaveText('A-002');
      await expect(page.getByTestId('skipped-A-002')).toHaveCount(0);
    });
    await resep.context.close();
  } finally {
    await host.stop();
  }
});
