// The visitor's phone (390×844) behind the ticket's QR code: no login, plain HTTP on the office
// network; the ticket's place in line, the counters' calls, and its own call, big, with a vibration,
// live over the board's feed. Screenshots in test-results/screens/.
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { PASSWORD } from '../helpers/factories';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { PHONE_VIEWPORT, VisitorPhonePage } from './pages/ScreensPages';
import { enforceGesturePolicy } from './autoplay';

const SCREENS = 'test-results/screens';

test('the phone follows its ticket: place in line, the counters\' calls, its own call with a vibration', async ({ browser }) => {
  mkdirSync(SCREENS, { recursive: true });
  const dataDir = tempDir('loket-e2e-visitor-');
  const host = await startHostProcess(dataDir, 0, { bind: '0.0.0.0' });
  try {
    const { tokens, desk2Token } = await setupOffice(host.url);
    await ok(host.url, 'users.create', { username: 'resep2', fullName: 'Resepsionis Dua', roles: ['resepsionis'], password: PASSWORD }, tokens.admin);
    const resep2 = (await ok(host.url, 'auth.login', { deskToken: desk2Token, username: 'resep2', password: PASSWORD })).sessionToken;
    const first = await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const mine = await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const link = await ok(host.url, 'visitor.link', { ticketId: mine.id }, tokens.satpam1);
    expect(link.reachable).toBe(true);

    const context = await browser.newContext({ viewport: PHONE_VIEWPORT, hasTouch: true, isMobile: true });
    // A phone's browser: sound only after the visitor touches the page once.
    await enforceGesturePolicy(context);
    await VisitorPhonePage.recordVibrations(context);
    const phone = await new VisitorPhonePage(await context.newPage()).open(link.url);
    const vibrations = () => phone.vibrations();

    await test.step('waiting: the number, people ahead, the estimate, nothing personal', async () => {
      await expect(phone.label).toHaveText(mine.label);
      await expect(phone.ahead).toHaveText('1 antrean sebelum Anda');
      await expect(phone.wait).toHaveText('Perkiraan tunggu belum tersedia');
      await expect(phone.called).toHaveCount(0);
      await expect(phone.root).toHaveAttribute('data-alerts', 'off');
      await phone.page.screenshot({ path: `${SCREENS}/visitor-waiting-390x844.png` });
      await phone.enableAlerts.tap();
      await expect(phone.root).toHaveAttribute('data-alerts', 'on');
    });

    await test.step('another number called: the phone shows the counter\'s call and moves up the line', async () => {
      await ok(host.url, 'queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
      await expect(phone.recent(1)).toContainText(first.label);
      await expect(phone.ahead).toHaveText('Anda antrean berikutnya');
      await expect(phone.root).toHaveAttribute('data-calls', '0');
    });

    await test.step('its own call: big, with the counter, and the phone vibrates', async () => {
      const before = await vibrations();
      await ok(host.url, 'queue.callNext', { stage: 'resepsionis' }, resep2);
      await phone.expectCalled(2, 1);
      await expect(phone.called).toContainText('Silakan ke Loket 2');
      await expect(phone.recent(2)).toContainText(mine.label);
      expect(await vibrations()).toBeGreaterThan(before);
      await phone.page.screenshot({ path: `${SCREENS}/visitor-called-390x844.png` });
    });

    await test.step('a recall reaches the phone again', async () => {
      const before = await vibrations();
      await ok(host.url, 'queue.recall', { ticketId: mine.id }, resep2);
      await phone.expectCalled(2, 2);
      expect(await vibrations()).toBeGreaterThan(before);
    });

    await test.step('a link that is not a ticket\'s says so, and shows nothing', async () => {
      const stranger = await new VisitorPhonePage(await context.newPage()).open(link.url.replace(/[^/]{24}$/, 'A'.repeat(24)));
      await expect(stranger.error).toHaveAttribute('data-code', 'NOT_FOUND');
      await expect(stranger.label).toHaveCount(0);
    });
    await context.close();
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
});
