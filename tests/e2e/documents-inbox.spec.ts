// The scan inbox and scanner discovery end to end on a real host (SANE's test backend in a private
// SANE_CONFIG_DIR, the inbox watched with short timings): the admin picks desk 1's scanner from the
// list the komputer utama found (Cari ulang) and sets its inbox folder; a network scanner drops a
// KTP picture, a two-page KK PDF and a text file into the folder; the resepsionis at a 1366×768
// desk sees them in Kotak masuk pindaian, puts them into the case and sees the checklist turn
// complete, with the checklist, the scan button and the thumbnails all on screen, no page scroll.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
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
  dataDir = tempDir('loket-e2e-inbox-');
  host = await startHostProcess(dataDir, 0, { env: { SANE_CONFIG_DIR: privateSane().dir, LOKET_INBOX_POLL_MS: '200', LOKET_INBOX_STABLE_MS: '600' } });
  office = await setupOffice(host.url);
});
test.afterAll(async () => {
  await host?.stop();
  removeTempDir(dataDir);
});

const sheet = (w: number, h: number, v: number) => sharp({ create: { width: w, height: h, channels: 3, background: { r: v, g: v, b: v - 10 } } });

async function kkPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (const v of [235, 215]) {
    const img = await pdf.embedJpg(await sheet(826, 1169, v).jpeg().toBuffer());
    pdf.addPage([595, 842]).drawImage(img, { x: 0, y: 0, width: 595, height: 842 });
  }
  return Buffer.from(await pdf.save());
}

test('scanners found per desk; the network scanner’s files land in the inbox and go into the case, all on a 1366×768 screen', async ({ browser }) => {
  mkdirSync(SHOTS, { recursive: true });
  const folder = join(tempDir('loket-e2e-scanfolder-'), 'loket1');
  mkdirSync(folder);

  const admin = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
  await admin.page.setViewportSize({ width: 1366, height: 768 });
  const docsAdmin = await DocumentsAdminTab.open(admin.page);
  await docsAdmin.rediscover(1);
  // The komputer utama's own scanners (this desk scans there): the test backend's two devices.
  await expect(admin.page.getByTestId('scanner-1').getByTestId('scanner-found')).toHaveAttribute('data-where', 'host');
  await expect(docsAdmin.devices(1).filter({ hasText: 'test:0' })).toHaveCount(1);
  await expect(docsAdmin.devices(1).filter({ hasText: 'test:1' })).toHaveCount(1);
  await docsAdmin.setScanner(1, { adapter: 'sane', device: 'test:0', source: 'flatbed', inboxFolder: folder });
  await admin.page.screenshot({ path: join(SHOTS, 'documents-admin-scanners.png') });
  await admin.context.close();

  await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1);
  const resep = await openSignedIn(browser, host.url, office.deskToken, office.tokens.resep1!);
  await resep.page.setViewportSize({ width: 1366, height: 768 });
  const desk = await new QueueDeskPage(resep.page, 'resepsionis').open();
  await desk.callNext();
  const panel = await DocumentsPanel.shown(resep.page);
  // Nothing waits yet: the inbox takes no room.
  await expect(panel.inbox).toHaveCount(0);

  // The network scanner saves its files into the folder.
  writeFileSync(join(folder, 'SCAN_0001.jpg'), await sheet(1000, 640, 230).jpeg().toBuffer());
  writeFileSync(join(folder, 'SCAN_0002.pdf'), await kkPdf());
  writeFileSync(join(folder, 'README.txt'), 'bukan pindaian');
  await expect(panel.inbox.getByTestId('inbox-item')).toHaveCount(2, { timeout: 20_000 });
  await expect(panel.inbox.getByTestId('inbox-refused')).toContainText('README.txt bukan gambar pindaian atau PDF');
  await expect(panel.inboxItem('SCAN_0002.pdf')).toContainText('2 hal.');
  expect(readdirSync(folder).sort()).toEqual(['ditolak', 'sudah-diimpor']);
  await expect(panel.inbox.getByTestId('inbox-count')).toHaveText('2');
  await resep.page.screenshot({ path: join(SHOTS, 'documents-inbox-1366x768.png') });

  await panel.assignFromInbox('SCAN_0001.jpg', 'ktp', 1);
  await expect(panel.line('ktp')).toHaveAttribute('data-present', 'true');
  await panel.assignFromInbox('SCAN_0002.pdf', 'kk', 2);
  await expect(panel.done).toHaveText('2 halaman dimasukkan ke Fotokopi Kartu Keluarga (KK).');
  await panel.expectComplete(true);
  await expect(panel.status).toHaveText('Lengkap');

  // The refusal acknowledged: nothing waits, the inbox makes room again.
  await panel.inbox.getByRole('button', { name: 'Mengerti' }).click();
  await expect(panel.inbox).toHaveCount(0);

  // 1366×768, page not scrolled: the checklist, the scan button and the thumbnails are all on screen.
  await resep.page.evaluate('window.scrollTo(0, 0)');
  await resep.page.screenshot({ path: join(SHOTS, 'documents-1366x768.png') });
  const onScreen = async (testId: string, nth = 0) => {
    const box = await resep.page.getByTestId(testId).nth(nth).boundingBox();
    expect(box, testId).not.toBeNull();
    expect(box!.y, `${testId} top`).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height, `${testId} bottom`).toBeLessThanOrEqual(768);
  };
  await onScreen('documents-checklist');
  await onScreen('documents-scan');
  await onScreen('doc-page', 0);
  await onScreen('doc-page', 2);
  // The panel itself ends within the window: what does not fit scrolls inside it.
  const panelBox = (await resep.page.getByTestId('documents-panel').boundingBox())!;
  expect(panelBox.y + panelBox.height).toBeLessThanOrEqual(768);

  // The folder keeps every original.
  expect(readdirSync(join(folder, 'sudah-diimpor')).sort()).toEqual(['SCAN_0001.jpg', 'SCAN_0002.pdf']);
  expect(readdirSync(join(folder, 'ditolak'))).toEqual(['README.txt']);
  await resep.context.close();
});
