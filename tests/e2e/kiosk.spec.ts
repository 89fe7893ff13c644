// The locked ticket kiosk on a portrait screen (1080×1920): a satpam signs in once and the browser
// opens straight on the ticket screen, without the menu; one touch issues a ticket that shows the
// office, date and time, people ahead, an estimated wait and the QR code of the visitor's phone
// page; with no printer it returns to the start by itself. Screenshots in test-results/screens/.
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { officeDateLong } from '../../common/domain/time';
import { PASSWORD } from '../helpers/factories';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { KIOSK_VIEWPORT, KioskPage } from './pages/SatpamPage';
import { PHONE_VIEWPORT, VisitorPhonePage } from './pages/ScreensPages';

const SCREENS = 'test-results/screens';
const NO_CASE = 'Uji kiosk tanpa data pengunjung';

test('kiosk: straight to the ticket screen, whole portrait screen, ticket facts, back to the start by itself', async ({ browser }) => {
  mkdirSync(SCREENS, { recursive: true });
  const dataDir = tempDir('loket-e2e-kiosk-');
  // Listening on the LAN: the ticket's QR code then points at an address a phone can reach.
  const host = await startHostProcess(dataDir, 0, { bind: '0.0.0.0' });
  try {
    const office = await setupOffice(host.url);
    const { tokens } = office;
    // Three visitors already served at the resepsionis today: the kiosk can estimate the wait.
    for (let i = 0; i < 3; i++) await ok(host.url, 'queue.issue', { serviceCode: 'D', priority: null }, tokens.satpam1);
    for (let i = 0; i < 3; i++) {
      const t = await ok(host.url, 'queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
      await ok(host.url, 'queue.startStep', { ticketId: t!.id }, tokens.resep1);
      await ok(host.url, 'queue.finishStep', { ticketId: t!.id, noCaseReason: NO_CASE }, tokens.resep1);
    }
    // Two visitors waiting before the kiosk's one.
    await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    await ok(host.url, 'queue.issue', { serviceCode: 'B', priority: null }, tokens.satpam1);

    // A paired browser without a session, as the kiosk PC is after a power cut.
    const context = await browser.newContext({ baseURL: host.url, viewport: KIOSK_VIEWPORT });
    await context.addInitScript({ content: `localStorage.setItem('loket.desk', ${JSON.stringify(office.deskToken)});` });
    const page = await context.newPage();
    const kiosk = new KioskPage(page);

    await test.step('the satpam signs in once and lands on the locked ticket screen, no menu', async () => {
      await page.goto('/#/satpam?kiosk=1');
      await KioskPage.signIn(page, 'satpam1', PASSWORD);
      await kiosk.shown();
      await expect(kiosk.staffNavigation).toHaveCount(0);
      await expect(kiosk.menu).toHaveCount(0);
      await page.screenshot({ path: `${SCREENS}/kiosk-start-1080x1920.png` });
    });

    await test.step('the start screen uses the whole portrait screen with large targets', async () => {
      await expect(kiosk.serviceButtons).toHaveCount(4);
      const boxes = await Promise.all((await kiosk.serviceButtons.all()).map(async (b) => (await b.boundingBox())!));
      for (const b of boxes) {
        expect(b.height).toBeGreaterThanOrEqual(150);
        expect(b.width).toBeGreaterThanOrEqual(KIOSK_VIEWPORT.width * 0.85);
      }
      // The purposes reach down the screen: the last one ends in its lower part, nothing scrolls.
      expect(boxes[3]!.y + boxes[3]!.height).toBeGreaterThan(KIOSK_VIEWPORT.height * 0.75);
      expect(await kiosk.scrollHeight()).toBeLessThanOrEqual(KIOSK_VIEWPORT.height);
      const priority = await kiosk.priorityButton('lansia').boundingBox();
      expect(priority!.height).toBeGreaterThanOrEqual(100);
    });

    let link = '';
    await test.step('one touch issues the ticket: office, date and time, people ahead, estimate, QR code', async () => {
      const label = await kiosk.issue('A');
      expect(label).toBe('A-002');
      await expect(kiosk.ticket).toContainText('Dinas Kesehatan Kabupaten Musi Banyuasin');
      await expect(kiosk.ticketDate).toContainText(officeDateLong(new Date(), 'Asia/Jakarta'));
      await expect(kiosk.ticketDate).toContainText(/\d{2}\.\d{2} WIB/);
      await expect(kiosk.ahead).toHaveText('2 antrean sebelum Anda');
      await expect(kiosk.wait).toHaveText('Perkiraan tunggu: ± 5 menit');
      link = await kiosk.qrUrl();
      expect(link).toMatch(new RegExp(`^http://(?!127\\.)[\\d.]+:${host.started.port}/#/v/[A-Za-z0-9_-]{24}$`));
      await expect(kiosk.countdown).toBeVisible();
      await page.screenshot({ path: `${SCREENS}/kiosk-ticket-1080x1920.png` });
    });

    await test.step('without a printer it goes back to the start by itself, with nothing touched', async () => {
      await kiosk.expectBackAtStartByItself();
    });

    await test.step('the QR code opens that ticket on a phone', async () => {
      const phone = await browser.newContext({ viewport: PHONE_VIEWPORT });
      const visitor = await new VisitorPhonePage(await phone.newPage()).open(link);
      await expect(visitor.label).toHaveText('A-002');
      await expect(visitor.ahead).toHaveText('2 antrean sebelum Anda');
      await phone.close();
    });

    await test.step('after a restart the browser opens the locked kiosk again', async () => {
      await page.goto('/#/satpam');
      await kiosk.shown();
      await expect(kiosk.staffNavigation).toHaveCount(0);
      // "Selesai" skips the countdown for whoever is in a hurry.
      // A priority touched first goes with the ticket; three normal calls today put it next in line.
      await kiosk.issue('B', 'ibu_hamil');
      await expect(kiosk.ticket).toContainText('Ibu hamil');
      await expect(kiosk.ahead).toHaveText('Anda antrean berikutnya');
      await kiosk.done();
    });
    await context.close();
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
});
