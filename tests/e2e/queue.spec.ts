// One visitor through the whole front office (seed 001): first-run setup, staff accounts, desks,
// the satpam kiosk, the resepsionis (case form, SOP steps), the waiting-room board, the petugas
// and the dashboard. Every browser context is its own desk with its own stored tokens.
import { expect, test } from './fixtures';
import type { AdminPage } from './pages/AdminPage';
import { DeskGate, SetupPage } from './pages/gates';
import type { HomePage } from './pages/HomePage';
import type { SatpamPage } from './pages/SatpamPage';
import { DashboardPage, DisplayPage } from './pages/ScreensPages';

const PASSWORD = 'sandi-staf-123';
const STAFF = [
  { username: 'satpam1', fullName: 'Budi Satpam', role: 'satpam' },
  { username: 'resep1', fullName: 'Rina Resepsionis', role: 'resepsionis' },
  { username: 'petugas1', fullName: 'Dewi Petugas', role: 'petugas' },
] as const;

// NIK: Jawa Barat 32-01-01, born 15-01-1990 (male), serial 0003. KK issued 20-01-2015.
const VISITOR = {
  nik: '3201011501900003',
  name: 'Ahmad Sulaiman',
  kk: '3201012001150001',
  phone: '081234567890',
  purpose: 'Kartu KIS belum diterima, cek kepesertaan PBI',
};

test('a visitor goes from the satpam kiosk through resepsionis and petugas to the dashboard', async ({ host, openDesk, snap }) => {
  const admin = await openDesk();
  let adminPage: AdminPage;
  const tokens: Record<string, string> = {};

  await test.step('first-run setup makes the admin and signs in', async () => {
    const setup = await new SetupPage(admin.page).open();
    await snap(admin.page, '01-setup');
    const home = await setup.firstRun({ name: 'Dinas Kesehatan Kabupaten Uji', kabKota: 'Kabupaten Uji', address: 'Jl. Merdeka No. 1' });
    await snap(admin.page, '02-home-admin');
    adminPage = await home.goToAdmin();
  });

  await test.step('admin creates staff and desks', async () => {
    const users = await adminPage.tab('users');
    for (const s of STAFF) await users.createUser({ ...s, password: PASSWORD });
    await snap(admin.page, '03-admin-users');
    const desks = await adminPage.tab('desks');
    tokens.satpam1 = await desks.createDesk('Pos Satpam', 9);
    tokens.resep1 = await desks.createDesk('Meja Resepsionis', 2);
    tokens.petugas1 = await desks.createDesk('Meja Petugas', 3);
    await snap(admin.page, '04-admin-desks');
    const services = await adminPage.tab('services');
    await expect(services.row('A')).toBeVisible();
    await snap(admin.page, '05-admin-services');
  });

  const [satpam, resep, petugas, board] = [await openDesk(), await openDesk(), await openDesk(), await openDesk()];
  const homes: Record<string, HomePage> = {};
  const kiosks: Record<string, SatpamPage> = {};
  await test.step('each desk pairs with its code and signs in', async () => {
    for (const [desk, username] of [[satpam, 'satpam1'], [resep, 'resep1'], [petugas, 'petugas1']] as const) {
      const login = await new DeskGate(desk.page).pair(tokens[username]!);
      if (username === 'satpam1') {
        await login.signInRefused(username, 'bukan-sandinya');
        await snap(desk.page, '06-login-refused');
        // A satpam-only account goes straight to the ticket screen (issue 8's kiosk).
        kiosks[username] = await login.signInToKiosk(username, PASSWORD);
      } else homes[username] = await login.signIn(username, PASSWORD);
    }
  });

  const display = await new DisplayPage(board.page).open();
  const resepDesk = await homes.resep1!.goToDesk('resepsionis');

  let label = '';
  await test.step('satpam issues a ticket for service A', async () => {
    await snap(satpam.page, '07-satpam');
    label = await kiosks.satpam1!.issue('A');
    expect(label).toBe('A-001');
    await expect(kiosks.satpam1!.ticketService).toHaveText('Kepesertaan JKN/UHC');
    await snap(satpam.page, '08-satpam-ticket');
  });

  await test.step('the resepsionis board shows it without reloading, then calls it', async () => {
    await resepDesk.expectWaiting(label);
    await snap(resep.page, '09-resepsionis-waiting');
    expect(await resepDesk.callNext()).toBe(label);
  });

  await test.step('the waiting-room board shows the call for counter 2', async () => {
    await display.expectCalled(label, 2);
    await snap(board.page, '10-display');
  });

  await test.step('case form: errors keep the input, then it saves with a warning', async () => {
    await resepDesk.fillCase({ ...VISITOR, nik: '320101150190000' });
    await resepDesk.saveCase();
    await expect(resepDesk.caseError).toBeVisible();
    await expect(resepDesk.alert('Periksa')).toBeVisible();
    await expect(resepDesk.fieldError('nik')).toContainText('16 digit');
    await expect(resepDesk.field('name')).toHaveValue(VISITOR.name);
    await expect(resepDesk.field('purpose')).toHaveValue(VISITOR.purpose);
    await snap(resep.page, '11-case-error');

    await resepDesk.fillField('nik', VISITOR.nik);
    await resepDesk.fillField('birthDate', '16-01-1990');
    await resepDesk.saveCase();
    await expect(resepDesk.caseSaved).toBeVisible();
    await expect(resepDesk.caseWarning('birth_date_mismatch')).toBeVisible();
    await expect(resepDesk.caseError).toHaveCount(0);
  });

  await test.step('resepsionis runs its SOP steps against the clock', async () => {
    await resepDesk.startStep();
    await expect(resepDesk.currentStepName).toHaveText('Salam 5S dan menanyakan maksud');
    await expect(resepDesk.stepClock).toHaveAttribute('data-overdue', 'false');
    await snap(resep.page, '12-resepsionis-serving');
    expect(await resepDesk.finishStageSteps()).toBe(5);
  });

  await test.step('petugas calls the visitor, serves and finishes', async () => {
    const petugasDesk = await homes.petugas1!.goToDesk('petugas');
    await petugasDesk.expectWaiting(label);
    expect(await petugasDesk.callNext()).toBe(label);
    await display.expectCalled(label, 3);
    await expect(petugasDesk.field('nik')).toHaveValue(VISITOR.nik);
    await petugasDesk.startStep();
    await expect(petugasDesk.currentStepName).toHaveText('Penyelesaian masalah kepesertaan');
    await snap(petugas.page, '13-petugas-serving');
    await petugasDesk.recordOutcome('selesai', 'Kepesertaan PBI aktif kembali');
    expect(await petugasDesk.finishStageSteps()).toBe(1);
  });

  await test.step('the dashboard counts the visitor as done', async () => {
    const dashboard = await new DashboardPage(admin.page).open();
    await dashboard.expectTotals(1, 1);
    await expect(dashboard.row('A', 1)).toBeVisible();
    await expect(dashboard.rowCount('A', 7)).toHaveText('1');
    await snap(admin.page, '14-dashboard');
  });

  expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});
