// The central server's pages against a real server process with its own embedded Postgres, seeded
// through the sync API as two offices' hosts would: the public verification page reached by a
// letter's QR code (only number, date, hospital, initials, signer, valid or batal; a dropped PDF
// compared by its SHA-256) and the register across offices (login, filters, an office account
// seeing its own office only).
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { expect, test } from './fixtures';
import { ADMIN_PASSWORD, startCentralProcess, type CentralProcess } from '../helpers/central';
import { CentralLoginPage, CentralRecapPage, CentralRegisterPage, VerifyPage } from './pages/CentralPages';

const SHOTS = join('test-results', 'screens');
const PDF = Buffer.from('%PDF-1.4\n% Surat rekomendasi 440/0012/PKM-KNT/2026\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

interface Letter { id: string; number: string | null; status: string; patient_name: string; nik: string; hospital_name: string; day: string; signer_name?: string; verify_token: string; pdf_sha256?: string }

/** Enrols a device for the office and pushes its letters through /sync/push, as a host does. */
async function pushLetters(central: CentralProcess, officeId: string, letters: Letter[]): Promise<void> {
  const deviceId = uuidv7();
  const enrol = await fetch(`${central.url}/sync/enrol`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: await central.enrolCode(officeId), deviceId, deviceName: 'host uji' }),
  });
  const { token } = (await enrol.json()) as { token: string };
  const at = new Date(Date.now() - 60_000).toISOString();
  const ops = letters.map((l, i) => ({
    opId: uuidv7(), deviceOpSeq: i + 1, table: 'letters', recordId: l.id, kind: 'insert',
    payload: { ...l, status_rank: 0, officer_name: 'Rina Petugas', created_at: at, updated_at: at }, createdAt: at, updatedAt: at,
  }));
  const res = await fetch(`${central.url}/sync/push`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ deviceId, ops, backlog: 0 }),
  });
  const ack = (await res.json()) as { applied: string[] };
  expect(ack.applied).toHaveLength(letters.length);
}

