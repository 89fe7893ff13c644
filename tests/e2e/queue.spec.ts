// One visitor through the whole front office (seed 001): first-run setup, staff accounts, desks,
// the satpam kiosk, the resepsionis (case form, SOP steps), the waiting-room board, the petugas
// and the dashboard. Every browser context is its own desk with its own stored tokens.
import { expect, test } from './fixtures';
import { AdminPage } from './pages/AdminPage';
import { DeskGate, SetupPage } from './pages/gates';
import { QueueDeskPage } from './pages/QueueDeskPage';
import { SatpamPage } from './pages/SatpamPage';
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
  const adminPage = new AdminPage(admin.page);
  const tokens: Record<string, string> = {};

  await test.step('first-run setup makes the admin and signs in', async () => {
    const setup = new SetupPage(admin.page);
    await setup.open();
    await snap(admin.page, '01-setup');
    await setup.firstRun({ name: 'Dinas Kesehatan Kabupaten Uji', kabKota: 'Kabupaten Uji', address: 'Jl. Merdeka No. 1' });
    await snap(admin.page, '02-home-admin');
  });

  await test.step('admin creates staff and desks', async () => {
    await adminPage.open();
    await adminPage.tab('users');
    for (const s of STAFF) await adminPage.createUser({ ...s, password: PASSWORD });
    await snap(admin.page, '03-admin-users');
    await adminPage.tab('desks');
    tokens.satpam1 = await adminPage.createDesk('Pos Satpam', 9);
    tokens.resep1 = await adminPage.createDesk('Meja Resepsionis', 2);
    tokens.petugas1 = await adminPage.createDesk('Meja Petugas', 3);
    await snap(admin.page, '04-admin-desks');
    await adminPage.tab('services');
    await expect(admin.page.getByTestId('service-row-A')).toBeVisible();
    await snap(admin.page, '05-admin-services');
  });

  const [satpam, resep, petugas, board] = [await openDesk(), await openDesk(), await openDesk(), await openDesk()];
  await test.step('each desk pairs with its code and signs in', async () => {
    for (const [desk, username] of [[satpam, 'satpam1'], [resep, 'resep1'], [petugas, 'petugas1']] as const) {
      const gate = new DeskGate(desk.page);
      await gate.pair(tokens[username]!);
      if (username === 'satpam1') {
        await gate.loginRefused(username, 'bukan-sandinya');
        await snap(desk.page, '06-login-refused');
      }
      await gate.login(username, PASSWORD);
    }
  });

  const display = new DisplayPage(board.page);
  await display.open();

  const resepDesk = new QueueDeskPage(resep.page, 'resepsionis');
  await resepDesk.open();

  let label = '';
  await test.step('satpam issues a ticket for service A', async () => {
    const kiosk = new SatpamPage(satpam.page);
    await kiosk.open();
    await snap(satpam.page, '07-satpam');
    label = await kiosk.issue('A');
    expect(label).toBe('A-001');
    await expect(satpam.page.getByTestId('ticket-service')).toHaveText('Kepesertaan JKN/UHC');
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
    await expect(resep.page.getByTestId('case-error')).toBeVisible();
    await expect(resep.page.getByRole('alert').filter({ hasText: 'Periksa' })).toBeVisible();
    await expect(resep.page.getByTestId('case-nik-error')).toContainText('16 digit');
    await expect(resep.page.getByTestId('case-name')).toHaveValue(VISITOR.name);
    await expect(resep.page.getByTestId('case-purpose')).toHaveValue(VISITOR.purpose);
    await snap(resep.page, '11-case-error');

    await resep.page.getByTestId('case-nik').fill(VISITOR.nik);
    await resep.page.getByTestId('case-birth-date').fill('1990-01-16');
    await resepDesk.saveCase();
    await expect(resep.page.getByTestId('case-saved')).toBeVisible();
    await expect(resep.page.getByTestId('case-warning-birth_date_mismatch')).toBeVisible();
    await expect(resep.page.getByTestId('case-error')).toHaveCount(0);
  });

  await test.step('resepsionis runs its SOP steps against the clock', async () => {
    await resepDesk.startStep();
    await expect(resep.page.getByTestId('current-step-name')).toHaveText('Salam 5S dan menanyakan maksud');
    await expect(resep.page.getByTestId('step-clock')).toHaveAttribute('data-overdue', 'false');
    await snap(resep.page, '12-resepsionis-serving');
    expect(await resepDesk.finishStageSteps()).toBe(5);
  });

  const petugasDesk = new QueueDeskPage(petugas.page, 'petugas');
  await test.step('petugas calls the visitor, serves and finishes', async () => {
    await petugasDesk.open();
    await petugasDesk.expectWaiting(label);
    expect(await petugasDesk.callNext()).toBe(label);
    await display.expectCalled(label, 3);
    await expect(petugas.page.getByTestId('case-nik')).toHaveValue(VISITOR.nik);
    await petugasDesk.startStep();
    await expect(petugas.page.getByTestId('current-step-name')).toHaveText('Penyelesaian masalah kepesertaan');
    await snap(petugas.page, '13-petugas-serving');
    expect(await petugasDesk.finishStageSteps()).toBe(1);
  });

  await test.step('the dashboard counts the visitor as done', async () => {
    const dashboard = new DashboardPage(admin.page);
    await dashboard.open();
    await dashboard.expectTotals(1, 1);
    await expect(dashboard.row('A', 1)).toBeVisible();
    await expect(dashboard.row('A', 7).getByTestId('stat-count')).toHaveText('1');
    await snap(admin.page, '14-dashboard');
  });

  expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});
