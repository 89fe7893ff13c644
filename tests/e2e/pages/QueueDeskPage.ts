// The shared resepsionis/petugas desk.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Stage } from '../../../common/contract/index';
import { LoginPage } from './gates';
import { expectReady } from './ready';

export interface CaseData {
  nik: string;
  name: string;
  kk: string;
  /** As typed in the form: dd-mm-yyyy. */
  birthDate?: string;
  phone: string;
  purpose: string;
}

/** The case form's inputs by CaseData key. */
const CASE_FIELDS: Record<keyof CaseData, string> = {
  nik: 'case-nik',
  name: 'case-name',
  kk: 'case-kk',
  birthDate: 'case-birth-date',
  phone: 'case-phone',
  purpose: 'case-purpose',
};

export class QueueDeskPage {
  constructor(
    readonly page: Page,
    readonly stage: Stage,
  ) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  get currentLabel(): Locator {
    return this.id('current-ticket-label');
  }
  get noCurrentTicket(): Locator {
    return this.id('no-current-ticket');
  }
  /** The priority badge of the ticket being served. */
  get currentPriority(): Locator {
    return this.id('current-ticket').getByTestId('priority-badge');
  }
  /** The first priority badge on the desk. */
  get firstPriorityBadge(): Locator {
    return this.id('priority-badge').first();
  }
  get queueNotice(): Locator {
    return this.id('queue-notice');
  }
  get recalled(): Locator {
    return this.id('recalled');
  }
  get noteItem(): Locator {
    return this.id('note-item');
  }
  get currentStepName(): Locator {
    return this.id('current-step-name');
  }
  get stepClock(): Locator {
    return this.id('step-clock');
  }
  get stepOverdue(): Locator {
    return this.id('step-overdue');
  }
  /** The banner shown while the host cannot be reached. */
  get hostUnreachable(): Locator {
    return this.id('host-unreachable');
  }
  get connection(): Locator {
    return this.id('connection');
  }

  /** The bar that stays on screen: number, step, clock, step and recall buttons. */
  get bar(): Locator {
    return this.id('desk-bar');
  }
  get caseForm(): Locator {
    return this.id('case-form');
  }
  get stepList(): Locator {
    return this.id('step-list');
  }
  get callNextButton(): Locator {
    return this.id('call-next');
  }
  get saveButton(): Locator {
    return this.id('case-save');
  }
  /** The start or the finish button, whichever the bar shows. */
  get stepButton(): Locator {
    return this.page.locator('#desk-step-action');
  }
  get waitingRows(): Locator {
    return this.id('waiting-list').locator(':scope > li');
  }
  /** The waiting row(s) marked as the one "Panggil berikutnya" takes. */
  get nextWaiting(): Locator {
    return this.id('waiting-list').locator(':scope > li[data-next="true"]');
  }
  get busyConfirm(): Locator {
    return this.id('busy-confirm');
  }
  get caseGuard(): Locator {
    return this.id('case-guard');
  }
  get notesButton(): Locator {
    return this.id('notes-open');
  }
  get latestNote(): Locator {
    return this.id('note-latest');
  }
  get outcomeError(): Locator {
    return this.id('outcome-error');
  }
  get outcomeNoteError(): Locator {
    return this.id('outcome-note-error');
  }
  get totalTime(): Locator {
    return this.id('total-time');
  }
  stepDuration(seq: number): Locator {
    return this.id(`step-duration-${seq}`);
  }
  stepImplausible(seq: number): Locator {
    return this.id(`step-implausible-${seq}`);
  }
  skippedSince(label: string): Locator {
    return this.id(`skipped-since-${label}`);
  }

  waiting(label: string): Locator {
    return this.id(`waiting-${label}`);
  }
  skipped(label: string): Locator {
    return this.id(`skipped-${label}`);
  }

  // The case form.
  field(key: keyof CaseData): Locator {
    return this.id(CASE_FIELDS[key]);
  }
  fieldError(key: keyof CaseData): Locator {
    return this.id(`${CASE_FIELDS[key]}-error`);
  }
  get caseError(): Locator {
    return this.id('case-error');
  }
  get caseSaved(): Locator {
    return this.id('case-saved');
  }
  caseWarning(code: string): Locator {
    return this.id(`case-warning-${code}`);
  }
  /** The mark that the form shows a draft typed earlier, not yet saved. */
  get draftRestored(): Locator {
    return this.id('case-draft-restored');
  }
  /** An alert on the desk with `text` in it. */
  alert(text: string): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  async open(): Promise<this> {
    await this.page.goto(`/#/${this.stage}`);
    await expectReady(this.page, `page-${this.stage}`);
    return this;
  }

