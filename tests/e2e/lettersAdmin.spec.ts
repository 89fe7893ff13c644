// Admin → Surat in the browser: the kop form names every wrong field at once in Indonesian and
// sends nothing until they are right; the saved kop shows in the preview and in letters.setup.
// The register's legacy import: a file with a bad row is refused with a row-by-row report, a good
// one lands in the register.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { expect, openSignedIn, test } from './fixtures';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';
import { LettersAdminPanel } from './pages/LettersPages';

/** A host of the test's own (a fresh office), stopped and removed after. */
async function withHost(fn: (host: HostProcess) => Promise<void>): Promise<void> {
  const dataDir = tempDir('loket-e2e-letters-admin-');
  const host = await startHostProcess(dataDir);
  try {
    await fn(host);
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
}

test('the kop form reports every wrong field at once, then saves a new kop', async ({ browser, snap }) => withHost(async (host) => {
  const { tokens, deskToken } = await setupOffice(host.url);
  const adm = await openSignedIn(browser, host.url, deskToken, tokens.admin!);
  await adm.page.setViewportSize({ width: 1366, height: 768 });
  const page = adm.page;
  await new LettersAdminPanel(page).open();
  const before = (await ok(host.url, 'letters.setup', {}, tokens.admin)).settings;

  await page.getByTestId('kop-government').fill('Kabupaten Musi Banyuasin');
  await page.getByTestId('kop-officeName').fill('');
  await page.getByTestId('kop-email').fill('dinkes@');
  await page.getByTestId('kop-website').fill('bukan laman');
  await page.getByTestId('kop-fontSize').fill('20');
  await page.getByTestId('kop-margin-top').fill('');
  await page.getByTestId('kop-margin-left').fill('45');
  await page.getByTestId('kop-margin-right').fill('50');
  await page.getByTestId('kop-save').click();
  await expect(page.getByTestId('kop-error')).toContainText(
    '7 isian belum benar: Baris pemerintah (PEMERINTAH …), Nama dinas, Pos-el, Laman, Ukuran huruf (pt), Margin halaman (mm): atas, Margin halaman (mm): kanan.',
  );
  await expect(page.getByTestId('kop-government-error')).toHaveText('Diawali kata PEMERINTAH, mis. PEMERINTAH KABUPATEN MUSI BANYUASIN.');
  await expect(page.getByTestId('kop-officeName-error')).toHaveText('Wajib diisi, mis. DINAS KESEHATAN.');
  await expect(page.getByTestId('kop-email-error')).toHaveText('Alamat pos-el tidak valid, mis. dinkes@mubakab.go.id.');
  await expect(page.getByTestId('kop-website-error')).toHaveText('Laman tidak valid, mis. dinkes.mubakab.go.id.');
  await expect(page.getByTestId('kop-fontSize-error')).toHaveText('Ukuran huruf 9 sampai 14 pt (bilangan bulat).');
  await expect(page.getByTestId('kop-margin-top-error')).toHaveText('Margin 5 sampai 50 mm.');
  await expect(page.getByTestId('kop-margin-right-error')).toContainText('isi surat perlu paling sedikit 120 mm (kertas A4 lebarnya 210 mm)');
  await expect(page.getByTestId('kop-saved')).toHaveCount(0);
  await snap(page, 'letters-kop-errors');
  // nothing reached the host
  expect((await ok(host.url, 'letters.setup', {}, tokens.admin)).settings).toEqual(before);

  await page.getByTestId('kop-government').fill('Pemerintah Kabupaten Musi Banyuasin');
  await page.getByTestId('kop-officeName').fill('Dinas Kesehatan');
  await page.getByTestId('kop-email').fill('dinkes@mubakab.go.id');
  await page.getByTestId('kop-website').fill('dinkes.mubakab.go.id');
  await page.getByTestId('kop-fontSize').fill('12');
  await page.getByTestId('kop-margin-top').fill('20');
  await page.getByTestId('kop-save').click();
  // left 45 + right 50 still leave 115 mm on A4: the one remaining problem, named alone
  await expect(page.getByTestId('kop-error')).toContainText('1 isian belum benar: Margin halaman (mm): kanan.');
  await page.getByTestId('kop-margin-left').fill('25');
  await page.getByTestId('kop-margin-right').fill('20');
  await page.getByTestId('kop-paper').selectOption('F4');
  await page.getByTestId('kop-save').click();
  await expect(page.getByTestId('kop-saved')).toBeVisible();
  await expect(page.getByTestId('kop-error')).toHaveCount(0);
  await expect(page.getByTestId('kop-preview')).toContainText('PEMERINTAH KABUPATEN MUSI BANYUASIN');
  await expect(page.getByTestId('kop-preview')).toContainText('DINAS KESEHATAN');
  await expect(page.getByTestId('kop-preview')).toContainText('Pos-el dinkes@mubakab.go.id');
  const after = (await ok(host.url, 'letters.setup', {}, tokens.admin)).settings;
  expect(after).toMatchObject({ government: 'Pemerintah Kabupaten Musi Banyuasin', website: 'dinkes.mubakab.go.id', fontSize: 12, paper: 'F4', marginsMm: { top: 20, right: 20, left: 25 } });

  // A new signing official: every missing field at once, then saved and listed.
  await page.getByTestId('off-nip').fill('1967');
  await page.getByTestId('off-add').click();
  await expect(page.getByTestId('off-error')).toContainText('3 isian belum benar: Nama lengkap dengan gelar, Jabatan, NIP');
  await page.getByTestId('off-name').fill('dr. HENDRA SAPUTRA, M.Kes');
  await page.getByTestId('off-title').fill('Kepala Dinas Kesehatan Kabupaten Musi Banyuasin');
  await page.getByTestId('off-nip').fill('19670401 200003 1 006');
  await page.getByTestId('off-add').click();
  await expect(page.getByTestId('off-saved')).toBeVisible();
  await expect(page.getByTestId('officials')).toContainText('dr. HENDRA SAPUTRA, M.Kes — Kepala Dinas Kesehatan Kabupaten Musi Banyuasin (NIP 196704012000031006)');
  await snap(page, 'letters-kop-saved');
  await adm.context.close();
}));

test('the register imports a legacy Excel book: bad rows named one by one, a good book lands whole', async ({ browser, snap }) => withHost(async (host) => {
  const { tokens, deskToken } = await setupOffice(host.url);
  const write = async (name: string, rows: unknown[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Register');
    ws.addRow(['Tanggal', 'Nomor surat', 'Jenis surat', 'Nama pasien', 'NIK', 'Rumah sakit', 'Diagnosis']);
    rows.forEach((r) => ws.addRow(r));
    const file = join(host.dataDir, name);
    await wb.xlsx.writeFile(file);
    return file;
  };
  const good = [
    ['2025-03-03', '400.7.3.1/21/Dinkes/2025', 'REKOM', 'Ahmad Lama', '1671010101800021', 'RSUD Palembang BARI', ''],
    ['04/03/2025', '400.7.3.1/22/Dinkes/2025', 'REKOM', 'Budi Lama', '1671010101800022', '', ''],
  ];
  const broken = await write('rusak.xlsx', [...good, ['kemarin', '400.7.3.1/21/Dinkes/2025', 'REKOM', 'Cici', '12', '', '']]);
  const fine = await write('baik.xlsx', good);

  const adm = await openSignedIn(browser, host.url, deskToken, tokens.admin!);
  const page = adm.page;
  await page.goto('/#/register');
  await expect(page.getByTestId('page-register')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('reg-import').locator('summary').click();
  await page.getByTestId('reg-import-path').fill(broken);
  await page.getByTestId('reg-import-start').click();
  const report = page.getByTestId('reg-import-report');
  await expect(report).toContainText('1 baris bermasalah, jadi tidak ada yang diimpor.');
  await expect(report.locator('li')).toHaveText(['Baris 4: tanggal tidak terbaca (pakai TTTT-BB-HH atau HH/BB/TTTT); nomor surat sama dengan baris 2; NIK harus 16 angka.']);
  await snap(page, 'register-import-report');

  await page.getByTestId('reg-import-path').fill(fine);
  await page.getByTestId('reg-import-start').click();
  await expect(page.getByTestId('reg-import-done')).toBeVisible();
  await expect(page.getByTestId('register-row')).toHaveCount(2);
  await expect(page.getByTestId('register-row').first()).toContainText('Budi Lama');
  await adm.context.close();
}));
