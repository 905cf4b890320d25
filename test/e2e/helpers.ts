import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Fails with the list of violations, so a report says what to fix. */
export async function expectNoAxeViolations(page: Page, context: string, { disableRules = [] }: { disableRules?: string[] } = {}) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).disableRules(disableRules).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

export type RoleDetails = { title: string; lane: RegExp; mandate: string; level: 'Mid-level' | 'Senior'; min: string; max: string };

export const SERVING_ROLE: RoleDetails = {
  title: 'Senior MLOps Engineer, Serving',
  lane: /Serving & reliability/,
  mandate: 'Migrate model serving off Flask, improve autoscaling, and cut p99 latency.',
  level: 'Senior',
  min: '240000',
  max: '310000',
};

export async function createRole(page: Page, role: RoleDetails = SERVING_ROLE) {
  await page.getByRole('link', { name: 'Roles', exact: true }).click();
  await page.getByRole('link', { name: /set up your first role|new role/i }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New role' })).toBeVisible();
  await page.getByLabel('Job title').fill(role.title);
  await page.getByRole('radio', { name: role.lane }).check();
  await page.getByLabel('Mandate').fill(role.mandate);
  await page.getByRole('radio', { name: role.level }).check();
  await page.getByLabel('Minimum').fill(role.min);
  await page.getByLabel('Maximum').fill(role.max);
  await page.getByRole('button', { name: 'Create role' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: role.title })).toBeVisible();
}

export async function addCandidateWithLoop(page: Page, roleTitle: string, name: string, interviewers: string[]) {
  await page.getByRole('link', { name: `Add a candidate to ${roleTitle}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add candidate' })).toBeVisible();
  await page.getByLabel('Candidate name').fill(name);
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  for (const interviewer of interviewers) {
    await page.getByLabel('Interviewer name').fill(interviewer);
    await page.getByRole('button', { name: 'Add to loop' }).click();
    await expect(page.getByRole('list', { name: 'Interviews in the loop' }).getByText(interviewer, { exact: true })).toBeVisible();
  }
}

/** Loads the app and waits until the service worker controls the page, so it keeps working offline. */
export async function loadForOffline(page: Page) {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

export async function setMyName(page: Page, name: string) {
  await expect(page.getByRole('heading', { name: 'You, on this device' })).toBeVisible();
  const change = page.getByRole('button', { name: 'Change name' });
  if (await change.isVisible()) await change.click();
  // A device that received the loop as a file offers the loop's names; elsewhere the name is typed.
  const chooser = page.getByRole('group', { name: 'I am…' });
  if (await chooser.isVisible()) {
    await chooser.getByRole('button', { name, exact: true }).click();
  } else {
    await page.getByLabel('Your name, as on the loop').fill(name);
    await page.getByRole('button', { name: 'Save name' }).click();
  }
  await expect(page.getByText(`Scoring as ${name}.`)).toBeVisible();
}

/** Rates one dimension by tapping its level and types its evidence. */
export async function rate(page: Page, dimension: string, level: RegExp, evidence: string) {
  const section = page.getByRole('region', { name: new RegExp(`^\\d\\. ${dimension}$`) });
  await section.getByRole('radio', { name: level }).check();
  if (evidence) await section.getByLabel(`Evidence for ${dimension}`).fill(evidence);
}

export async function expectSaved(page: Page) {
  await expect(page.getByText(/^Saved \d/)).toBeVisible();
}