  /** Reloads the browser tab and waits for the desk to be ready again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.id(`page-${this.stage}`)).toHaveAttribute('data-state', 'ready');
  }

  async expectWaiting(label: string): Promise<void> {
    await expect(this.waiting(label)).toBeVisible();
  }

  /** Buka / Istirahat / Tutup for this desk. */
  async setDeskStatus(status: 'open' | 'paused' | 'closed'): Promise<void> {
    await this.id(`desk-status-${status}`).click();
    await expect(this.id('desk-status')).toHaveAttribute('data-status', status);
  }

  /** "Panggil berikutnya" on a desk that is not open: the host's refusal is shown, nobody is called. */
  async callNextRefused(): Promise<string> {
    await this.id('call-next').click();
    const alert = this.id('queue-error');
    await expect(alert).toContainText('Buka');
    await expect(this.id('no-current-ticket')).toBeVisible();
    return (await alert.textContent()) ?? '';
  }

  async callNext(): Promise<string> {
    await this.id('call-next').click();
    await expect(this.currentLabel).toBeVisible();
    return (await this.currentLabel.textContent()) ?? '';
  }

  /** The labels of the waiting list, top to bottom. */
  async waitingLabels(): Promise<string[]> {
    return Promise.all((await this.waitingRows.all()).map(async (r) => (await r.getAttribute('data-label')) ?? ''));
  }

  /** Calls the chosen waiting number from its row ("Panggil nomor ini"). */
  async callTicket(label: string): Promise<void> {
    await this.id(`call-ticket-${label}`).click();
    await expect(this.currentLabel).toHaveText(label);
  }

  /** Closes a skipped number as absent (asks first). */
  async closeNoShow(label: string): Promise<void> {
    await this.id(`no-show-${label}`).click();
    await this.id(`no-show-confirm-${label}`).click();
    await expect(this.skipped(label)).toHaveCount(0);
  }

  /** Ends the current visit with a reason from the "Akhiri kunjungan" panel. */
  async endVisit(reason: 'pergi' | 'salah_layanan' | 'lainnya', note = ''): Promise<void> {
    await this.id('end-visit-open').click();
    await this.id(`end-reason-${reason}`).check();
    if (note) await this.id('end-note').fill(note);
    await this.id('end-visit-submit').click();
  }

  /** Tries to finish the running step and expects the host-side rules to be asked for first. */
  async finishStepExpectingOutcome(): Promise<void> {
    await this.id('finish-step').click();
    await expect(this.outcomeError).toBeVisible();
  }

