// The resepsionis checks a 5-member KK against the BPJS simulator: each member lands in a different
// outcome, one is confirmed, one overridden with a reason, and the result sheet is downloaded and
// read back. Own host and own simulator on 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openSignedIn, SCREENS_DIR, test } from './fixtures';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { FAMILY_KK, FIVE_OUTCOMES } from '../helpers/family';
import { startFakeBpjs } from '../../scripts/fake-bpjs.mjs';
import { AdminPage } from './pages/AdminPage';
import { BpjsTab, FamilyPanel } from './pages/MembershipPages';
import { QueueDeskPage } from './pages/QueueDeskPage';

test('the resepsionis checks a whole KK, decides each next action and prints the result sheet', async ({ browser, snap }) => {
  test.setTimeout(120_000);
  const dataDir = tempDir('loket-e2e-membership-');
  const host = await startHostProcess(dataDir);
  const sim = await startFakeBpjs();
  try {
    const office = await setupOffice(host.url);

    await test.step('the admin enters the BPJS settings; secrets come back only as "tersimpan"', async () => {
      const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
      await page.setViewportSize({ width: 1366, height: 768 });
      await new AdminPage(page).open();
      const tab = await BpjsTab.open(page);
      await tab.save({ pcareUrl: sim.pcareUrl, ...sim.credentials });
      await expect(tab.secretField('secret')).toHaveValue('');
      await expect(tab.secretField('secret')).toHaveAttribute('placeholder', 'tersimpan');
      await tab.testConnection();
      await expect(tab.testResult).toContainText('Terhubung ke P-Care');
      await snap(page, '90-admin-bpjs');
      await context.close();
    });

    await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1!);
    const { page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.resep1!);
    await page.setViewportSize({ width: 1366, height: 768 });
    const desk = await new QueueDeskPage(page, 'resepsionis').open();
    await desk.callNext();
    const first = FIVE_OUTCOMES[0]!;
    await desk.fillCase({ nik: first.nik, name: first.name, kk: FAMILY_KK, birthDate: '', phone: '081234567890', purpose: 'Cek kepesertaan JKN sekeluarga' });
    await desk.saveCase();
    await expect(desk.caseSaved).toBeVisible();

    const family = await FamilyPanel.shown(page);
    await test.step('the visitor is member #1; the KK names its area', async () => {
      await expect(family.members).toHaveCount(1);
      await expect(family.member(0).getByTestId('member-nik')).toHaveValue(first.nik);
      await expect(family.kkArea).toContainText('Gambir');
    });

    await test.step('a family of 5 is typed and saved', async () => {
      await family.setHead('Budi Santoso', 'Jl. Kebon Kelapa No. 5, RT 002/RW 003, Gambir');
      for (const [i, m] of FIVE_OUTCOMES.entries()) await family.setMember(i, m);
      await expect(family.member(2).getByTestId('member-area')).toContainText('Gambir');
      await family.save();
    });

    await test.step('all five checked at once, each with its own next action', async () => {
      await family.checkAll();
      await expect(family.rows).toHaveCount(5);
      const expected: [string, string][] = [
        ['active', 'request_eid'], ['active', 'continue'], ['inactive', 'form_transfer'], ['not_found', 'form_new_participant'], ['not_found', 'disdukcapil'],
      ];
      for (const [i, [status, action]] of expected.entries()) {
        await expect(family.rows.nth(i)).toHaveAttribute('data-status', status);
        await expect(family.rows.nth(i)).toHaveAttribute('data-action', action);
      }
      await expect(family.rows.nth(2).getByTestId('check-action')).toHaveText(/Form Pengalihan/);
    });

    await test.step('one confirmed, one overridden with a reason', async () => {
      await family.confirm(FIVE_OUTCOMES[0]!.nik);
      await family.override(FIVE_OUTCOMES[3]!.nik, 'officer_decides', 'Bayi baru lahir, menunggu KK baru');
      await family.checksPanel.scrollIntoViewIfNeeded();
      await snap(page, '91-family-checks');
    });

    await test.step('the result sheet downloads as a PDF with every member and action', async () => {
      const download = await family.downloadSheet();
      const dir = join('test-results', 'e2e-membership');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'hasil-kepesertaan.pdf');
      await download.saveAs(file);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('HASIL PENGECEKAN KEPESERTAAN JKN');
      expect(text).toContain(FAMILY_KK);
      for (const m of FIVE_OUTCOMES) expect(text).toContain(m.nik);
      for (const words of ['E-ID', 'Form Pengalihan', 'Form Peserta Baru', 'Disdukcapil', 'Bayi baru lahir'])
        expect(text.replace(/\s+/g, ' ')).toContain(words);
      mkdirSync(SCREENS_DIR, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join(SCREENS_DIR, '92-membership-sheet')]);
    });
  } finally {
    await sim.close();
    await host.stop();
    removeTempDir(dataDir);
  }
});
