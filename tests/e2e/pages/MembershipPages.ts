// Admin → BPJS and the family panel on the resepsionis's case screen.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { expectReady } from './ready';

export interface BpjsSettings {
  pcareUrl: string;
  consId: string;
  secret: string;
  userKey: string;
  pcareUser: string;
  pcarePassword: string;
  appCode: string;
}

export class BpjsTab {
  constructor(readonly page: Page) {}

  /** Opens the tab from the admin page (AdminPage.open() first). */
  static async open(page: Page): Promise<BpjsTab> {
    await page.getByTestId('admin-tab-bpjs').click();
    await expectReady(page, 'admin-bpjs');
    return new BpjsTab(page);
  }

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
  get saved(): Locator {
    return this.id('bpjs-saved');
  }
  get testResult(): Locator {
    return this.id('bpjs-test-result');
  }
  secretField(name: 'secret' | 'userKey' | 'pcarePassword'): Locator {
    return this.id(`bpjs-${name}`);
  }

  async save(s: BpjsSettings): Promise<void> {
    await this.id('bpjs-pcare-url').fill(s.pcareUrl);
    await this.id('bpjs-cons-id').fill(s.consId);
    await this.secretField('secret').fill(s.secret);
    await this.secretField('userKey').fill(s.userKey);
    await this.secretField('pcarePassword').fill(s.pcarePassword);
    await this.id('bpjs-pcare-user').fill(s.pcareUser);
    await this.id('bpjs-app-code').fill(s.appCode);
    await this.id('bpjs-save').click();
    await expect(this.saved).toBeVisible();
  }

  async testConnection(): Promise<void> {
    await this.id('bpjs-test').click();
    await expect(this.testResult).toBeVisible();
  }
}

export interface MemberData {
  nik: string;
  name: string;
  relation: string;
  hasCard?: boolean;
}

export class FamilyPanel {
  constructor(readonly page: Page) {}

  /** The panel under the case form, once the case is saved. */
  static async shown(page: Page): Promise<FamilyPanel> {
    await expect(page.getByTestId('family-kk')).toBeVisible();
    await expectReady(page, 'family-panel');
    return new FamilyPanel(page);
  }

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
  get root(): Locator {
    return this.id('family-panel');
  }
  get kkArea(): Locator {
    return this.id('family-kk-area');
  }
  get members(): Locator {
    return this.id('family-member');
  }
  member(i: number): Locator {
    return this.members.nth(i);
  }
  get membersError(): Locator {
    return this.id('family-members-error');
  }
  get notice(): Locator {
    return this.id('family-notice');
  }
  get rows(): Locator {
    return this.id('check-row');
  }
  row(nik: string): Locator {
    return this.page.locator(`[data-testid="check-row"][data-nik="${nik}"]`);
  }
  get checksPanel(): Locator {
    return this.id('checks-panel');
  }

  async setHead(headName: string, address: string): Promise<void> {
    await this.id('family-head').fill(headName);
    await this.id('family-address').fill(address);
  }

  /** Fills row i (adding rows as needed). */
  async setMember(i: number, m: MemberData): Promise<void> {
    while ((await this.members.count()) <= i) await this.id('member-add').click();
    const row = this.member(i);
    await row.getByTestId('member-nik').fill(m.nik);
    await row.getByTestId('member-nik').blur();
    await row.getByTestId('member-name').fill(m.name);
    await row.getByTestId('member-relation').selectOption(m.relation);
    await row.getByTestId('member-card').setChecked(!!m.hasCard);
  }

  async save(): Promise<void> {
    await this.id('family-save').click();
    await expect(this.root).toHaveAttribute('data-stored', 'true');
  }

  /** Checks every member and waits for the new results (the panel's newest check time moves). */
  async checkAll(): Promise<void> {
    const before = (await this.checksPanel.getAttribute('data-last-checked')) ?? '';
    await this.id('check-all').click();
    await expect(this.checksPanel).not.toHaveAttribute('data-last-checked', before);
    await expect(this.checksPanel).toHaveAttribute('data-state', 'ready');
  }

  async confirm(nik: string): Promise<void> {
    await this.row(nik).getByTestId('check-confirm').click();
    await expect(this.row(nik).getByTestId('check-decision')).toBeVisible();
  }

  async override(nik: string, action: string, reason: string): Promise<void> {
    const row = this.row(nik);
    await row.getByTestId('check-override-open').click();
    await row.getByTestId('check-override-action').selectOption(action);
    await row.getByTestId('check-override-reason').fill(reason);
    await row.getByTestId('check-override-save').click();
    await expect(row.getByTestId('check-decision')).toHaveAttribute('data-overridden', 'true');
  }

  /** Makes the result sheet and downloads it. */
  async downloadSheet(): Promise<Download> {
    await this.id('sheet-print').click();
    await expect(this.id('sheet-link')).toBeVisible();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.id('sheet-link').click()]);
    return download;
  }
}
