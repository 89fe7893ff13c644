// Unsaved case-form input survives a page reload and an expired session (the draft is kept in the
// tab's sessionStorage per ticket); a save clears the draft, so a later reload shows the host's
// record. Uses its own host.
import { expect, openSignedIn, test } from './fixtures';
import { KK_VALID, NIK_FEMALE, PASSWORD } from '../helpers/factories';
import { ok, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { DeskGate } from './pages/gates';
import { QueueDeskPage, type CaseData } from './pages/QueueDeskPage';

const VISITOR: CaseData = {
  nik: NIK_FEMALE,
  name: 'Nur Halimah',
  kk: KK_VALID,
  birthDate: '1990-01-15',
  phone: '081377788899',
  purpose: 'Pindah faskes tingkat pertama',
};
const FIELDS = { nik: 'case-nik', name: 'case-name', kk: 'case-kk', birthDate: 'case-birth-date', phone: 'case-phone', purpose: 'case-purpose' } as const;

test('case form input survives a reload and an expired session; a save clears the draft', async ({ browser, snap }) => {
  const host = await startHostProcess(tempDir('loket-e2e-draft-'));
  try {
    const office = await setupOffice(host.url);
    await ok(host.url, 'queue.issue', { serviceCode: 'B', priority: null }, office.tokens.satpam1!);
    const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.resep1!);
    const desk = new QueueDeskPage(page, 'resepsionis');
    const expectForm = async (data: CaseData) => {
      await expect(page.getByTestId('case-form')).toHaveAttribute('data-state', 'ready');
      for (const [key, testId] of Object.entries(FIELDS)) await expect(page.getByTestId(testId)).toHaveValue(data[key as keyof CaseData] ?? '');
    };
    const draftKeys = () => page.evaluate<string[]>("Object.keys(sessionStorage).filter((k) => k.startsWith('loket.caseDraft.'))");

    await desk.open();
    expect(await desk.callNext()).toBe('B-001');

    await test.step('typed input is back after a reload, marked as not yet saved', async () => {
      await desk.fillCase(VISITOR);
      await expect(page.getByTestId('case-draft-restored')).toHaveCount(0);
      await page.reload();
      await expect(page.getByTestId('page-resepsionis')).toHaveAttribute('data-state', 'ready');
      await expect(desk.currentLabel).toHaveText('B-001');
      await expectForm(VISITOR);
      await expect(page.getByTestId('case-draft-restored')).toBeVisible();
      await snap(page, '60-case-draft-restored');
    });

    await test.step('after saving, a reload shows the saved record and no stale draft', async () => {
      await desk.saveCase();
      await expect(page.getByTestId('case-saved')).toBeVisible();
      await expect(page.getByTestId('case-draft-restored')).toHaveCount(0);
      expect(await draftKeys()).toEqual([]);
      await page.reload();
      await expect(page.getByTestId('page-resepsionis')).toHaveAttribute('data-state', 'ready');
      await expectForm(VISITOR);
      await expect(page.getByTestId('case-draft-restored')).toHaveCount(0);
      expect(await draftKeys()).toEqual([]);
    });

    await test.step('the session ends while typing: after signing in again the edit is still there', async () => {
      const edited = { ...VISITOR, phone: '085211122233', purpose: 'Pindah faskes ke Puskesmas Sekayu' };
      await page.getByTestId('case-phone').fill(edited.phone);
      await page.getByTestId('case-purpose').fill(edited.purpose);
      // The host ends the session (as when it expires); the next call is refused.
      await ok(host.url, 'auth.logout', {}, office.tokens.resep1!);
      await desk.saveCase();
      await expect(page.getByTestId('page-login')).toHaveAttribute('data-state', 'ready');
      // No reload from here on: the test's init script would put the ended session back.
      await new DeskGate(page).login('resep1', PASSWORD);
      await page.getByTestId('menu-resepsionis').click();
      await expect(page.getByTestId('page-resepsionis')).toHaveAttribute('data-state', 'ready');
      await expect(desk.currentLabel).toHaveText('B-001');
      await expectForm(edited);
      await expect(page.getByTestId('case-draft-restored')).toBeVisible();

      await desk.saveCase();
      await expect(page.getByTestId('case-saved')).toBeVisible();
      expect(await draftKeys()).toEqual([]);
      // The host holds the edit, read with the new session the page signed in with.
      const ticketId = (await page.getByTestId('current-ticket').getAttribute('data-ticket-id'))!;
      const token = (await page.evaluate<string | null>("localStorage.getItem('loket.session')"))!;
      const record = await ok(host.url, 'cases.get', { ticketId }, token);
      expect(record?.phone).toBe(edited.phone);
      expect(record?.purpose).toBe(edited.purpose);
    });
    await context.close();
  } finally {
    await host.stop();
  }
});
