// The letters screens: the tim rujukan desk, the signing queue and the register. Each action waits
// on state the screen exposes (data-state, data-status) and returns the next page object.
import { expect, type Page } from '@playwright/test';
import { expectReady } from './ready';

export interface NewFile { hospital: string; name: string; nik: string; address: string; diagnosis: string }

export class LettersDesk {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/#/surat');
    await expectReady(this.page, 'page-letters');
    await expectReady(this.page, 'letter-new');
    return this;
  }

  async choosePrinter(name: string): Promise<this> {
    await this.page.getByTestId('desk-printer').selectOption(name);
    await expect(this.page.getByTestId('desk-printer')).toHaveValue(name);
    return this;
  }

  async receive(f: NewFile): Promise<LetterOnDesk> {
    await this.page.getByTestId('new-hospital').selectOption({ label: f.hospital });
    await this.page.getByTestId('new-name').fill(f.name);
    await this.page.getByTestId('new-nik').fill(f.nik);
    await this.page.getByTestId('new-address').fill(f.address);
    await this.page.getByTestId('new-diagnosis').fill(f.diagnosis);
    await this.page.getByTestId('new-submit').click();
    await expect(this.page.getByTestId(`work-${f.name}`)).toBeVisible();
    return new LetterOnDesk(this.page);
  }

  async pick(patientName: string): Promise<LetterOnDesk> {
    await this.page.getByTestId(`work-${patientName}`).click();
    await expect(this.page.getByTestId('letter-panel')).toBeVisible();
    return new LetterOnDesk(this.page);
  }
}

export class LetterOnDesk {
  constructor(readonly page: Page) {}

  private async expectStatus(status: string): Promise<this> {
    await expect(this.page.getByTestId('letter-panel')).toHaveAttribute('data-status', status);
    return this;
  }

  status() {
    return this.page.getByTestId('letter-status');
  }

  number() {
    return this.page.getByTestId('letter-number');
  }

  signature() {
    return this.page.getByTestId('letter-signature');
  }

  async checkDocs(count: number): Promise<this> {
    for (let i = 0; i < count; i++) await this.page.getByTestId(`doc-${i}`).check();
    await this.page.getByTestId('letter-check').click();
    return this.expectStatus('lengkap');
  }

  async saveDraft(tembusan: string): Promise<this> {
    await this.page.getByTestId('draft-tembusan').fill(tembusan);
    await this.page.getByTestId('letter-save-draft').click();
    return this.expectStatus('draf');
  }

  async approve(): Promise<this> {
    await this.page.getByTestId('letter-approve').click();
    return this.expectStatus('disetujui');
  }

  async print(): Promise<this> {
    await this.page.getByTestId('letter-print').click();
    return this.expectStatus('dicetak');
  }

  async collect(): Promise<this> {
    await this.page.getByTestId('letter-collect').click();
    return this.expectStatus('diambil');
  }

  async handOver(name: string, relation: string, idShown: string): Promise<this> {
    await this.page.getByTestId('hand-name').fill(name);
    await this.page.getByTestId('hand-relation').fill(relation);
    await this.page.getByTestId('hand-id').fill(idShown);
    await this.page.getByTestId('letter-handover-submit').click();
    await expect(this.page.getByTestId('letter-handed')).toBeVisible();
    return this;
  }
}

export class SignQueuePage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/#/tanda-tangan');
    await expectReady(this.page, 'page-sign');
    return this;
  }

  signAs(number: string) {
    return this.page.getByTestId(`sign-${number}`).getByTestId('sign-as');
  }

  async sign(number: string): Promise<this> {
    await this.page.getByTestId(`sign-${number}`).getByTestId('sign-submit').click();
    await expect(this.page.getByTestId(`sign-${number}`)).toHaveCount(0);
    return this;
  }
}

export class RegisterPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/#/register');
    await expectReady(this.page, 'page-register');
    return this;
  }

  rows() {
    return this.page.getByTestId('register-row');
  }

  async search(text: string): Promise<this> {
    await this.page.getByTestId('reg-text').fill(text);
    await expect(this.page.getByTestId('page-register')).toHaveAttribute('data-state', 'ready');
    return this;
  }

  async filterStatus(label: string): Promise<this> {
    await this.page.getByTestId('reg-status').selectOption({ label });
    await expect(this.page.getByTestId('page-register')).toHaveAttribute('data-state', 'ready');
    return this;
  }

  async exportExcel(): Promise<string> {
    await this.page.getByTestId('reg-export').click();
    await expect(this.page.getByTestId('reg-job')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    return (await this.page.getByTestId('reg-exported').textContent()) ?? '';
  }
}

export class LettersAdminPanel {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/#/admin');
    await expectReady(this.page, 'page-admin');
    await this.page.getByTestId('admin-tab-letters').click();
    await expectReady(this.page, 'panel-letters');
    return this;
  }

  async saveKop(fields: Record<string, string>): Promise<this> {
    for (const [k, v] of Object.entries(fields)) await this.page.getByTestId(`kop-${k}`).fill(v);
    await this.page.getByTestId('kop-save').click();
    await expect(this.page.getByTestId('kop-saved')).toBeVisible();
    return this;
  }
}
