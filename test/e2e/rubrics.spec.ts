import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';

const NEW_PROMPT = 'Walk us through a broken retrain pipeline you personally owned, from the first signal to what changed afterwards.';
const NEW_ANCHOR = 'Names a rollback path but never used it, or cannot say what it cost.';
const OLD_ANCHOR = 'A rollback happened, but by hand or by someone else, and its mechanics are unclear.';
const SHOTS = process.env.E2E_RESULTS ?? 'test-results';

async function tablet(page: Page) {
  await page.setViewportSize({ width: 768, height: 1024 });
}

test('edit the incident rubric as version 2, compare it with version 1, and version 1 stays as shipped', async ({ page }) => {
  await tablet(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Rubrics', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rubrics' })).toBeVisible();
  const library = page.getByRole('list', { name: 'Rubrics' });
  await expect(library.getByRole('listitem')).toHaveCount(3);
  await expect(library.getByRole('listitem').filter({ hasText: 'Production incident review' })).toContainText('Built in');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, 'the rubric library');

  await library.getByRole('link', { name: 'Production incident review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Production incident review · version 1' })).toBeVisible();
  await expect(page.getByText(OLD_ANCHOR)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, 'a rubric version');

  await page.getByRole('button', { name: 'Edit as a new version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New version of Production incident review' })).toBeVisible();
  await page.getByLabel('Prompt').fill(NEW_PROMPT);
  const rollback = page.getByRole('group', { name: 'Dimension 4: Rollback' });
  await rollback.getByLabel('Level 2 · Partial').fill(NEW_ANCHOR);
  await expect(page.getByText(/^Saved \d/)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SHOTS}/rubric-editor-768.png` });
  await expectNoAxeViolations(page, 'the rubric editor');

  // A reload keeps the draft: it was autosaved.
  await page.reload();
  await expect(page.getByLabel('Prompt')).toHaveValue(NEW_PROMPT);

  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Production incident review · version 2' })).toBeVisible();
  await expect(page.getByText(NEW_PROMPT)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Production incident review · version 2 saved.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Versions of this rubric' })).toContainText('based on version 1');
  await page.screenshot({ path: `${SHOTS}/rubric-version-768.png`, fullPage: false });

  // Compare with version 1: the changed anchor is named, with both texts.
  await expect(page.getByLabel('Compare with…')).toHaveValue(/@1$/);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare rubric versions' })).toBeVisible();
  await expect(page.getByText('The scored content differs:')).toBeVisible();
  const changed = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Rollback \(Changed\)/ }) });
  await expect(changed.getByText('Level 2 anchor')).toBeVisible();
  await expect(changed.getByText(OLD_ANCHOR)).toBeVisible();
  await expect(changed.getByText(NEW_ANCHOR)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Prompt changed' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SHOTS}/rubric-compare-768.png`, fullPage: true });
  await expectNoAxeViolations(page, 'the comparison');

  // Version 1 is unchanged.
  await page.getByRole('link', { name: 'Production incident review · version 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Production incident review · version 1' })).toBeVisible();
  await expect(page.getByText(OLD_ANCHOR)).toBeVisible();
  await expect(page.getByText(NEW_PROMPT)).toHaveCount(0);

  // The library shows version 2 as the latest.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rubrics' }).click();
  await expect(page.getByRole('list', { name: 'Rubrics' }).getByRole('listitem').filter({ hasText: 'Production incident review' })).toContainText('Version 2 (2 versions)');
  await page.screenshot({ path: `${SHOTS}/rubric-library-768.png` });
});
