import { expect, test } from '@playwright/test';
import { SERVING_ROLE, addCandidateWithLoop, createRole } from './helpers';

test('after one visit, every screen opens and saves with the network off', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No roles yet' })).toBeVisible();
  // The service worker controls the page from its second load.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No roles yet' })).toBeVisible();

  await createRole(page);
  await addCandidateWithLoop(page, SERVING_ROLE.title, 'Nguyễn Thị Zhōu', ['Ana Lopez', 'Ben Okafor']);
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data on this device' })).toBeVisible();
  await expect(page.getByText('Planned interviews').locator('..')).toContainText('2');

  // A deep link typed while offline falls back to the app shell.
  await page.goto('/candidates');
  await expect(page.getByRole('link', { name: 'Nguyễn Thị Zhōu' })).toBeVisible();
  await page.goto('/roles/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New role' })).toBeVisible();
});
