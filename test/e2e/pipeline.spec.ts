import { expect, test, type Page } from '@playwright/test';
import { SERVING_ROLE, createRole, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';

const DIMENSIONS = ['Trigger', 'Diagnosis', 'Mitigation', 'Rollback', 'Prevention'];

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}-768x1024.png`), fullPage: true });
}

test('a hire whose offer is accepted closes the role’s search, shown apart from the open searches with its weeks', async ({ page }) => {
  test.setTimeout(120_000);
  // The example role opened on 19 October 2026 with a 6-week target; the offer comes five weeks later.
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto('/');
  await createRole(page);

  await page.getByRole('link', { name: 'Debrief', exact: true }).click();
  await page.getByRole('button', { name: 'Explore with example data' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Decision', exact: true })).toBeVisible();
  for (const d of DIMENSIONS) {
    const level = d === 'Rollback' ? '2 · Partial' : '3 · Solid';
    await page.getByRole('group', { name: new RegExp(`^${d}`) }).getByRole('radio', { name: level }).check();
  }
  await page.getByRole('radio', { name: 'Hire', exact: true }).check();
  const rationale = page.getByLabel('Rationale for the decision');
  if (await rationale.isVisible()) {
    await rationale.fill('Strong on diagnosis and mitigation; the rollback consensus of 2 is a coaching point, not a blocker, since the registry pin exists and they used it once.');
  }
  await page.getByLabel('Decision-maker').fill('Dana Dvořák');
  await page.getByLabel('Next step').fill('Offer call on Monday.');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText('Decision recorded: Hire')).toBeVisible();

  // The candidates list shows the stage.
  await page.getByRole('link', { name: 'Candidates', exact: true }).click();
  const card = page.getByRole('list', { name: 'Candidates' }).getByRole('listitem').filter({ hasText: 'Linh Nguyễn' });
  await expect(card).toContainText('Stage: Decided: hire');
  await card.getByRole('link').click();

  // The candidate page: two explicit actions, then the search closes.
  const stage = page.getByRole('region', { name: 'Stage' });
  await expect(stage.getByText('Decided: hire')).toBeVisible();
  const answer = stage.getByRole('group', { name: 'The candidate’s answer to the offer' });
  await answer.getByRole('button', { name: 'Offer accepted' }).click();
  await expect(stage.getByRole('status')).toContainText('Offer accepted: recorded. The role’s search is closed.');
  await expect(answer.getByRole('button', { name: 'Offer accepted' })).toHaveAttribute('aria-pressed', 'true');
  await expect(stage).toContainText('Role search: Closed in 5 weeks — within the 4–7 week window, 1 week before the 6-week target.');
  await expectNoAxeViolations(page, 'candidate page with an accepted offer');
  await expectNoHorizontalScroll(page);
  await stage.scrollIntoViewIfNeeded();
  await shoot(page, 'candidate-offer');

  // The roles list: the new role is open, the example role closed, in two sections.
  await page.getByRole('link', { name: 'Roles', exact: true }).click();
  const open = page.getByRole('list', { name: 'Open searches' });
  const closed = page.getByRole('list', { name: 'Closed searches' });
  await expect(open.getByRole('heading', { level: 3, name: SERVING_ROLE.title, exact: true })).toBeVisible();
  await expect(open).toContainText('Week 1 of 6');
  await expect(closed.getByRole('heading', { level: 3, name: /Senior MLOps Engineer, Serving/ })).toBeVisible();
  await expect(closed).toContainText('Closed in 5 weeks — within the 4–7 week window, 1 week before the 6-week target.');
  await expect(open).not.toContainText('Closed in');
  await expectNoAxeViolations(page, 'roles list with open and closed searches');
  await expectNoHorizontalScroll(page);
  await shoot(page, 'roles-list');

  // The closed role's own page says so too.
  await closed.getByRole('link', { name: /^Edit / }).click();
  await expect(page.getByRole('region', { name: 'Search' })).toContainText('Closed in 5 weeks');
  await expectNoAxeViolations(page, 'role page of a closed search');
});

test('the role form compares a euro total-cash band only through the rate and factor typed, on a tablet', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto('/roles/new');
  await page.getByRole('radio', { name: 'Senior' }).check();
  await page.getByLabel('Minimum').fill('230000');
  await page.getByLabel('Maximum').fill('320000');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('The band covers').selectOption('Total cash');
  const maximum = page.getByLabel('Maximum');
  await expect(maximum).toHaveAccessibleDescription(/base salary only, and this band covers total cash: no comparison is made\. .*this band is in EUR: no comparison is made\./);
  await page.getByLabel('US dollars per 1 EUR').fill('1.08');
  await page.getByLabel('Compare with base salary ×').fill('1.15');
  await expect(page.getByText(/EUR band converted at 1 EUR = 1\.08 USD: \$248K–\$346K\. Total cash compared with base × 1\.15: \$270K–\$374K\./)).toBeVisible();
  await expect(maximum).toHaveAccessibleDescription('Part of this band falls outside the 2026 senior reference as total cash (base × 1.15) of $270K–$374K.');
  await expectNoAxeViolations(page, 'role form with a euro total-cash band');
  await expectNoHorizontalScroll(page);
  await page.getByRole('group', { name: 'Compensation band' }).screenshot({ path: test.info().outputPath('comp-check-768x1024.png') });
});
