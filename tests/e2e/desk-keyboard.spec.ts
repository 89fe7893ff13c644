// A morning at the desks on a 1366x768 office monitor (issue 8). One resepsionis works by keyboard
// only: calls (F2), starts and finishes steps (F4), types the case and saves it (Ctrl+S), hands
// visitors on by finishing the last step and by a transfer through the "save first" guard; a
// petugas records the outcome. Checks the screen itself: the bar with the clock stays in view
// while the NIK is typed, the case form sits beside the steps with the primary actions above the
// fold, the waiting list is the real calling order with the next one marked, and every form error
// shows in one pass. Screenshots: test-results/screens/desk-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openSignedIn, test } from './fixtures';
import { KK_VALID, NIK_MALE } from '../helpers/factories';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { QueueDeskPage } from './pages/QueueDeskPage';

const SCREEN = { width: 1366, height: 768 };
const SHOTS = join('test-results', 'screens');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `desk-${name}.png`) });
}

test('a morning at 1366x768: the resepsionis by keyboard only, the petugas records an outcome', async ({ browser }) => {
  const dataDir = tempDir('loket-e2e-keyboard-');
  const host = await startHostProcess(dataDir);
  try {
    const office = await setupOffice(host.url);
    const satpam = office.tokens.satpam1!;
    // Arrival order; the emergency comes fourth but is called first.
    for (const [serviceCode, priority] of [['A', null], ['A', null], ['B', 'lansia'], ['A', 'gawat_darurat'], ['D', null]] as const)
      await ok(host.url, 'queue.issue', { serviceCode, priority }, satpam);

    const resep = await openSignedIn(browser, host.url, office.deskToken, office.tokens.resep1!);
    await resep.page.setViewportSize(SCREEN);
    const desk = await new QueueDeskPage(resep.page, 'resepsionis').open();

    let order: string[] = [];
    await test.step('the waiting list is in calling order, the next one marked', async () => {
      await expect(desk.waitingRows).toHaveCount(5);
      order = await desk.waitingLabels();
      expect(order[0]).toBe('A-003');
      await expect(desk.nextWaiting).toHaveCount(1);
      await expect(desk.nextWaiting).toHaveAttribute('data-label', order[0]!);
      await shot(resep.page, '01-waiting');
    });

    await test.step('F2 calls the marked visitor; F4 starts the greeting and finishes it', async () => {
      expect(await desk.callNextByKey()).toBe(order[0]);
      await desk.expectFocused('start-step');
      await desk.press('F4');
      await expect(desk.stepClock).toBeVisible();
      await desk.expectFocused('finish-step');
      await desk.press('F4');
      await expect(desk.currentStepName).toHaveText('Mengetik identitas pengguna layanan');
      // The identity is missing: the cursor is in the NIK field.
      await desk.expectFocused('case-nik');
      await expect(desk.stepImplausible(2)).toBeVisible();
    });

    await test.step('the case form and the steps side by side, primary actions without scrolling', async () => {
      expect(await desk.scrollY()).toBe(0);
      const form = await desk.box(desk.caseForm);
      const steps = await desk.box(desk.stepList);
      const save = await desk.box(desk.saveButton);
      const stepButton = await desk.box(desk.stepButton);
      const callNext = await desk.box(desk.callNextButton);
      const bar = await desk.box(desk.bar);
      expect(form.x).toBeGreaterThanOrEqual(steps.x + steps.width);
      expect(form.y).toBeLessThan(steps.y + steps.height);
      for (const b of [save, stepButton, callNext, bar]) expect(b.y + b.height).toBeLessThanOrEqual(SCREEN.height);
      // The bar fits its column: nothing of it runs under the waiting list.
      expect(bar.x + bar.width).toBeLessThanOrEqual(callNext.x);
      expect(stepButton.x + stepButton.width).toBeLessThanOrEqual(bar.x + bar.width);
      await shot(resep.page, '02-serving');
    });

    await test.step('an empty save shows every error at once, focus on the first', async () => {
      await desk.press('Control+s');
      for (const key of ['nik', 'name', 'kk', 'purpose'] as const) await expect(desk.fieldError(key)).toBeVisible();
      await expect(desk.fieldError('name')).toHaveText('Nama wajib diisi.');
      await expect(desk.caseError).toContainText('Periksa 4 isian');
      await desk.expectFocused('case-nik');
      await shot(resep.page, '03-all-errors');
    });

    await test.step('the NIK is typed with the bar and its clock in view; an over-long NIK is refused, not cut', async () => {
      await desk.type(`${NIK_MALE}7`);
      await expect(desk.field('nik')).toHaveValue(`${NIK_MALE}7`);
      for (const probe of [() => Promise.resolve(), () => desk.scrollToBottom()]) {
        await probe();
        const bar = await desk.box(desk.bar);
        expect(bar.y).toBeGreaterThanOrEqual(0);
        expect(bar.y + bar.height).toBeLessThanOrEqual(SCREEN.height);
        const clock = await desk.box(desk.stepClock);
        expect(clock.y + clock.height).toBeLessThanOrEqual(SCREEN.height);
      }
      await desk.press('Control+s');
      await expect(desk.fieldError('nik')).toContainText('17 digit');
      await desk.expectFocused('case-nik');
      await desk.press('Backspace');
      await expect(desk.field('nik')).toHaveValue(NIK_MALE);
      await shot(resep.page, '04-typing-nik');
    });

    await test.step('the rest of the case by Tab and typing; Ctrl+S saves; F4 runs the remaining steps', async () => {
      await desk.press('Tab');
      await desk.type('Ahmad Sulaiman');
      await desk.press('Tab');
      await desk.type(KK_VALID);
      await desk.press('Tab');
      await desk.type('15011990');
      await expect(desk.field('birthDate')).toHaveValue('15-01-1990');
      await desk.press('Tab');
      await desk.type('081234567890');
      await desk.press('Tab');
      await desk.type('Kartu KIS belum diterima, cek kepesertaan PBI');
      await desk.press('Control+s');
      await expect(desk.caseSaved).toBeVisible();
      await desk.expectFocused('finish-step');
      for (const name of ['Menerima salinan KK/KIP dan tujuan', 'Cek NIK seluruh anggota KK di P-Care', 'Menghubungi petugas layanan']) {
        await desk.press('F4');
        await expect(desk.currentStepName).toHaveText(name);
      }
      await expect(desk.stepDuration(3)).toBeVisible();
      await shot(resep.page, '05-last-step');
      // The last resepsionis step hands the visitor to the petugas queue.
      await desk.press('F4');
      await expect(desk.noCurrentTicket).toBeVisible();
      await desk.expectFocused('call-next');
    });

    await test.step('the next visitor is transferred without a case: the guard asks, a reason is typed', async () => {
      expect(await desk.callNextByKey()).toBe(order[1]);
      await desk.press('F4');
      await desk.expectFocused('finish-step');
      await desk.tabTo('transfer-open');
      await desk.press('Enter');
      await desk.expectFocused('transfer-mode-service');
      await desk.press('Tab');
      await desk.expectFocused('transfer-service');
      await desk.press('ArrowDown');
      await desk.tabTo('transfer-submit');
      await desk.press('Enter');
      await expect(desk.caseGuard).toBeVisible();
      await desk.expectFocused('guard-save');
      await shot(resep.page, '06-guard');
      await desk.press('Tab');
      await desk.expectFocused('guard-without-case');
      await desk.press('Enter');
      await desk.expectFocused('guard-reason');
      await desk.type('KTP tertinggal, data menyusul');
      await desk.press('Enter');
      await expect(desk.queueNotice).toContainText(order[1]!);
      await expect(desk.noCurrentTicket).toBeVisible();
    });

    await test.step('calling while a visitor is at the desk asks first; a skipped visitor is closed as absent', async () => {
      expect(await desk.callNextByKey()).toBe(order[2]);
      await desk.press('F2');
      await expect(desk.busyConfirm).toBeVisible();
      await desk.expectFocused('busy-cancel');
      await shot(resep.page, '07-busy');
      await desk.press('Enter');
      await expect(desk.busyConfirm).toHaveCount(0);
      await expect(desk.currentLabel).toHaveText(order[2]!);
      await desk.tabTo('skip');
      await desk.press('Enter');
      await expect(desk.skippedSince(order[2]!)).toBeVisible();
      await desk.closeNoShow(order[2]!);
    });

    await test.step('the rest of the order holds; a chosen number is called from its row; a visit is ended', async () => {
      expect(await desk.waitingLabels()).toEqual(order.slice(3));
      await expect(desk.nextWaiting).toHaveAttribute('data-label', order[3]!);
      await desk.callTicket(order[4]!);
      await desk.endVisit('salah_layanan');
      await expect(desk.queueNotice).toContainText(order[4]!);
      expect(await desk.callNextByKey()).toBe(order[3]);
    });

    await test.step('the petugas sees the note, must record an outcome, then finishes', async () => {
      const first = await ok(host.url, 'queue.board', { stage: 'petugas' }, office.tokens.petugas1!);
      const ticket = first.waiting.find((tk) => tk.label === order[0])!;
      await ok(host.url, 'queue.addNote', { ticketId: ticket.id, text: 'KK asli dibawa, fotokopi sudah diterima' }, office.tokens.resep1!);
      const petugas = await openSignedIn(browser, host.url, office.desk2Token, office.tokens.petugas1!);
      await petugas.page.setViewportSize(SCREEN);
      const pDesk = await new QueueDeskPage(petugas.page, 'petugas').open();
      expect(await pDesk.callNext()).toBe(order[0]);
      await expect(pDesk.notesButton).toHaveText('Catatan (1)');
      await expect(pDesk.latestNote).toContainText('KK asli dibawa');
      await expect(pDesk.field('nik')).toHaveValue(NIK_MALE);
      await pDesk.startStep();
      // The step clock: amber near the 5-minute mutu baku, red over it.
      await pDesk.letTimePass('04:35');
      await expect(pDesk.stepClock).toHaveAttribute('data-tone', 'near');
      await shot(petugas.page, '08-petugas-near-limit');
      await pDesk.moreTimePasses('01:00');
      await expect(pDesk.stepClock).toHaveAttribute('data-tone', 'over');
      await expect(pDesk.stepOverdue).toBeVisible();
      await pDesk.finishStepExpectingOutcome();
      await expect(pDesk.outcomeNoteError).toBeVisible();
      await shot(petugas.page, '09-petugas-outcome');
      await pDesk.recordOutcome('dirujuk', 'Dirujuk ke BPJS untuk cetak E-ID');
      expect(await pDesk.finishStageSteps()).toBe(1);
      const done = await ok(host.url, 'queue.board', { stage: 'petugas' }, office.tokens.petugas1!);
      expect(done.mine).toEqual([]);
      await petugas.context.close();
    });
    await resep.context.close();
  } finally {
    await host.stop();
    removeTempDir(dataDir);
  }
});
