import { expect, test } from '@playwright/test';
import { SERVING_ROLE, expectNoAxeViolations, expectNoHorizontalScroll, setMyName } from './helpers';

// A hiring manager plans the loop on a tablet.
test.use({ viewport: { width: 768, height: 1024 } });

test('a role plans three interviews, each interviewer gets the next one, and each scores on their interview’s rubric', async ({ page }) => {
  await page.goto('/roles/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New role' })).toBeVisible();
  await page.getByLabel('Job title').fill(SERVING_ROLE.title);
  await page.getByRole('radio', { name: SERVING_ROLE.lane }).check();
  await page.getByLabel('Mandate').fill(SERVING_ROLE.mandate);
  await page.getByRole('radio', { name: SERVING_ROLE.level }).check();
  await page.getByLabel('Minimum').fill(SERVING_ROLE.min);
  await page.getByLabel('Maximum').fill(SERVING_ROLE.max);

  const plan = page.getByRole('group', { name: 'Loop plan' });
  await expect(plan.getByLabel('Interview 1', { exact: true })).toHaveValue('production-incident-review@1');
  await plan.getByRole('button', { name: 'Add interview' }).click();
  await expect(plan.getByLabel('Interview 2', { exact: true })).toBeFocused();
  await plan.getByLabel('Interview 2', { exact: true }).selectOption({ label: 'ML system design · version 1' });
  await plan.getByRole('button', { name: 'Add interview' }).click();
  await plan.getByLabel('Interview 3', { exact: true }).selectOption({ label: 'Rollback scenario · version 1' });
  await expect(plan.getByRole('listitem')).toHaveCount(3);
  await expectNoAxeViolations(page, 'the role form with a three-interview plan');
  await expectNoHorizontalScroll(page);
  // The first-load notice would cover the plan in the screenshot.
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  if (await dismiss.isVisible()) await dismiss.click();
  await plan.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('role-form-plan-768.png') });

  await page.getByRole('button', { name: 'Create role' }).click();
  await expect(page.getByRole('heading', { level: 3, name: SERVING_ROLE.title })).toBeVisible();

  await page.getByRole('link', { name: `Add a candidate to ${SERVING_ROLE.title}` }).click();
  await page.getByLabel('Candidate name').fill('Zofia Łukasiewicz');
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zofia Łukasiewicz' })).toBeVisible();
  await expect(page.getByText('Every candidate for this role gets the same 3 interviews: Production incident review, ML system design and Rollback scenario.')).toBeVisible();

  const loop = page.getByRole('list', { name: 'Interviews in the loop' });
  const expected = [
    ['Ana Lopez', 'Interview 1 · Production incident review, version 1', 'Production incident review · v1'],
    ['Ben Okafor', 'Interview 2 · ML system design, version 1', 'ML system design · v1'],
    ['Chen Wei', 'Interview 3 · Rollback scenario, version 1', 'Rollback scenario · v1'],
  ] as const;
  for (const [name, slot] of expected) {
    await expect(page.getByLabel('Interview they run').locator('option:checked')).toHaveText(slot);
    await page.getByLabel('Interviewer name').fill(name);
    await page.getByRole('button', { name: 'Add to loop' }).click();
    await expect(loop.getByText(name, { exact: true })).toBeVisible();
  }
  for (const [name, , rubric] of expected) {
    await expect(loop.getByRole('listitem').filter({ hasText: name })).toContainText(rubric);
  }
  await expect(page.getByLabel('Interview they run')).toHaveAccessibleDescription(/Every interview of the plan has an interviewer/);
  await expectNoAxeViolations(page, 'the candidate page with a planned loop');
  await expectNoHorizontalScroll(page);
  await loop.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('candidate-loop-768.png') });

  // The second interviewer opens their interview: the ML system design, not the incident review.
  await page.evaluate(() => window.scrollTo(0, 0));
  await setMyName(page, 'Ben Okafor');
  await page.getByRole('link', { name: 'Start my interview' }).click();
  await expect(page.getByRole('heading', { name: 'The prompt' })).toBeVisible();
  await expect(page.getByText(/^Design one of these two systems/)).toBeVisible();
  for (const [n, dimension] of ['Requirements and constraints', 'Architecture and data flow', 'Capacity and cost', 'Failure modes and observability', 'Rollout and rollback'].entries()) {
    await expect(page.getByRole('region', { name: `${n + 1}. ${dimension}` })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: /\d\. Trigger$/ })).toHaveCount(0);
  await expect(page.getByText('Plan: 55 min')).toBeVisible();
  await page.getByRole('button', { name: 'Start timer' }).click();
  await page.getByText('Agenda', { exact: true }).click();
  const agenda = page.locator('details.agenda ol');
  await expect(agenda.getByRole('listitem')).toHaveText([
    /Introductions and the design prompt\s*5 min/,
    /Requirements and constraints\s*8 min/,
    /Architecture and data flow\s*12 min/,
    /Capacity and cost\s*7 min/,
    /Failure modes and observability\s*10 min/,
    /Rollout and rollback\s*8 min/,
    /The candidate’s questions\s*5 min/,
  ]);
  await page.screenshot({ path: test.info().outputPath('interview-ml-system-design-768.png') });
});
