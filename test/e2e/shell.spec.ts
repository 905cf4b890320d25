import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';

test('the header and the navigation are on screen before the app’s code has run, where the app then draws them', async ({ page }) => {
  // The app's code never arrives: what shows is index.html and its stylesheet alone.
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.goto('/candidates');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Roles', 'Candidates', 'Rubrics', 'Debrief', 'Insights', 'Data']);
  await expect(page.getByRole('link', { name: 'Loopcard home' })).toBeVisible();
  // The same index.html serves every address, so no link is marked current yet.
  await expect(nav.locator('[aria-current]')).toHaveCount(0);
  // The level-one heading is the screen's own, drawn by the app's first render.
  await expectNoAxeViolations(page, 'header before the app’s code', { disableRules: ['page-has-heading-one'] });
  const before = await page.locator('header').boundingBox();
  const linkBefore = await nav.getByRole('link', { name: 'Data' }).boundingBox();

  await page.unroute('**/assets/*.js');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible();
  await expect(page.locator('header')).toHaveCount(1);
  await expect(nav.getByRole('link', { name: 'Candidates' })).toHaveAttribute('aria-current', 'page');
  // The app's header replaces it without moving anything.
  expect(await page.locator('header').boundingBox()).toEqual(before);
  expect(await nav.getByRole('link', { name: 'Data' }).boundingBox()).toEqual(linkBefore);
});
