// The whole letter from complete file to hand-over, signed "a.n." by the secretary while the head
// of office is away, printed through a private cupsd; the rendered letter (pdftoppm) and the
// screens at 1366×768 saved in test-results/screens/; then the register filtered and exported.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, openSignedIn, test } from './fixtures';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { startPrivateCups } from '../helpers/cups';
import { letterOffice } from '../helpers/letters';
import { LettersAdminPanel, LettersDesk, RegisterPage, SignQueuePage } from './pages/LettersPages';

const SCREENS = 'test-results/screens';

test('a referral letter from complete file to hand-over, signed a.n. by a delegate; the register filtered and exported', async ({ browser }) => {
  mkdirSync(SCREENS, { recursive: true });
  const cups = await startPrivateCups('loketsuratE2E');
  const dataDir = tempDir('loket-e2e-letters-');
  const host = await startHostProcess(dataDir, 0, { env: { CUPS_SERVER: cups.server } });
  try {
    const call = <N extends Parameters<typeof ok>[1]>(name: N, input: Parameters<typeof ok<N>>[2], token?: string) => ok(host.url, name, input, token);
    const { tokens, deskToken } = await setupOffice(host.url);
    const o = await letterOffice(call, tokens.admin!, deskToken);
    await call('delegations.create', { kind: 'an', principalId: o.headOfficial.id, delegateId: o.secOfficial.id, viaId: null, validFrom: '2026-01-01', validTo: null, note: 'Kepala dinas cuti' }, tokens.admin!);

    // Admin sets the letterhead's place and contact line.
    const adm = await openSignedIn(browser, host.url, deskToken, tokens.admin!);
    await adm.page.setViewportSize({ width: 1366, height: 768 });
    await (await new LettersAdminPanel(adm.page).open()).saveKop({ place: 'Sekayu', officePhone: '(0714) 321456', email: 'dinkes@mubakab.go.id' });
    await adm.page.screenshot({ path: join(SCREENS, 'letters-admin-1366.png') });

    const tim = await openSignedIn(browser, host.url, deskToken, o.tim.token);
    await tim.page.setViewportSize({ width: 1366, height: 768 });
    const desk = await new LettersDesk(tim.page).open();
    await desk.choosePrinter(cups.queue);
    const letter = await desk.receive({ hospital: 'RSUD Palembang BARI', name: 'Siti Aminah', nik: '1671014506800002', address: 'Jl. Kenanga No. 5, Palembang', diagnosis: 'Gagal ginjal kronik stadium 5' });
    await desk.pick('Siti Aminah');
    await letter.checkDocs(5);
    await letter.saveDraft('Yth. Kepala Dinas Kesehatan Provinsi Sumatera Selatan');
    await tim.page.screenshot({ path: join(SCREENS, 'letters-desk-draft-1366.png') });

    const lead = await openSignedIn(browser, host.url, deskToken, o.lead.token);
    const leadDesk = await new LettersDesk(lead.page).open();
    const approved = await (await leadDesk.pick('Siti Aminah')).approve();
    await expect(approved.number()).toHaveText(/^400\.7\.3\.1\/1\/Dinkes\/\d{4}$/);
    const number = (await approved.number().textContent())!;

    const sec = await openSignedIn(browser, host.url, deskToken, o.sekretaris.token);
    await sec.page.setViewportSize({ width: 1366, height: 768 });
    const queue = await new SignQueuePage(sec.page).open();
    await expect(queue.signAs(number)).toContainText('a.n. KEPALA DINAS KESEHATAN KABUPATEN MUSI BANYUASIN / SEKRETARIS');
    await sec.page.screenshot({ path: join(SCREENS, 'letters-sign-queue-1366.png') });
    await queue.sign(number);

    await desk.open();
    const mine = await desk.pick('Siti Aminah');
    await expect(mine.signature()).toContainText('a.n. KEPALA DINAS KESEHATAN');
    await mine.print();
    await mine.collect();
    await mine.handOver('Ahmad (suami)', 'Suami', 'KTP 1671010101750003');
    await expect(mine.status()).toHaveText('Diserahkan');
    await tim.page.screenshot({ path: join(SCREENS, 'letters-desk-handed-1366.png') });

    // The archived letter as the patient holds it: rendered with pdftoppm.
    const id = (await call('register.page', { filter: { text: 'Siti Aminah' } }, o.tim.token)).rows[0]!.id;
    const pdf = await call('letters.pdf', { id }, o.tim.token);
    const file = join(dataDir, 'surat.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    execFileSync('pdftoppm', ['-png', '-r', '90', '-singlefile', file, join(SCREENS, 'letter-an-e2e')]);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain(number);
    expect(text).toContain('SRI WAHYUNI, S.K.M., M.Kes');
    expect(text).toMatch(/Sekayu, \d+ \w+ \d{4}/);
    expect(text).toContain('Telepon (0714) 321456');

    // The register, filtered and exported.
    const reg = await new RegisterPage(tim.page).open();
    await reg.search('Siti Aminah');
    await expect(reg.rows()).toHaveCount(1);
    await expect(reg.rows().first()).toContainText(number);
    await expect(reg.rows().first()).toContainText('1671********0002');
    await reg.filterStatus('Diserahkan');
    await expect(reg.rows()).toHaveCount(1);
    await tim.page.screenshot({ path: join(SCREENS, 'register-filtered-1366.png') });
    const saidPath = /tersimpan di komputer utama: (.+\.xlsx)/.exec(await reg.exportExcel())![1]!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saidPath);
    expect(wb.worksheets[0]!.actualRowCount).toBe(2);
    expect(wb.worksheets[0]!.getRow(2).getCell(2).value).toBe(number);
    await tim.page.screenshot({ path: join(SCREENS, 'register-exported-1366.png') });
  } finally {
    await host.stop();
    await cups.stop();
    removeTempDir(dataDir);
  }
});
