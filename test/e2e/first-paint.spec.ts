import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';

// The app's code is held back by routing its requests, which a service worker would answer
// instead; the offline cold start with the service worker is `npm run bench -- coldstart`.
test.use({ serviceWorkers: 'block', viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });

const SNAPSHOT_KEY = 'loopcard:first-screen';
const EXAMPLE_ROLE = 'Senior MLOps Engineer, Serving';

const keptList = (page: Page) => page.evaluate((key) => localStorage.getItem(key), SNAPSHOT_KEY);

/** The example role on the device, and the roles list drawn once with it (so it is kept). */
async function exampleRoleSeen(page: Page) {
  await page.goto('/debrief');
  await page.getByRole('button', { name: 'Explore with example data' }).tap();
  await page.waitForURL(/\/candidates\/[^/]+\/debrief$/);
  await page.getByRole('link', { name: 'Roles', exact: true }).tap();
  await expect(page.getByRole('heading', { level: 3, name: EXAMPLE_ROLE })).toBeVisible();
  await expect.poll(() => keptList(page)).toContain(EXAMPLE_ROLE);
}

/** Layout shifts the page has had since it loaded, summed as CLS counts them. */
const shifts = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().reduce((sum, e) => sum + (e as unknown as { value: number }).value, 0))).observe({
          type: 'layout-shift',
          buffered: true,
        });
        setTimeout(() => resolve(0), 500);
      }),
  );

test('the roles list as last drawn is on screen before the app’s code runs, and the app draws over it without a shift', async ({ page }) => {
  await exampleRoleSeen(page);

  // Without the app's code, the list still shows: the example role, its clock and its links.
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.reload();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();
  await expect(main.getByRole('heading', { level: 3, name: EXAMPLE_ROLE })).toBeVisible();
  await expect(main.getByRole('link', { name: `Add a candidate to ${EXAMPLE_ROLE}` })).toHaveAttribute('href', /^\/candidates\/new\?role=/);
  await expect(main.locator('[data-snapshot]')).toHaveCount(1);
  await expectNoAxeViolations(page, 'the roles list before the app’s code');
  await page.screenshot({ path: test.info().outputPath('roles-from-snapshot-tablet.png') });
  const cardBefore = await main.locator('ul.card-list > li').first().boundingBox();

  // With it, React draws the same list in the same place, and it works.
  await page.unroute('**/assets/*.js');
  await page.reload();
  await expect(main.locator('.screen-body:not([data-snapshot]) ul.card-list > li')).toHaveCount(1);
  await expect(main.locator('[data-snapshot]')).toHaveCount(0);
  expect(await main.locator('ul.card-list > li').first().boundingBox()).toEqual(cardBefore);
  expect(await shifts(page)).toBe(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roles' })).toHaveAttribute('aria-current', 'page');
  await main.getByRole('link', { name: `Add a candidate to ${EXAMPLE_ROLE}` }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Add candidate' })).toBeVisible();
});

test('a change to what the list shows forgets it, so a start never shows an old list', async ({ page }) => {
  await exampleRoleSeen(page);
  await page.getByRole('link', { name: `Add a candidate to ${EXAMPLE_ROLE}` }).tap();
  await page.getByLabel('Candidate name').fill('Ana Pereira');
  await page.getByRole('button', { name: 'Add candidate' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Pereira' })).toBeVisible();
  expect(await keptList(page)).toBeNull();

  // Started again without the app's code: the frame only, no list with yesterday's count.
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.goto('/roles');
  await expect(page.getByRole('link', { name: 'Loopcard home' })).toBeVisible();
  await expect(page.getByRole('main').locator('*')).toHaveCount(0);

  // The app reads the database and shows the new count; the list is kept again as now drawn.
  await page.unroute('**/assets/*.js');
  await page.reload();
  await expect(page.getByRole('link', { name: `2 candidates for ${EXAMPLE_ROLE}` })).toBeVisible();
  await expect.poll(() => keptList(page)).toContain('2 candidates');
});

test('a change made in another tab forgets it too, and the tab showing the list keeps it again as now drawn', async ({ page, context }) => {
  await exampleRoleSeen(page);
  const other = await context.newPage();
  await other.goto('/roles');
  await other.getByRole('link', { name: `Add a candidate to ${EXAMPLE_ROLE}` }).tap();
  await other.getByLabel('Candidate name').fill('Ana Pereira');
  await other.getByRole('button', { name: 'Add candidate' }).tap();
  await expect(other.getByRole('heading', { level: 1, name: 'Ana Pereira' })).toBeVisible();

  // The first tab's list follows the change, and what it keeps is the list with the new count.
  await expect(page.getByRole('link', { name: `2 candidates for ${EXAMPLE_ROLE}` })).toBeVisible();
  await expect.poll(() => keptList(page)).toContain('2 candidates');
  expect(await keptList(page)).not.toContain('>1 candidate<');
});

test('a tab left as it opened follows a change made in another tab', async ({ page, context }) => {
  await exampleRoleSeen(page);
  // Opened and not touched: it shows the list read at start, without the database's code.
  const untouched = await context.newPage();
  await untouched.goto('/roles');
  await expect(untouched.getByRole('link', { name: `1 candidate for ${EXAMPLE_ROLE}` })).toBeVisible();

  await page.getByRole('link', { name: `Add a candidate to ${EXAMPLE_ROLE}` }).tap();
  await page.getByLabel('Candidate name').fill('Ana Pereira');
  await page.getByRole('button', { name: 'Add candidate' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Pereira' })).toBeVisible();

  await expect(untouched.getByRole('link', { name: `2 candidates for ${EXAMPLE_ROLE}` })).toBeVisible();
});
