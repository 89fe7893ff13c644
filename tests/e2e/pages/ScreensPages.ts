// Read-only screens: the waiting-room board and the dashboard.
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { expectReady } from './ready';

export class DisplayPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/#/display');
    await expectReady(this.page, 'page-display');
    return this;
  }

  async expectCalled(label: string, counterNo: number): Promise<void> {
    await expect(this.page.getByTestId('display-current-label')).toHaveText(label);
    await expect(this.page.getByTestId('display-current-counter')).toContainText(String(counterNo));
  }
}

export { DashboardPage } from './DashboardPage';

/** The TV in the waiting room, as a wall screen shows it. */
export const TV_VIEWPORT = { width: 1920, height: 1080 };
/** A common phone screen. */
export const PHONE_VIEWPORT = { width: 390, height: 844 };

/** The board's parts the TV tests look at: sound, columns and rows, the idle screen. */
export class TvPage extends DisplayPage {
  get root(): Locator {
    return this.page.getByTestId('page-display');
  }
  get header(): Locator {
    return this.page.locator('.dsp-bar');
  }
  get soundButton(): Locator {
    return this.page.getByTestId('enable-sound');
  }
  get ticker(): Locator {
    return this.page.getByTestId('display-ticker');
  }
  get info(): Locator {
    return this.page.getByTestId('display-info');
  }
  column(counterNo: number): Locator {
    return this.page.getByTestId(`display-counter-${counterNo}`);
  }
  rows(counterNo: number): Locator {
    return this.column(counterNo).getByTestId('display-row');
  }
  columns(): Locator {
    return this.page.locator('[data-testid^="display-counter-"]');
  }

  /** Clips the board played to their end: proof that it really spoke, not only that it tried. */
  async clipsPlayed(): Promise<number> {
    return Number(await this.root.getAttribute('data-clips-played'));
  }

  async expectSound(state: 'on' | 'blocked'): Promise<void> {
    await expect(this.root).toHaveAttribute('data-sound', state);
  }

  /** Every listed call of every column lies fully inside its column and the screen: none clipped. */
  async expectAllRowsVisible(): Promise<{ counters: number; rowsPerColumn: number[]; smallestFontPx: number }> {
    // A string, run in the page (the tests are compiled without the DOM library).
    return this.page.evaluate<{ counters: number; rowsPerColumn: number[]; smallestFontPx: number }>(`(() => {
      const inside = (a, b) => a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5 && a.left >= b.left - 0.5 && a.right <= b.right + 0.5;
      const screen = new DOMRect(0, 0, window.innerWidth, window.innerHeight);
      const cols = [...document.querySelectorAll('[data-testid^="display-counter-"]')];
      let smallest = Infinity;
      const rowsPerColumn = cols.map((col) => {
        const box = col.getBoundingClientRect();
        const rows = [...col.querySelectorAll('[data-testid="display-row"]')];
        for (const row of rows) {
          const r = row.getBoundingClientRect();
          if (!inside(r, box) || !inside(r, screen)) throw new Error('row ' + row.textContent + ' of ' + col.dataset.testid + ' is clipped');
          // The text itself must fit its row too.
          if (row.scrollHeight > row.clientHeight + 1 || row.scrollWidth > row.clientWidth + 1) throw new Error('text of row ' + row.textContent + ' overflows');
          smallest = Math.min(smallest, parseFloat(getComputedStyle(row).fontSize));
        }
        return rows.length;
      });
      return { counters: cols.length, rowsPerColumn, smallestFontPx: smallest };
    })()`);
  }

  /** The header's sound button does not cover the board: it lies inside the header bar. */
  async expectSoundButtonInHeader(): Promise<void> {
    const button = await this.soundButton.boundingBox();
    const header = await this.header.boundingBox();
    const main = await this.page.locator('.dsp-main').boundingBox();
    if (!button || !header || !main) throw new Error('board not laid out');
    expect(button.y).toBeGreaterThanOrEqual(header.y);
    expect(button.y + button.height).toBeLessThanOrEqual(header.y + header.height);
    expect(button.y + button.height).toBeLessThanOrEqual(main.y);
  }
}

/** The visitor's phone page behind the ticket's QR code. */
export class VisitorPhonePage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('page-visitor');
  }
  get label(): Locator {
    return this.page.getByTestId('visitor-label');
  }
  get ahead(): Locator {
    return this.page.getByTestId('visitor-ahead');
  }
  get wait(): Locator {
    return this.page.getByTestId('visitor-wait');
  }
  get called(): Locator {
    return this.page.getByTestId('visitor-called');
  }
  get error(): Locator {
    return this.page.getByTestId('visitor-error');
  }
  get enableAlerts(): Locator {
    return this.page.getByTestId('visitor-enable-alerts');
  }
  recent(counterNo: number): Locator {
    return this.page.getByTestId(`visitor-recent-${counterNo}`);
  }

  /** Records what pages of `context` ask the phone to vibrate (headless Chromium has no motor). */
  static async recordVibrations(context: BrowserContext): Promise<void> {
    await context.addInitScript({ content: 'window.__vibrations = []; navigator.vibrate = (p) => { window.__vibrations.push(p); return true; };' });
  }

  /** How many vibrations the page asked for (needs recordVibrations). */
  vibrations(): Promise<number> {
    return this.page.evaluate<number>('window.__vibrations.length');
  }

  /** Opens the link as a phone that scanned the QR code would (no login, plain HTTP). */
  async open(url: string): Promise<this> {
    await this.page.goto(url);
    await expect(this.root).toHaveAttribute('data-state', 'ready');
    await expect(this.root).toHaveAttribute('data-connection', 'open');
    return this;
  }

  /** Waits for this ticket's own call to reach the phone, `times` calls in all. */
  async expectCalled(counterNo: number, times = 1): Promise<void> {
    await expect(this.root).toHaveAttribute('data-calls', String(times));
    await expect(this.called).toBeVisible();
    await expect(this.called).toHaveAttribute('data-counter', String(counterNo));
  }
}

/** Admin → Layar tunggu (on an admin page already open). */
export class DisplaySettingsPanel {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.getByTestId('admin-tab-display').click();
    await expect(this.page.getByTestId('admin-display')).toHaveAttribute('data-state', 'ready');
    return this;
  }

  async save(runningText: string, infoText: string): Promise<void> {
    await this.page.getByTestId('display-running-text').fill(runningText);
    await this.page.getByTestId('display-info-text').fill(infoText);
    await this.page.getByTestId('display-settings-save').click();
    await expect(this.page.getByTestId('display-settings-saved')).toBeVisible();
  }
}
