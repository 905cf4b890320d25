import { expect, test, type Page } from '@playwright/test';
import { SERVING_ROLE, addCandidateWithLoop, createRole, expectNoAxeViolations, expectNoHorizontalScroll, loadForOffline, setMyName } from './helpers';

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

const DIMENSIONS = ['Trigger', 'Diagnosis', 'Mitigation', 'Rollback', 'Prevention'];

/** Taps and page scrolling, counted in the page itself: the interviewer's effort, not the code's. */
async function countEffort(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { effort: { taps: number; scrolled: number; lastY: number } };
    w.effort = { taps: 0, scrolled: 0, lastY: window.scrollY };
    document.addEventListener('click', () => (w.effort.taps += 1), true);
    window.addEventListener('scroll', () => {
      w.effort.scrolled += Math.abs(window.scrollY - w.effort.lastY);
      w.effort.lastY = window.scrollY;
    });
  });
}
const effort = (page: Page) => page.evaluate(() => (window as unknown as { effort: { taps: number; scrolled: number } }).effort);

test('an interviewer on a tablet, offline, runs the interview from the running notes without scrolling to rate', async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date('2026-11-30T09:00:00Z') });
  await loadForOffline(page);
  await createRole(page);
  await addCandidateWithLoop(page, SERVING_ROLE.title, 'Priya Raman', ['Ana Lopez']);
  await setMyName(page, 'Ana Lopez');
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Start my interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scoring Priya Raman' })).toBeVisible();
  await countEffort(page);

  // The seed probe topics appear once for the interview, not under every dimension.
  await expect(page.getByRole('group', { name: 'Probe topics covered in this interview' }).getByRole('checkbox')).toHaveCount(4);
  await expect(page.getByRole('checkbox', { name: 'Rollback plan' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Start timer' }).click();
  // Focus follows to the Pause button that took Start timer's place, never to the page.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
  await expect(page.getByText('Introductions and the incident in brief: 5:00 left')).toBeVisible();
  const pad = page.getByRole('textbox', { name: 'Running notes' });
  const notes: [string, string][] = [
    ['C: "we got paged at 02:10, p99 on ranking went to 900 ms"', 'Trigger'],
    ['C: "we ruled out the feature store, the team traced it to a stale model"', 'Diagnosis'],
    ['C: "we would shed load and we should pin the version, we could roll back"', 'Mitigation'],
    ['C: "the team rolled back to the pinned model in 20 minutes"', 'Rollback'],
    ['C: "we added a canary gate and a postmortem action"', 'Prevention'],
  ];
  for (const [i, [line, dimension]] of notes.entries()) {
    await page.clock.fastForward('04:00');
    await pad.fill(line);
    await pad.press('Enter');
    // One tap files it: the button of that dimension on the line just added.
    await page.getByRole('list', { name: 'Notes so far' }).getByRole('listitem').nth(i).getByRole('button', { name: dimension, exact: true }).click();
    // Its level, in view while the pad is in use: one tap.
    const levels = page.getByRole('region', { name: `${i + 1}. ${dimension}` }).getByRole('group', { name: `Level for ${dimension}` });
    await expect(levels).toBeInViewport();
    await levels.getByRole('radio', { name: /3 · Solid/ }).check();
  }
  await expect(page.getByText('5 of 5 dimensions rated')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath('listening-tablet.png') });

  // Past half of the 50 planned minutes with every dimension written about: no nudge.
  await page.clock.fastForward('10:00');
  await expect(page.getByText(/^Halfway: nothing yet/)).toHaveCount(0);

  // The last level brought the red flags into view: the notes suggest some; one tap raises one, with
  // the phrases as its note.
  const suggestions = page.getByRole('list', { name: 'Suggested from your notes' });
  await expect(suggestions).toContainText('No personal ownership');
  await expect(suggestions).toBeInViewport();
  await suggestions.getByRole('button', { name: /^Raise “No personal ownership/ }).click();
  await expect(page.getByRole('checkbox', { name: /No personal ownership/ })).toBeChecked();
  await expect(page.getByLabel(/^Note on “No personal ownership/)).toHaveValue(/“/);

  // The recommendation, the one thing left, is in view without a jump.
  await expect(page.getByRole('radio', { name: 'No', exact: true })).toBeInViewport();
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await expectNoAxeViolations(page, 'scoring with running notes');
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(page.getByText('Submitted — revision 1')).toBeVisible();
  await expect(page.getByText('Submitted — revision 1')).toBeInViewport();

  const figures = await effort(page);
  // Start timer + 5 tags + 5 levels + 1 red flag + 1 recommendation + 1 submit = 14 taps in all, no
  // jump-bar tap; beyond filing the notes, 9 (the budget is 12 for 5 levels, a red flag, the
  // recommendation and submit). Before the interview kit: 29.
  console.log(`listening on a tablet: ${figures.taps} taps, ${Math.round(figures.scrolled)} px scrolled by the page`);
  testInfo.annotations.push({ type: 'effort', description: JSON.stringify(figures) });
  expect(figures.taps).toBeLessThanOrEqual(14);
});

test('a dimension with nothing written is named at half time, calmly, and the nudge can be dismissed', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-30T09:00:00Z') });
  await page.goto('/');
  await createRole(page);
  await addCandidateWithLoop(page, SERVING_ROLE.title, 'Priya Raman', ['Ana Lopez']);
  await setMyName(page, 'Ana Lopez');
  await page.getByRole('link', { name: 'Start my interview' }).click();
  await page.getByRole('button', { name: 'Start timer' }).click();
  const pad = page.getByRole('textbox', { name: 'Running notes' });
  // A reload in the middle of a line gives the line back.
  await pad.fill('Alert on p99 at 02:10.');
  await page.reload();
  await expect(pad).toHaveValue('Alert on p99 at 02:10.');
  await pad.press('Alt+Digit1');
  await expect(pad).toHaveValue('');
  await page.getByRole('region', { name: '5. Prevention' }).getByRole('radio', { name: 'Not covered' }).check();
  await page.clock.fastForward('26:00');
  await expect(page.getByText('Halfway: nothing yet on Diagnosis, Mitigation, Rollback.')).toBeVisible();
  await expect(page.getByText(/^Mitigation: \d:\d\d left$/)).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await expect(page.getByText(/^Halfway:/)).toHaveCount(0);
  for (const d of DIMENSIONS.slice(1, 4)) await expect(page.getByRole('navigation', { name: 'Jump to' }).getByRole('button', { name: new RegExp(`^${d}: no level, no evidence`) })).toBeVisible();
});
