import { expect, test, type Page } from '@playwright/test';
import { SERVING_ROLE, createRole, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

/**
 * Writes `count` candidates of the first role straight into the app's database (as a year of use
 * would leave it), then reloads so the app reads them. Typing 120 names into the form would test
 * the form, not the list.
 */
async function seedCandidates(page: Page, count: number) {
  await page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('loopcard');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const roleId = await new Promise<string>((resolve, reject) => {
      const keys = db.transaction('roles').objectStore('roles').getAllKeys();
      keys.onsuccess = () => resolve(String(keys.result[0]));
      keys.onerror = () => reject(keys.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('candidates', 'readwrite');
      for (let i = 1; i <= n; i++) {
        const at = new Date(Date.UTC(2026, 9, 1, 9, 0, i)).toISOString();
        tx.objectStore('candidates').add({ id: `seeded-${i}`, roleId, name: `Candidate ${i}`, notes: '', createdAt: at, updatedAt: at, rev: `1-${'0'.repeat(29)}${String(i).padStart(3, '0')}`, revHistory: [] });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
  await page.reload();
}

test('a long candidates list shows 50 at a time on a tablet, Show more carries keyboard focus on, and a search counts every match', async ({ page }, testInfo) => {
  await page.goto('/');
  await createRole(page);
  await seedCandidates(page, 120);
  await page.getByRole('link', { name: 'Candidates', exact: true }).click();

  const list = page.getByRole('list', { name: 'Candidates' });
  await expect(page.getByText('Showing 50 of 120 candidates')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(50);
  // Most recently changed first.
  await expect(list.getByRole('listitem').first()).toContainText('Candidate 120');
  await expect(list.getByRole('listitem').first()).toContainText(SERVING_ROLE.title);
  const more = page.getByRole('button', { name: 'Show 50 more candidates' });
  const box = await more.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);
  expect(box?.width).toBeGreaterThanOrEqual(44);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, 'the candidates list, first page');
  await page.screenshot({ path: testInfo.outputPath('candidates-first-page.png') });

  await more.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('candidates-show-more.png') });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('listitem')).toHaveCount(100);
  await expect(page.getByText('Showing 100 of 120 candidates')).toBeVisible();
  await expect(list.getByRole('listitem').nth(50).getByRole('link')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(list.getByRole('listitem').nth(51).getByRole('link')).toBeFocused();

  // A search counts over every candidate, not the cards shown, and starts again from the first page.
  await page.getByLabel('Find by name').fill('candidate 11');
  await expect(page.getByText('11 candidates')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(11);
  await page.getByLabel('Find by name').fill('');
  await expect(page.getByText('Showing 50 of 120 candidates')).toBeVisible();
  await page.getByLabel('Find by name').fill('nobody by that name');
  await expect(page.getByRole('heading', { name: 'No candidate matches' })).toBeVisible();
  await expectNoAxeViolations(page, 'the candidates list, no match');
});
