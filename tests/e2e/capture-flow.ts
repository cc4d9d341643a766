import type { Page } from 'playwright-core';

/** Drives the capture flow ("Add evidence" → what → details → saved) the way the e2e tests share. */

export interface FileToAdd {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** What to add: files (picker or camera), a link or a message; `details` fills the details step. */
export type ItemToAdd =
  | { files: FileToAdd[]; camera?: boolean; details?: () => Promise<void> }
  | { link: string; details?: () => Promise<void> }
  | { message: string; details?: () => Promise<void> };

/** From the case page, opens the flow at its first step. */
export async function openAddEvidence(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Add evidence' }).click();
  await page.getByRole('heading', { name: 'What do you want to keep?' }).waitFor();
}

/** Saves the item on the details step and waits for the step that follows (saved, or a problem). */
export async function saveItem(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Save (this item|\d+ files, one item each)$/ }).click();
}

/**
 * Adds one item from the case page and comes back to the timeline: what is kept, its details, save,
 * then "See the timeline". Returns once the flow says it was saved.
 */
export async function addEvidence(page: Page, item: ItemToAdd): Promise<void> {
  await openAddEvidence(page);
  await chooseWhat(page, item);
  await item.details?.();
  await saveItem(page);
  await page.getByRole('heading', { name: 'Saved to the case' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'See the timeline' }).click();
  await page.locator('[data-screen="case"]').waitFor();
}

/** Step 1 and the item itself: pick files, or choose "A link" / "A message" and type it. */
export async function chooseWhat(page: Page, item: ItemToAdd): Promise<void> {
  if ('files' in item) {
    await page.getByTestId(item.camera ? 'camera-input' : 'file-input').setInputFiles(item.files);
  } else if ('link' in item) {
    await page.getByRole('button', { name: /^A link/ }).click();
    await page.getByLabel('Link (web address)').fill(item.link);
  } else {
    await page.getByRole('button', { name: /^A message/ }).click();
    await page.getByLabel('The message, copied exactly').fill(item.message);
  }
  await page.getByRole('heading', { name: 'Details of this item' }).waitFor();
}
