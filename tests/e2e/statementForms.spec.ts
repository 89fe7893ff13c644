// The family panel's birth dates typed as dd-mm-yyyy (an impossible date refused beside its field,
// in Indonesian), and "Cetak formulir" on a member's row: the transfer form of the member in arrears
// downloads as a PDF filled from the case. Own host and own BPJS simulator on 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openSignedIn, test } from './fixtures';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { FAMILY_KK, member } from '../helpers/family';
import { startFakeBpjs } from '../../scripts/fake-bpjs.mjs';
import { FamilyPanel } from './pages/MembershipPages';
import { QueueDeskPage } from './pages/QueueDeskPage';

const SITI = member('0001', 'Siti Aminah', 'istri');
const RINA = member('0004', 'Rina Santoso', 'anak');
const DEWI = member('0006', 'Dewi Santoso', 'anak', false, '56');

test('birth dates are typed dd-mm-yyyy and a member\'s statement form prints from the checks', async ({ browser, snap }) => {
  test.setTimeout(120_000);
  const dataDir = tempDir('loket-e2e-forms-');
  const host = await startHostProcess(dataDir);
  const sim = await startFakeBpjs();
  try {
    const office = await setupOffice(host.url);
    await ok(host.url, 'membership.settings.save', { service: 'pcare', pcareUrl: sim.pcareUrl, vclaimUrl: sim.vclaimUrl, ...sim.credentials, timeoutMs: 2_000 }, office.tokens.admin!);
    const ticket = await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1!);
    const { page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.resep1!);
    await page.setViewportSize({ width: 1366, height: 768 });
    const desk = await new QueueDeskPage(page, 'resepsionis').open();
    await desk.callNext();
    await desk.fillCase({ nik: SITI.nik, name: SITI.name, kk: FAMILY_KK, birthDate: '', phone: '081234567890', purpose: 'Cek kepesertaan JKN sekeluarga' });
    await desk.saveCase();
    await expect(desk.caseSaved).toBeVisible();

    const family = await FamilyPanel.shown(page);
    await family.setHead('Budi Santoso', 'Jl. Kebon Kelapa No. 5, RT 002/RW 003, Gambir');
    await family.setMember(0, { nik: SITI.nik, name: SITI.name, relation: 'istri' });
    await family.setMember(1, { nik: RINA.nik, name: RINA.name, relation: 'anak' });
    await family.setMember(2, { nik: DEWI.nik, name: DEWI.name, relation: 'anak' });
    const birth = (i: number) => family.member(i).getByTestId('member-birth');
    const birthError = (i: number) => family.member(i).getByTestId('member-birth-error');

    await test.step('the birth date is one text field: digits get their dashes, no date picker', async () => {
      await expect(birth(2)).toHaveAttribute('type', 'text');
      await expect(birth(2)).toHaveAttribute('placeholder', 'hh-bb-tttt');
      await birth(2).pressSequentially('16011990');
      await expect(birth(2)).toHaveValue('16-01-1990');
    });

    await test.step('an impossible date is refused beside its field, and nothing is saved', async () => {
      await birth(1).pressSequentially('31021990');
      await birth(1).blur();
      await expect(birthError(1)).toHaveText('Tanggal 31-02-1990 tidak ada di kalender.');
      await expect(birth(1)).toHaveAttribute('aria-invalid', 'true');
      await page.getByTestId('family-save').click();
      await expect(birthError(1)).toBeVisible();
      await expect(birth(1)).toBeFocused();
      await expect(family.root).not.toHaveAttribute('data-stored', 'true');
      await family.member(1).scrollIntoViewIfNeeded();
      await snap(page, '94-family-birth-date-error');
      // Typing again clears the message; a wrong shape gets its own.
      await birth(1).fill('');
      await expect(birthError(1)).toHaveCount(0);
      await birth(1).pressSequentially('1-1-19');
      await birth(1).blur();
      await expect(birthError(1)).toHaveText('Tulis tanggal lahir sebagai hh-bb-tttt, misalnya 16-01-1990.');
      await birth(1).fill('');
      await birth(1).pressSequentially('01011990');
      await birth(1).blur();
      await expect(birthError(1)).toHaveCount(0);
    });

    await test.step('saved as a date: the host keeps YYYY-MM-DD, the field shows dd-mm-yyyy again', async () => {
      await family.save();
      // Member 1's date came from her NIK (the case had none); the others as typed.
      const stored = await ok(host.url, 'cases.family.get', { ticketId: ticket.id }, office.tokens.resep1!);
      expect(stored!.members.map((m) => m.birthDate)).toEqual(['1990-01-01', '1990-01-01', '1990-01-16']);
      await page.reload();
      const again = await FamilyPanel.shown(page);
      await expect(again.member(2).getByTestId('member-birth')).toHaveValue('16-01-1990');
      await expect(again.member(1).getByTestId('member-birth')).toHaveValue('01-01-1990');
    });

    await test.step('"Cetak formulir" on the member in arrears gives her transfer form as a PDF', async () => {
      const panel = await FamilyPanel.shown(page);
      await panel.checkAll();
      await expect(panel.row(RINA.nik)).toHaveAttribute('data-action', 'form_transfer');
      await expect(panel.row(DEWI.nik).getByTestId('form-print')).toHaveAttribute('data-form', 'peserta_baru');
      await expect(panel.row(SITI.nik).getByTestId('form-print')).toHaveAttribute('data-form', 'cetak_eid');
      const button = panel.row(RINA.nik).getByTestId('form-print');
      await expect(button).toHaveAttribute('data-form', 'pengalihan');
      await expect(button).toHaveText('Cetak formulir');
      await button.click();
      await expect(page.getByTestId('form-link')).toBeVisible();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('form-link').click()]);
      const dir = join('test-results', 'e2e-statement-forms');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'pengalihan.pdf');
      await download.saveAs(file);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('FORMULIR PENGALIHAN KEPESERTAAN');
      expect(text).toContain(RINA.nik);
      expect(text).toContain('Rina Santoso');
      expect(text).toContain(FAMILY_KK);
      expect(text).toContain('1 Januari 1990');
      expect(text).not.toContain(DEWI.nik);
      await panel.checksPanel.scrollIntoViewIfNeeded();
      await snap(page, '95-family-form-print');
    });
  } finally {
    await sim.close();
    await host.stop();
    removeTempDir(dataDir);
  }
});
