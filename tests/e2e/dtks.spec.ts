// Admin → DTKS: the admin imports a small CSV with a bad row, checks the column preview, follows
// the job and reads the report with the row number and the reason; then looks a NIK up.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openSignedIn, test } from './fixtures';
import { removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { HEADER, bigNik, csv, row } from '../helpers/dtksFiles';
import { AdminPage } from './pages/AdminPage';
import { DtksTab } from './pages/FollowupPages';

const SHOTS = join('test-results', 'screens');

test('DTKS: import a CSV with a bad row and read the report', async ({ browser }) => {
  const dataDir = tempDir('loket-e2e-dtks-');
  const host = await startHostProcess(dataDir);
  try {
    const office = await setupOffice(host.url);
    const file = join(dataDir, 'dtks-desember.csv');
    writeFileSync(file, csv([HEADER, row(0, 7, 'SUPARMAN'), row(1, 7, 'WARTINI'), ['3', 'DTKS-7', '', '32010115019', 'ANAK', '', '', '', '4'], row(3, 8, 'KETUT')]));
    const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
    await page.setViewportSize({ width: 1366, height: 768 });
    mkdirSync(SHOTS, { recursive: true });
    await new AdminPage(page).open();
    const dtks = await DtksTab.open(page);
    await expect(dtks.active).toHaveText('Belum ada daftar DTKS yang diimpor.');

    await dtks.choose(file);
    await expect(dtks.preview).toBeVisible();
    await expect(dtks.mapping('nik')).toHaveValue('3');
    await expect(dtks.mapping('name')).toHaveValue('4');
    await page.screenshot({ path: join(SHOTS, 'dtks-preview-1366x768.png') });

    await dtks.startImport();
    await expect(dtks.job).toHaveAttribute('data-status', 'done');
    await expect(dtks.report).toHaveAttribute('data-outcome', 'imported');
    await expect(dtks.reportMessage).toHaveText('Daftar diimpor: 3 orang. 1 baris dilewati karena bermasalah (lihat laporan).');
    await expect(dtks.badRows).toHaveCount(1);
    await expect(dtks.badRows.first()).toContainText('4');
    await expect(dtks.badRows.first()).toContainText('NIK harus 16 digit (11 digit)');
    await expect(dtks.active).toContainText('dtks-desember.csv');
    await expect(dtks.active).toContainText('3 orang');

    const result = await dtks.lookup(bigNik(1));
    await expect(result).toHaveAttribute('data-status', 'terdaftar');
    await expect(result).toContainText('ID keluarga: DTKS-7');
    await expect(result).toContainText('SUPARMAN');
    await page.screenshot({ path: join(SHOTS, 'dtks-report-1366x768.png'), fullPage: true });
    const none = await dtks.lookup('3201011501901234');
    await expect(none).toHaveAttribute('data-status', 'tidak_terdaftar');
    await expect(none).toContainText('kepala desa');

    // Not a spreadsheet: refused at once in Indonesian, the list stays.
    const pdf = join(dataDir, 'surat.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj\n');
    await dtks.choose(pdf);
    await expect(dtks.error).toContainText('PDF, bukan lembar kerja');
    await expect(dtks.active).toContainText('dtks-desember.csv');
    await context.close();
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
});
