// The admin screen and its tabs; opening a tab returns the object for that tab.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Role } from '../../../common/contract/index';
import { expectReady } from './ready';

export class AdminPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/#/admin');
    await expectReady(this.page, 'page-admin');
    return this;
  }

  async tab<N extends keyof typeof TABS>(name: N): Promise<InstanceType<(typeof TABS)[N]>> {
    await this.page.getByTestId(`admin-tab-${name}`).click();
    await expectReady(this.page, `admin-${name}`);
    return new TABS[name](this.page) as InstanceType<(typeof TABS)[N]>;
  }
}

class Tab {
  constructor(readonly page: Page) {}

  protected id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
}

export class UsersTab extends Tab {
  row(username: string): Locator {
    return this.id(`user-row-${username}`);
  }
  get notice(): Locator {
    return this.id('users-notice');
  }

  async createUser(user: { username: string; fullName: string; role: Role; password: string }): Promise<void> {
    await this.id('user-username').fill(user.username);
    await this.id('user-full-name').fill(user.fullName);
    await this.id('user-password').fill(user.password);
    await this.id(`user-role-${user.role}`).check();
    await this.id('user-create').click();
    await expect(this.row(user.username)).toBeVisible();
    // The form is emptied only after the host accepted the user.
    await expect(this.id('user-username')).toHaveValue('');
  }

  /** Opens the user's edit form, changes what is given, and saves. */
  async editUser(username: string, change: { addRole?: Role; active?: boolean; password?: string }): Promise<void> {
    await this.id(`user-edit-${username}`).click();
    if (change.addRole) await this.id(`edit-role-${change.addRole}`).check();
    if (change.active === false) await this.id('edit-active').uncheck();
    if (change.active === true) await this.id('edit-active').check();
    if (change.password !== undefined) await this.id('edit-password').fill(change.password);
    await this.id('user-save').click();
  }
}

/**
 * A desk's pairing card: the short code, its expiry and QR code; the host address, fingerprint,
 * command line and (right after creating the desk) the long token are under "Detail teknis".
 */
export class PairingDialog {
  constructor(readonly page: Page) {}

  get card(): Locator {
    return this.page.getByTestId('desk-pairing');
  }
  get code(): Locator {
    return this.page.getByTestId('desk-pair-code');
  }
  get expiry(): Locator {
    return this.page.getByTestId('desk-pair-expiry');
  }
  get qr(): Locator {
    return this.page.getByTestId('desk-pair-qr');
  }
  /** The code itself (shown as ABCD-EFGH). */
  async codeValue(): Promise<string> {
    return (await this.code.getAttribute('data-code')) ?? '';
  }
  get token(): Locator {
    return this.page.getByTestId('desk-token');
  }
  get fingerprint(): Locator {
    return this.page.getByTestId('desk-fingerprint');
  }
  get hostUrl(): Locator {
    return this.page.getByTestId('desk-host-url');
  }
  get command(): Locator {
    return this.page.getByTestId('desk-command');
  }

  /** Any command-line flag on the screen (only "Detail teknis" may show one). */
  get flagsShown(): Locator {
    return this.page.getByText('--host-fingerprint');
  }

  /** Unfolds "Detail teknis". */
  async openDetails(): Promise<this> {
    await this.page.getByTestId('desk-details-toggle').click();
    await expect(this.page.getByTestId('desk-details')).toHaveAttribute('open', '');
    return this;
  }

  async close(): Promise<void> {
    await this.page.getByTestId('desk-token-close').click();
  }
}

export class DesksTab extends Tab {
  row(counterNo: number): Locator {
    return this.id(`desk-row-${counterNo}`);
  }

  get createError(): Locator {
    return this.id('desk-create-error');
  }
  get counterError(): Locator {
    return this.id('desk-counter-error');
  }

  /** Creates a desk and returns the card with its fresh pairing code. */
  async create(name: string, counterNo: number): Promise<PairingDialog> {
    await this.id('desk-name').fill(name);
    await this.id('desk-counter').fill(String(counterNo));
    await this.id('desk-create').click();
    const dialog = new PairingDialog(this.page);
    await expect(dialog.code).toBeVisible();
    await expect(dialog.card).toContainText(name);
    return dialog;
  }

  /** A desk the host refuses (e.g. its counter number is taken): the form stays with the error. */
  async createRefused(name: string, counterNo: number): Promise<this> {
    await this.id('desk-name').fill(name);
    await this.id('desk-counter').fill(String(counterNo));
    await this.id('desk-create').click();
    await expect(this.createError).toBeVisible();
    return this;
  }

  /** Creates a desk and returns its long desk token (the old way of pairing), closing the card. */
  async createDesk(name: string, counterNo: number): Promise<string> {
    const dialog = await this.create(name, counterNo);
    await expect(this.row(counterNo)).toBeVisible();
    const value = await dialog.token.inputValue();
    await dialog.close();
    return value;
  }

  /** "Buat kode pemasangan" on a desk's row. */
  async makeCode(counterNo: number): Promise<PairingDialog> {
    await this.id(`desk-make-code-${counterNo}`).click();
    const dialog = new PairingDialog(this.page);
    await expect(dialog.card).toContainText(`Loket ${counterNo}`);
    return dialog;
  }

