// Desk set-up without IT help (issue 8): the admin creates a desk (a counter number in use is
// refused), chooses its services and gets a short pairing code with a QR code; a second browser
// pairs by typing the code loosely (lower case, a space) and signs in; the code works once.
import { expect, openSignedIn, test } from './fixtures';
import { PASSWORD } from '../helpers/factories';
import { removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { AdminPage } from './pages/AdminPage';
import { DeskGate } from './pages/gates';

test.use({ viewport: { width: 1366, height: 768 } });

test('admin makes a pairing code; a new desk pairs by typing it and signs in', async ({ browser, snap }) => {
  const dataDir = tempDir('loket-e2e-pair-');
  const host = await startHostProcess(dataDir);
  try {
    const office = await setupOffice(host.url);
    const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
    const admin = await new AdminPage(page).open();
    const desks = await admin.tab('desks');

    let code = '';
    await test.step('a counter number in use is refused, naming the desk that has it', async () => {
      await desks.createRefused('Meja Petugas Baru', 2);
      await expect(desks.createError).toContainText('Loket 2');
      await expect(desks.counterError).toBeVisible();
      await snap(page, '43-admin-desk-counter-taken');
    });

    await test.step('a new desk gets an 8-character code with its QR; the technical details stay folded', async () => {
      const pairing = await desks.create('Meja Petugas 4', 4);
      code = await pairing.codeValue();
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
      await expect(pairing.code).toHaveText(`${code.slice(0, 4)}-${code.slice(4)}`);
      await expect(pairing.expiry).toContainText('Berlaku 15 mnt');
      await expect(pairing.qr).toBeVisible();
      await expect(pairing.fingerprint).toBeHidden();
      await expect(pairing.command).toBeHidden();
      await expect(pairing.flagsShown).toBeHidden();
      await desks.setServices(4, ['B']);
      await expect(desks.row(4)).toContainText('Buka');
      await snap(page, '44-admin-desk-pairing-code');
      await pairing.openDetails();
      await expect(pairing.fingerprint).toHaveText(host.fingerprint);
      await snap(page, '45-admin-desk-pairing-details');
    });

    await test.step('a second browser pairs by typing the code loosely, and signs in at that desk', async () => {
      const second = await browser.newContext({ baseURL: host.url, viewport: { width: 1366, height: 768 } });
      const deskPage = await second.newPage();
      const gate = await new DeskGate(deskPage).type(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
      await snap(deskPage, '46-pair-code-typed');
      const login = await gate.pair(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
      const home = await login.signIn('petugas1', PASSWORD);
      await expect(home.screen).toContainText('Meja Petugas 4 (Loket 4)');
      await second.close();
    });

    await test.step('the code works only once', async () => {
      const third = await browser.newContext({ baseURL: host.url, viewport: { width: 1366, height: 768 } });
      const gate = await new DeskGate(await third.newPage()).pairRefused(code);
      await expect(gate.error).toContainText('kode pemasangan baru');
      await snap(gate.page, '47-pair-code-used');
      await third.close();
    });
    await context.close();
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
});
