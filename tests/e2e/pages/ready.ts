// What every page object waits for: a screen marks itself data-state="ready" once its data is in.
import { expect, type Page } from '@playwright/test';

export async function expectReady(page: Page, testId: string): Promise<void> {
  await expect(page.getByTestId(testId)).toHaveAttribute('data-state', 'ready');
}