test.describe('Server pusat', () => {
  let central: CentralProcess;
  const kenten = { id: uuidv7(), number: '440/0012/PKM-KNT/2026', status: 'diserahkan', patient_name: 'Siti Aminah binti Ahmad', nik: '1671014506800003', hospital_name: 'RSUD Siti Fatimah', day: '2026-11-20', signer_name: 'dr. Hendra Wijaya', verify_token: 'vt-kenten-0012-aaaaaaaaaaaa', pdf_sha256: PDF_SHA };
  const cancelled = { id: uuidv7(), number: '440/0013/PKM-KNT/2026', status: 'batal', patient_name: 'Budi Santoso', nik: '1671010101900007', hospital_name: 'RS Mohammad Hoesin', day: '2026-11-21', signer_name: 'dr. Hendra Wijaya', verify_token: 'vt-kenten-0013-bbbbbbbbbbbb' };
  const plaju = { id: uuidv7(), number: '445/0101/PKM-PLJ/2026', status: 'ditandatangani', patient_name: 'Ahmad Fauzi', nik: '1671022002850001', hospital_name: 'RSUD Siti Fatimah', day: '2026-11-22', signer_name: 'dr. Maya Sari', verify_token: 'vt-plaju-0101-cccccccccccc' };
  let kentenId = '';
  let plajuId = '';

  test.beforeAll(async () => {
    central = await startCentralProcess();
    kentenId = await central.createOffice('Puskesmas Kenten');
    plajuId = await central.createOffice('Puskesmas Plaju');
    await pushLetters(central, kentenId, [kenten, cancelled]);
    await pushLetters(central, plajuId, [plaju]);
    await central.createUser('kenten', 'sandi-kantor-kenten', 'kantor', kentenId);
    mkdirSync(SHOTS, { recursive: true });
  });
  test.afterAll(async () => {
    await central?.stop();
  });

  test('verification page: the proof and nothing more; a dropped PDF compared by hash', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const verify = await VerifyPage.open(page, central.url, kenten.verify_token);
    await expect(verify.result).toHaveAttribute('data-state', 'valid');
    await expect(verify.result).toContainText('SAH');
    await expect(verify.field('Nomor')).toHaveText(kenten.number);
    await expect(verify.field('Tanggal')).toHaveText('20 November 2026');
    await expect(verify.field('Rumah sakit')).toHaveText('RSUD Siti Fatimah');
    await expect(verify.field('Pasien')).toHaveText('S. A. B. A.');
    await expect(verify.field('Penandatangan')).toHaveText('dr. Hendra Wijaya');
    // Nothing personal beyond the initials: no name, no NIK.
    await expect(verify.whole).not.toContainText('Aminah');
    await expect(verify.whole).not.toContainText(kenten.nik);
    await verify.dropPdf(PDF);
    await verify.expectHash('match');
    await page.screenshot({ path: join(SHOTS, 'central-verify-valid-1366x768.png') });
    const altered = Buffer.from(PDF.toString().replace('0012', '0021'));
    await verify.dropPdf(altered);
    await verify.expectHash('mismatch');
    await expect(verify.hashResult).toContainText('BERBEDA');
    await page.screenshot({ path: join(SHOTS, 'central-verify-altered-1366x768.png') });

    const batal = await VerifyPage.open(page, central.url, cancelled.verify_token);
    await expect(batal.result).toHaveAttribute('data-state', 'batal');
    await expect(batal.result).toContainText('BATAL');
    await expect(batal.field('Pasien')).toHaveText('B. S.');
    await page.screenshot({ path: join(SHOTS, 'central-verify-batal-1366x768.png') });

    const unknown = await VerifyPage.open(page, central.url, 'vt-tidak-ada-000000000000');
    await expect(unknown.result).toHaveAttribute('data-state', 'unknown');
    await expect(unknown.result).toContainText('tidak ditemukan');
  });

  test('register across offices: login, filters; an office account sees its own office only', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const login = await CentralLoginPage.open(page, central.url);
    await login.signInAs('admin', 'salah-sandi');
    await expect(login.error).toHaveText('Nama pengguna atau kata sandi salah.');
    const register = await (await CentralLoginPage.open(page, central.url)).signIn('admin', ADMIN_PASSWORD);
    await expect(register.rows).toHaveCount(3);
    // Lists show the NIK masked.
    await expect(register.row(kenten.number)).toContainText('1671********0003');
    await expect(register.row(kenten.number)).not.toContainText(kenten.nik);
    await expect(register.row(cancelled.number)).toContainText('Batal');
    await page.screenshot({ path: join(SHOTS, 'central-register-all-1366x768.png') });

    await register.filter({ office: 'Puskesmas Kenten' });
    await expect(register.rows).toHaveCount(2);
    await register.filter({ hospital: 'Siti Fatimah' });
    await expect(register.rows).toHaveCount(1);
    await expect(register.row(kenten.number)).toBeVisible();
    await expect(register.excelLink).toHaveAttribute('href', /hospital=Siti\+Fatimah/);
    await page.screenshot({ path: join(SHOTS, 'central-register-filtered-1366x768.png') });
    await register.filter({ office: 'Semua kantor', hospital: '', status: 'batal' });
    await expect(register.rows).toHaveCount(1);
    await expect(register.row(cancelled.number)).toBeVisible();
    await register.filter({ status: '', from: '2026-11-21', to: '2026-11-22' });
    await expect(register.rows).toHaveCount(2);

    // The monthly recap across offices counts the same letters: submissions, handed over, cancelled.
    const recap = await CentralRecapPage.open(page, central.url, '2026-11');
    await expect(recap.rows).toHaveCount(2);
    expect(await recap.cells('Puskesmas Kenten')).toEqual(['Puskesmas Kenten', '2', '1', '1']);
    expect(await recap.cells('Puskesmas Plaju')).toEqual(['Puskesmas Plaju', '1', '0', '0']);
    await page.screenshot({ path: join(SHOTS, 'central-recap-1366x768.png') });

    await page.context().clearCookies();
    const own = await (await CentralLoginPage.open(page, central.url)).signIn('kenten', 'sandi-kantor-kenten');
    await expect(own.rows).toHaveCount(2);
    await expect(own.officeFilter).toHaveCount(0);
    await expect(own.row(plaju.number)).toHaveCount(0);
    // Asking for another office in the address does not widen what an office account sees.
    const other = await CentralRegisterPage.open(page, central.url, `?office=${plajuId}`);
    await expect(other.rows).toHaveCount(2);
    await page.screenshot({ path: join(SHOTS, 'central-register-office-1366x768.png') });
  });
});