  // The keyboard: the desk's shortcuts and focus, as a person without a mouse uses them.
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
  /** F2: calls the next visitor; returns the number now at the desk. */
  async callNextByKey(): Promise<string> {
    await this.press('F2');
    await expect(this.currentLabel).toBeVisible();
    await expect(this.id(`page-${this.stage}`)).toHaveAttribute('data-state', 'ready');
    return (await this.currentLabel.textContent()) ?? '';
  }
  /** The data-testid of the focused element. */
  focused(): Promise<string | null> {
    return this.page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null");
  }
  async expectFocused(testId: string): Promise<void> {
    await expect(this.id(testId)).toBeFocused();
  }
  /** Presses Tab until the element with `testId` has the focus (at most `max` times). */
  async tabTo(testId: string, max = 25): Promise<void> {
    for (let i = 0; i < max && (await this.focused()) !== testId; i += 1) await this.press('Tab');
    await this.expectFocused(testId);
  }
  /** The element's box in the viewport (after any scrolling). */
  async box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
    const b = await locator.boundingBox();
    expect(b, 'element is rendered').not.toBeNull();
    return b!;
  }
  async scrollToBottom(): Promise<void> {
    await this.page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
  }
  scrollY(): Promise<number> {
    return this.page.evaluate<number>('window.scrollY');
  }

  async skip(): Promise<void> {
    await this.id('skip').click();
  }

  async callSkipped(label: string): Promise<void> {
    await this.id(`call-skipped-${label}`).click();
  }

  async recall(): Promise<void> {
    await this.id('recall').click();
  }

  async addNote(text: string): Promise<void> {
    await this.id('notes-open').click();
    await expect(this.id('notes')).toHaveAttribute('data-state', 'ready');
    await this.id('note-text').fill(text);
    await this.id('note-add').click();
  }

  /** Hands the visitor to a named petugas from the transfer panel. */
  async transferToPetugas(name: string): Promise<void> {
    await this.id('transfer-open').click();
    await expect(this.id('transfer-panel')).toHaveAttribute('data-state', 'ready');
    await this.id('transfer-mode-petugas').check();
    await this.id('transfer-petugas').selectOption({ label: name });
    await this.id('transfer-submit').click();
  }

  /** Waits for the case form to hold the host's record (or the draft) before it is typed into. */
  async expectFormReady(): Promise<void> {
    await expect(this.id('case-form')).toHaveAttribute('data-state', 'ready');
  }

  async fillCase(data: CaseData): Promise<void> {
    await this.expectFormReady();
    for (const key of Object.keys(CASE_FIELDS) as (keyof CaseData)[]) await this.field(key).fill(data[key] ?? '');
  }

  async fillField(key: keyof CaseData, value: string): Promise<void> {
    await this.field(key).fill(value);
  }

  async saveCase(): Promise<void> {
    await this.id('case-save').click();
  }

  /** Saves after the host ended the session: the desk falls back to its login screen. */
  async saveCaseSignedOut(): Promise<LoginPage> {
    await this.saveCase();
    return LoginPage.shown(this.page);
  }

  /** The keys of the case drafts this tab keeps (sessionStorage). */
  draftKeys(): Promise<string[]> {
    return this.page.evaluate<string[]>("Object.keys(sessionStorage).filter((k) => k.startsWith('loket.caseDraft.'))");
  }

  async currentTicketId(): Promise<string> {
    return (await this.id('current-ticket').getAttribute('data-ticket-id'))!;
  }

  /** The session token this tab signed in with. */
  async sessionToken(): Promise<string> {
    return (await this.page.evaluate<string | null>("localStorage.getItem('loket.session')"))!;
  }

  /** Takes over the page's clock and moves it on by `time` ("mm:ss"). */
  async letTimePass(time: string): Promise<void> {
    await this.page.clock.install();
    await this.page.clock.fastForward(time);
  }

  /** Moves the page's clock (installed by letTimePass) on by `time` ("mm:ss"). */
  async moreTimePasses(time: string): Promise<void> {
    await this.page.clock.fastForward(time);
  }

  async startStep(): Promise<void> {
    await this.id('start-step').click();
    await expect(this.stepClock).toBeVisible();
  }

  /** Chooses the petugas's result and its note, asked for on the last petugas step. */
  async recordOutcome(outcome: 'selesai' | 'dirujuk' | 'kurang_berkas' | 'ditolak', note: string): Promise<void> {
    await this.id('outcome').selectOption(outcome);
    await this.id('outcome-note').fill(note);
  }

  /** Finishes the running step; returns false when the visitor has left this desk. */
  async finishStep(): Promise<boolean> {
    const p = this.page;
    const step = p.getByTestId('current-step');
    const seq = await step.getAttribute('data-seq');
    await expect(step).toHaveAttribute('data-running', 'true');
    await p.getByTestId('finish-step').click();
    await expect(p.locator(`[data-testid="current-step"][data-seq="${seq}"]`)).toHaveCount(0);
    await expect(p.getByTestId(`page-${this.stage}`)).toHaveAttribute('data-state', 'ready');
    return (await p.getByTestId('current-ticket').count()) > 0;
  }

  /**
   * Finishes the running step and every following step of this desk's role (the host starts the
   * next one at once), until the visitor leaves this desk. Returns how many steps were finished.
   */
  async finishStageSteps(): Promise<number> {
    let finished = 1;
    while (await this.finishStep()) finished += 1;
    await expect(this.noCurrentTicket).toBeVisible();
    return finished;
  }
}
