// The case file end to end on a real host whose scanner is SANE's test backend (a private
// SANE_CONFIG_DIR): the admin picks the desk's scanner, the resepsionis scans a KTP on the flatbed
// and a KK through the feeder and sees the checklist turn complete; an incomplete file for a
// recommendation letter goes back to the visitor with a printed sheet, read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, openSignedIn, test } from './fixtures';
import { DocumentsAdminTab, DocumentsPanel } from './pages/DocumentsPages';
import { QueueDeskPage } from './pages/QueueDeskPage';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';
import { privateSane } from '../helpers/sane';

const SHOTS = join('test-results', 'screens');
let host: HostProcess;
let dataDir: string;
let office: Awaited<ReturnType<typeof setupOffice>>;

test.beforeAll(async () => {
  dataDir = tempDir('loket-e2e-docs-');
  // Only this host scans with the private configuration.
  host = await startHostProcess(dataDir, 0, { env: { SANE_CONFIG_DIR: privateSane().dir } });
});
test.beforeAll(async () => {
  office = await setupOffice(host.url);
});
test.afterAll(async () => {
  await host?.stop();
  removeTempDir(dataDir);
});

test('the resepsionis scans KTP and KK into a case and the checklist turns complete', async ({ browser }) => {
  const admin = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
  await admin.page.setViewportSize({ width: 1366, height: 768 });
  const docsAdmin = await DocumentsAdminTab.open(admin.page);
  await expect(docsAdmin.checklistBox('A', 'ktp')).toBeChecked();
  await expect(docsAdmin.checklistBox('A', 'kk')).toBeChecked();
  await expect(docsAdmin.checklistBox('B', 'rujukan_resume_rs')).toBeChecked();
  await docsAdmin.setScanner(1, { adapter: 'sane', device: 'test:0', source: 'flatbed' });
  await admin.page.screenshot({ path: join(SHOTS, 'documents-admin.png') });

  const ticket = await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1);
  const resep = await openSignedIn(browser, host.url, office.deskToken, office.tokens.resep1!);
  await resep.page.setViewportSize({ width: 1366, height: 768 });
  const desk = await new QueueDeskPage(resep.page, 'resepsionis').open();
  await desk.callNext();
  // A called visitor's three bar buttons (start, recall, no-show) stay inside the ticket card at
  // 1366x768, clear of the desk's Buka/Istirahat/Tutup beside it.
  const card = (await resep.page.locator('.current-ticket').boundingBox())!;
  const noShow = (await resep.page.getByTestId('skip').boundingBox())!;
  expect(noShow.x + noShow.width).toBeLessThanOrEqual(card.x + card.width);
  const open = (await resep.page.getByRole('button', { name: 'Buka', exact: true }).boundingBox())!;
  expect(noShow.x + noShow.width <= open.x || noShow.y >= open.y + open.height).toBe(true);
  const panel = await DocumentsPanel.shown(resep.page);
  await panel.expectComplete(false);
  await expect(panel.status).toHaveText('Kurang 2 dokumen');
  await expect(panel.line('ktp')).toHaveAttribute('data-present', 'false');

  await panel.scan('ktp', 1);
  await expect(panel.line('ktp')).toHaveAttribute('data-present', 'true');
  await expect(panel.status).toHaveText('Kurang 1 dokumen');

  // The KK has several sheets: the admin switches the desk to the feeder (10 pages in the test backend).
  const deskId = (await ok(host.url, 'documents.scanners', {}, office.tokens.admin)).find((d) => d.counterNo === 1)!.deskId;
  await ok(host.url, 'documents.saveScanner', { deskId, config: { adapter: 'sane', device: 'test:0', resolution: 150, mode: 'gray', paper: 'A4', source: 'adf', folder: '' } }, office.tokens.admin);
  await panel.scan('kk', 10);
  await expect(panel.done).toHaveText('10 halaman tersimpan.');
  await panel.expectComplete(true);
  await expect(panel.status).toHaveText('Lengkap');
  await resep.page.screenshot({ path: join(SHOTS, 'documents-complete.png') });
  await resep.page.screenshot({ path: join(SHOTS, 'documents-complete-full.png'), fullPage: true });
  await ok(host.url, 'queue.endVisit', { ticketId: ticket.id, reason: 'lainnya', note: 'uji berkas' }, office.tokens.resep1);
  await admin.context.close();
  await resep.context.close();
});

test('an incomplete file goes back with a printed list of what is missing', async ({ browser }) => {
  await ok(host.url, 'queue.issue', { serviceCode: 'B', priority: null }, office.tokens.satpam1);
  const resep = await openSignedIn(browser, host.url, office.deskToken, office.tokens.resep1!);
  await resep.page.setViewportSize({ width: 1366, height: 768 });
  const desk = await new QueueDeskPage(resep.page, 'resepsionis').open();
  await desk.callNext();
  // A called visitor's three bar buttons (start, recall, no-show) stay inside the ticket card at
  // 1366x768, clear of the desk's Buka/Istirahat/Tutup beside it.
  const card = (await resep.page.locator('.current-ticket').boundingBox())!;
  const noShow = (await resep.page.getByTestId('skip').boundingBox())!;
  expect(noShow.x + noShow.width).toBeLessThanOrEqual(card.x + card.width);
  const open = (await resep.page.getByRole('button', { name: 'Buka', exact: true }).boundingBox())!;
  expect(noShow.x + noShow.width <= open.x || noShow.y >= open.y + open.height).toBe(true);
  const panel = await DocumentsPanel.shown(resep.page);
  // A photo of the KTP dropped in from a file; a text file is refused with a message, nothing lost.
  const ktp = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 235, g: 235, b: 230 } } }).jpeg().toBuffer();
  await panel.addFile('ktp', { name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: ktp });
  await expect(panel.pages('ktp')).toHaveCount(1);
  await panel.addFile('kk', { name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan gambar') });
  await expect(panel.error).toContainText('catatan.txt bukan gambar');
  await expect(panel.pages('ktp')).toHaveCount(1);
  await expect(panel.status).toHaveText('Kurang 5 dokumen');

  const download = await panel.returnFile();
  await resep.page.screenshot({ path: join(SHOTS, 'documents-returned.png') });
  const pdf = join(tempDir('loket-e2e-sheet-'), download.suggestedFilename());
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  expect(text).toContain('BERKAS BELUM LENGKAP');
  expect(text).toContain('B-001');
  expect(text).toContain('Rujukan dari Puskesmas');
  expect(text).toContain('Rujukan dan resume medis RS pengirim');
  expect(text).not.toMatch(/Fotokopi KTP\b/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, join(SHOTS, 'documents-return-sheet')]);
  writeFileSync(join(SHOTS, 'documents-return-sheet.txt'), text);
  await resep.context.close();
});
