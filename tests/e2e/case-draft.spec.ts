// Unsaved case-form input survives a page reload and an expired session (the draft is kept in the
// tab's sessionStorage per ticket); a save clears the draft, so a later reload shows the host's
// record. Uses its own host.
import { expect, openSignedIn, test } from './fixtures';
import { KK_VALID, NIK_FEMALE, PASSWORD } from '../helpers/factories';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { QueueDeskPage, type CaseData } from './pages/QueueDeskPage';

const VISITOR: CaseData = {
  nik: NIK_FEMALE,
  name: 'Nur Halimah',
  kk: KK_VALID,
  birthDate: '15-01-1990',
  phone: '081377788899',
  purpose: 'Pindah faskes tingkat pertama',
};
const FIELDS: (keyof CaseData)[] = ['nik', 'name', 'kk', 'birthDate', 'phone', 'purpose'];

test('case form input survives a reload and an expired session; a save clears the draft', async ({ browser, snap }) => {
  const dataDir = tempDir('loket-e2e-draft-');
  const host = await startHostProcess(dataDir);
  try {
    const office = await setupOffice(host.url);
    await ok(host.url, 'queue.issue', { serviceCode: 'B', priority: null }, office.tokens.satpam1!);
    const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.resep1!);
    const desk = await new QueueDeskPage(page, 'resepsionis').open();
    const expectForm = async (on: QueueDeskPage, data: CaseData) => {
      await on.expectFormReady();
      for (const key of FIELDS) await expect(on.field(key)).toHaveValue(data[key] ?? '');
    };

    expect(await desk.callNext()).toBe('B-001');

    await test.step('typed input is back after a reload, marked as not yet saved', async () => {
      await desk.fillCase(VISITOR);
      await expect(desk.draftRestored).toHaveCount(0);
      await desk.reload();
      await expect(desk.currentLabel).toHaveText('B-001');
      await expectForm(desk, VISITOR);
      await expect(desk.draftRestored).toBeVisible();
      await snap(page, '60-case-draft-restored');
    });

    await test.step('after saving, a reload shows the saved record and no stale draft', async () => {
      await desk.saveCase();
      await expect(desk.caseSaved).toBeVisible();
      await expect(desk.draftRestored).toHaveCount(0);
      expect(await desk.draftKeys()).toEqual([]);
      await desk.reload();
      await expectForm(desk, VISITOR);
      await expect(desk.draftRestored).toHaveCount(0);
      expect(await desk.draftKeys()).toEqual([]);
    });

    await test.step('the session ends while typing: after signing in again the edit is still there', async () => {
      const edited = { ...VISITOR, phone: '085211122233', purpose: 'Pindah faskes ke Puskesmas Sekayu' };
      await desk.fillField('phone', edited.phone);
      await desk.fillField('purpose', edited.purpose);
      // The host ends the session (as when it expires); the next call is refused.
      await ok(host.url, 'auth.logout', {}, office.tokens.resep1!);
      const login = await desk.saveCaseSignedOut();
      // No reload from here on: the test's init script would put the ended session back.
      const home = await login.signIn('resep1', PASSWORD);
      const again = await home.goToDesk('resepsionis');
      await expect(again.currentLabel).toHaveText('B-001');
      await expectForm(again, edited);
      await expect(again.draftRestored).toBeVisible();

      await again.saveCase();
      await expect(again.caseSaved).toBeVisible();
      expect(await again.draftKeys()).toEqual([]);
      // The host holds the edit, read with the new session the page signed in with.
      const ticketId = await again.currentTicketId();
      const token = await again.sessionToken();
      const record = await ok(host.url, 'cases.get', { ticketId }, token);
      expect(record?.phone).toBe(edited.phone);
      expect(record?.purpose).toBe(edited.purpose);
    });
    await context.close();
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
});
