import { expect, test } from '@playwright/test';
import { SERVING_ROLE, addCandidateWithLoop, createRole } from './helpers';

test('a hiring manager sets up a role and a candidate with a loop, and finds both after a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No roles yet' })).toBeVisible();

  await createRole(page);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: SERVING_ROLE.title }) });
  await expect(card).toContainText('Serving & reliability');
  await expect(card).toContainText(SERVING_ROLE.mandate);
  await expect(card).toContainText('0 candidates');

  await addCandidateWithLoop(page, SERVING_ROLE.title, 'Zofia Łukasiewicz', ['Ana Lopez', 'Ben Okafor', 'Chen Wei']);
  await expect(page.getByRole('list', { name: 'Interviews in the loop' }).getByRole('listitem')).toHaveCount(3);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Zofia Łukasiewicz' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Interviews in the loop' }).getByRole('listitem')).toHaveCount(3);

  await page.getByRole('link', { name: 'Roles', exact: true }).click();
  await expect(page.getByRole('link', { name: `1 candidate for ${SERVING_ROLE.title}` })).toBeVisible();
  await page.getByRole('link', { name: 'Candidates', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Zofia Łukasiewicz' })).toBeVisible();
});

test('the role form explains every bad value at its field and saves nothing until fixed', async ({ page }) => {
  await page.goto('/roles/new');
  await page.getByRole('button', { name: 'Create role' }).click();
  await expect(page.getByText('Title is required.')).toBeVisible();
  await expect(page.getByText('Choose the one lane this role is hired for.')).toBeVisible();
  await expect(page.getByLabel('Job title')).toBeFocused();
  await expect(page.getByLabel('Job title')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Job title').fill('x'.repeat(10_000));
  await expect(page.getByText('Title must be at most 120 characters.')).toBeVisible();
  await page.getByLabel('Job title').fill('MLOps Engineer');
  await page.getByRole('radio', { name: /Pipeline owner/ }).check();
  await page.getByLabel('Mandate').fill('Own model promotion pipelines. Cut p99 latency on every endpoint. Stand up the ML platform for a growing team.');
  await expect(page.getByText(/several jobs in one/)).toBeVisible();
  await page.getByRole('radio', { name: 'Mid-level' }).check();
  await page.getByLabel('Minimum').fill('250000');
  await page.getByLabel('Maximum').fill('200000');
  await page.getByRole('button', { name: 'Create role' }).click();
  await expect(page.getByText(/A mandate is one sentence; this reads as 3/)).toBeVisible();
  await expect(page.getByText('The maximum must be at least the minimum.')).toBeVisible();
  await expect(page.getByLabel('Mandate')).toBeFocused();

  await page.getByLabel('Mandate').fill('Own model promotion pipelines and feature reuse.');
  await page.getByLabel('Minimum').fill('200000');
  await page.getByLabel('Maximum').fill('400000');
  await expect(page.getByText(/Part of this band falls outside the 2026 mid-level reference/)).toBeVisible();
  await page.getByLabel('Maximum').fill('225000');
  await expect(page.getByText(/falls outside the 2026/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Create role' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'MLOps Engineer' })).toBeVisible();
});

test('a duplicate interviewer is refused at the field, and a removal can be undone', async ({ page }) => {
  await page.goto('/');
  await createRole(page);
  await addCandidateWithLoop(page, SERVING_ROLE.title, 'Dvořák Ødegaard', ['Ana Lopez']);
  await page.getByLabel('Interviewer name').fill('  ana lopez ');
  await page.getByRole('button', { name: 'Add to loop' }).click();
  await expect(page.getByText('This interviewer is already on the loop: one interview per interviewer.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Interviews in the loop' }).getByRole('listitem')).toHaveCount(1);

  await page.getByRole('button', { name: 'Remove Ana Lopez from the loop' }).click();
  await expect(page.getByText('No interviews planned yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('list', { name: 'Interviews in the loop' }).getByText('Ana Lopez')).toBeVisible();
});