  /** Ticks exactly these services for the desk (none: every service). */
  async setServices(counterNo: number, codes: string[]): Promise<void> {
    for (const box of await this.id(`desk-services-${counterNo}`).locator('input[type="checkbox"]').all()) {
      const code = ((await box.getAttribute('data-testid')) ?? '').split('-').at(-1)!;
      const want = codes.includes(code);
      if ((await box.isChecked()) !== want) await box.click();
      await expect(box).toBeChecked({ checked: want });
    }
  }

  async revoke(counterNo: number): Promise<void> {
    await this.id(`desk-revoke-${counterNo}`).click();
    await this.id(`desk-revoke-confirm-${counterNo}`).click();
  }
}

/** The form for one service and its SOP steps (n counts from 1). */
export class ServiceForm {
  constructor(readonly page: Page) {}

  get name(): Locator {
    return this.page.getByTestId('service-name');
  }
  stepName(n: number): Locator {
    return this.page.getByTestId(`step-name-${n}`);
  }
  stepNameError(n: number): Locator {
    return this.page.getByTestId(`step-name-${n}-error`);
  }
  get saveError(): Locator {
    return this.page.getByTestId('service-save-error');
  }

  async fill(fields: { code?: string; name?: string; steps?: { n: number; name?: string; role?: Role; minutes?: number }[] }): Promise<void> {
    const p = this.page;
    if (fields.code !== undefined) await p.getByTestId('service-code').fill(fields.code);
    if (fields.name !== undefined) await this.name.fill(fields.name);
    for (const step of fields.steps ?? []) {
      if (step.name !== undefined) await this.stepName(step.n).fill(step.name);
      if (step.role !== undefined) await p.getByTestId(`step-role-${step.n}`).selectOption(step.role);
      if (step.minutes !== undefined) await p.getByTestId(`step-minutes-${step.n}`).fill(String(step.minutes));
    }
  }

  async save(): Promise<void> {
    await this.page.getByTestId('service-save').click();
  }
}

export class ServicesTab extends Tab {
  row(code: string): Locator {
    return this.id(`service-row-${code}`);
  }
  get notice(): Locator {
    return this.id('services-notice');
  }

  async edit(code: string): Promise<ServiceForm> {
    await this.id(`service-edit-${code}`).click();
    return new ServiceForm(this.page);
  }

  async add(): Promise<ServiceForm> {
    await this.id('service-add').click();
    return new ServiceForm(this.page);
  }
}

export class QueueTab extends Tab {
  get priorityRatio(): Locator {
    return this.id('priority-ratio-input');
  }
  get saved(): Locator {
    return this.id('queue-settings-saved');
  }

  async setPriorityRatio(ratio: number): Promise<void> {
    await this.priorityRatio.fill(String(ratio));
    await this.id('priority-ratio-save').click();
  }
}

export const NO_PRINTER = 'Tanpa printer (cetak dari browser)';

export class DevicesTab extends Tab {
  /** The host's printer list: empty, CUPS's error, or the list. */
  get printers(): Locator {
    return this.id('printers-empty').or(this.id('printers-error')).or(this.id('printers-list'));
  }
  get loadError(): Locator {
    return this.id('devices-load-error');
  }
  get reloadButton(): Locator {
    return this.id('printers-reload');
  }
  get current(): Locator {
    return this.id('ticket-printer-current');
  }
  get missing(): Locator {
    return this.id('ticket-printer-missing');
  }
  get select(): Locator {
    return this.id('ticket-printer-select');
  }
  get saved(): Locator {
    return this.id('ticket-printer-saved');
  }
  get panel(): Locator {
    return this.id('admin-devices');
  }
  get firstOption(): Locator {
    return this.select.locator('option').first();
  }

  async reloadPrinters(): Promise<void> {
    await this.reloadButton.click();
  }

  /** Chooses a printer by its label in the list and saves. */
  async choosePrinter(label: string): Promise<void> {
    await this.select.selectOption({ label });
    await this.id('ticket-printer-save').click();
  }
}

export const ALL_NETWORKS = 'Semua jaringan di komputer ini (0.0.0.0)';

export class NetworkTab extends Tab {
  /** Where the host listens now (data-address, data-port, data-source). */
  get current(): Locator {
    return this.id('network-current');
  }
  get localOnly(): Locator {
    return this.id('network-local-only');
  }
  get displayUrl(): Locator {
    return this.id('network-display-url');
  }
  get kioskUrl(): Locator {
    return this.id('network-kiosk-url');
  }
  get address(): Locator {
    return this.id('network-address');
  }
  addressOption(index: number): Locator {
    return this.address.locator('option').nth(index);
  }
  get port(): Locator {
    return this.id('network-port');
  }
  get portError(): Locator {
    return this.id('network-port-error');
  }
  get saved(): Locator {
    return this.id('network-saved');
  }
  get saveError(): Locator {
    return this.id('network-save-error');
  }
  get pending(): Locator {
    return this.id('network-pending');
  }

  /** Sets what is given (the address by its label) and saves. */
  async save(choice: { addressLabel?: string; port: number | string }): Promise<void> {
    if (choice.addressLabel !== undefined) await this.address.selectOption({ label: choice.addressLabel });
    await this.port.fill(String(choice.port));
    await this.id('network-save').click();
  }
}

const TABS = { users: UsersTab, desks: DesksTab, services: ServicesTab, queue: QueueTab, devices: DevicesTab, network: NetworkTab } as const;
