import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { canonicalJson } from '../../src/domain/canonical-json';
import { SCORECARD_FILE_VERSION } from '../../src/domain/scorecard-file';
import { SERVING_ROLE, addCandidateWithLoop, createRole, expectNoAxeViolations, expectNoHorizontalScroll, expectSaved, loadForOffline, rate, setMyName } from './helpers';

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

const CANDIDATE = 'Zofia Łukasiewicz';

async function setUpLoop(page: Page) {
  await loadForOffline(page);
  await createRole(page);
  await addCandidateWithLoop(page, SERVING_ROLE.title, CANDIDATE, ['Ana Lopez', 'Ben Okafor']);
}

async function readDownload(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  // The file is checked field by field below; its shape is what the assertions say.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { name: download.suggestedFilename(), json: JSON.parse(await readFile(path, 'utf8')) as Record<string, any> };
}

test('an interviewer on a tablet with no network scores, survives a reload, submits, amends and exports', async ({ page, context }) => {
  await setUpLoop(page);
  await context.setOffline(true);

  await setMyName(page, 'Ana Lopez');
  await page.getByRole('link', { name: 'Start my interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Scoring ${CANDIDATE}` })).toBeVisible();
  await expect(page.getByText('Walk us through a production ML incident')).toBeVisible();
  await expect(page.getByText('What happened to p99 latency, and how do you watch it?')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, 'scoring screen');

  await page.getByRole('button', { name: 'Start timer' }).click();
  await rate(page, 'Trigger', /3 · Solid/, 'Paged by the p99 alert on the ranking endpoint at 02:10.');
  // The running notes: Enter stamps the line, Alt+1 files it under the first dimension.
  const pad = page.getByRole('textbox', { name: 'Running notes' });
  await pad.fill('rolled back in 6 min');
  await pad.press('Enter');
  await pad.press('Alt+Digit1');
  await expect(page.getByRole('list', { name: 'Running notes filed under Trigger' })).toContainText(/0:0\d rolled back in 6 min/);
  await expect(page.getByText('1 of 5 dimensions rated')).toBeVisible();
  await expectSaved(page);

  // The last keystrokes before a reload survive, even though the autosave has not fired yet.
  const diagnosis = page.getByLabel('Evidence for Diagnosis');
  await diagnosis.fill('Ruled out the feature store; traced it to a stale model version.');
  await diagnosis.press('End');
  await diagnosis.pressSequentially(' Last words');
  await page.reload();
  await expect(page.getByLabel('Evidence for Diagnosis')).toHaveValue('Ruled out the feature store; traced it to a stale model version. Last words');
  await expect(page.getByRole('list', { name: 'Running notes filed under Trigger' })).toContainText('rolled back in 6 min');
  await expectSaved(page);

  // Keyboard: move to a dimension and rate it with a number key.
  await page.getByRole('region', { name: '3. Mitigation' }).focus();
  await page.keyboard.press('2');
  await expect(page.getByRole('region', { name: '3. Mitigation' }).getByRole('radio', { name: /2 · Partial/ })).toBeChecked();
  // The next unanswered dimension comes into view with focus, ready for its level; ] and [ still move.
  await expect(page.getByRole('region', { name: '4. Rollback' })).toBeFocused();
  await page.keyboard.press(']');
  await expect(page.getByRole('region', { name: '5. Prevention' })).toBeFocused();
  await page.keyboard.press('[');
  await expect(page.getByRole('region', { name: '4. Rollback' })).toBeFocused();
  await page.keyboard.press('0');
  await expect(page.getByRole('region', { name: '4. Rollback' }).getByRole('radio', { name: 'Not covered' })).toBeChecked();

  // Submitting too early lists what is missing and focuses the first.
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Before you submit' });
  await expect(summary).toContainText('Diagnosis: choose a level, or mark it not covered.');
  await expect(summary).toContainText('Mitigation: add the evidence behind level 2.');
  await expect(summary).toContainText('Prevention: choose a level, or mark it not covered.');
  await expect(summary).toContainText('Choose an overall recommendation.');
  await expect(page.getByRole('region', { name: '2. Diagnosis' }).getByRole('radio').first()).toBeFocused();

  await rate(page, 'Diagnosis', /3 · Solid/, '');
  await rate(page, 'Mitigation', /2 · Partial/, 'Shed traffic to the fallback model; took 40 minutes.');
  await rate(page, 'Prevention', /3 · Solid/, 'Added a promotion gate on p99 in the canary.');
  await page.getByRole('checkbox', { name: /No personal ownership/ }).check();
  await page.getByLabel('Note on “No personal ownership” (optional)').fill('Said “we” throughout.');
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByLabel('Key takeaways').fill('An operator; رد فعل سريع 👩🏽‍💻');
  await page.getByRole('button', { name: 'Submit scorecard' }).click();

  await expect(page.getByText('Submitted — revision 1')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit scorecard' })).toHaveCount(0);
  await expect(page.getByText(/SHA-256 [0-9a-f]{12}…/)).toBeVisible();
  await expectNoAxeViolations(page, 'submitted scorecard');

  const first = await readDownload(page, () => page.getByRole('button', { name: 'Export scorecard' }).click());
  expect(first.name).toMatch(/^zofia-lukasiewicz-ana-lopez-\d{4}-\d{2}-\d{2}\.loopcard\.json$/);
  expect(first.json).toMatchObject({ format: 'loopcard.scorecard', version: SCORECARD_FILE_VERSION, app: { name: 'Loopcard' } });
  expect(first.json.sha256).toBe(createHash('sha256').update(canonicalJson(first.json.payload)).digest('hex'));
  const payload = first.json.payload;
  expect(payload.candidate.name).toBe(CANDIDATE);
  expect(payload.role.title).toBe(SERVING_ROLE.title);
  expect(payload.rubric).toMatchObject({ id: 'production-incident-review', version: 1 });
  expect(payload.scorecard).toMatchObject({ status: 'submitted', revision: 1, recommendation: 'yes', interviewerName: 'Ana Lopez' });
  expect(payload.scorecard.takeaways).toBe('An operator; رد فعل سريع 👩🏽‍💻');
  expect(payload.scorecard.ratings.map((r: { level: unknown }) => r.level)).toEqual([3, 3, 2, 'not-covered', 3]);
  expect(payload.revisions).toHaveLength(1);

  // Amend: a reason is required; revision 1 is kept as it was.
  await page.getByRole('button', { name: 'Amend' }).click();
  await page.getByRole('button', { name: 'Start revision 2' }).click();
  await expect(page.getByText('Say why you are amending a submitted scorecard.')).toBeVisible();
  await page.getByLabel('Why are you amending it?').fill('Rollback came up in the last five minutes.');
  await page.getByRole('button', { name: 'Start revision 2' }).click();
  await expect(page.getByText('amending revision 1')).toBeVisible();
  await rate(page, 'Rollback', /4 · Exceptional/, 'Registry pin and canary; back in 4 minutes.');
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(page.getByText('Submitted — revision 2')).toBeVisible();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Revision 1');
  await expect(history).toContainText('reason: “Rollback came up in the last five minutes.”');
  await history.getByRole('button', { name: 'View revision 1' }).click();
  await expect(history.getByRole('article', { name: 'Scorecard by Ana Lopez, revision 1' })).toContainText('Not covered');

  const second = await readDownload(page, () => page.getByRole('button', { name: 'Export scorecard' }).click());
  expect(second.json.payload.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
  expect(second.json.payload.revisions[0].contentHash).toBe(payload.scorecard.contentHash);
  expect(second.json.payload.scorecard.amendReason).toBe('Rollback came up in the last five minutes.');
});

test('another interviewer’s scores stay hidden until you submit your own', async ({ page }) => {
  await setUpLoop(page);
  // Ben scores and submits on this device first.
  await setMyName(page, 'Ben Okafor');
  await page.getByRole('link', { name: 'Start my interview' }).click();
  for (const d of ['Trigger', 'Diagnosis', 'Mitigation', 'Rollback', 'Prevention']) await rate(page, d, /1 · No evidence/, `Ben’s secret note on ${d}`);
  await page.getByRole('radio', { name: 'Strong no' }).check();
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(page.getByText('Submitted — revision 1')).toBeVisible();
  await page.getByRole('link', { name: 'See the panel' }).click();

  await setMyName(page, 'Ana Lopez');
  const loop = page.getByRole('list', { name: 'Interviews in the loop' });
  await expect(loop.getByRole('listitem').filter({ hasText: 'Ben Okafor' })).toContainText('Submitted');
  await expect(page.getByRole('link', { name: 'View Ben Okafor’s scorecard' })).toHaveCount(0);
  await expect(page.getByText('Other interviewers’ scorecards stay hidden until you submit yours.')).toBeVisible();
  await expect(page.getByText(/secret note/)).toHaveCount(0);
  await expect(page.getByText('Strong no', { exact: true })).toHaveCount(0);

  await page.getByRole('link', { name: 'Start my interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Scoring ${CANDIDATE}` })).toBeVisible();
  await expect(page.getByText(/secret note/)).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Strong no' })).not.toBeChecked();
  for (const d of ['Trigger', 'Diagnosis', 'Mitigation', 'Rollback', 'Prevention']) await rate(page, d, /3 · Solid/, `Ana on ${d}`);
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await page.getByRole('link', { name: 'See the panel' }).click();
  await page.getByRole('link', { name: 'View Ben Okafor’s scorecard' }).click();
  await expect(page.getByText('Ben’s secret note on Trigger')).toBeVisible();
});

test('a full disk is reported at once, the text stays, a copy can be downloaded, and the save is retried', async ({ page }) => {
  await setUpLoop(page);
  await setMyName(page, 'Ana Lopez');
  await page.getByRole('link', { name: 'Start my interview' }).click();
  await rate(page, 'Trigger', /3 · Solid/, 'Before the disk filled up.');
  await expectSaved(page);

  await page.evaluate(() => {
    const original = IDBObjectStore.prototype.put;
    (window as unknown as Record<string, unknown>).__restorePut = () => {
      IDBObjectStore.prototype.put = original;
    };
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByLabel('Evidence for Trigger').fill('Typed while the disk was full.');
  await expect(page.getByText(/Not saved — This device is out of storage space/)).toBeVisible({ timeout: 2_000 });
  await expect(page.getByLabel('Evidence for Trigger')).toHaveValue('Typed while the disk was full.');

  const copy = await readDownload(page, () => page.getByRole('button', { name: 'Download this scorecard' }).click());
  expect(copy.json.payload.scorecard.ratings[0].evidence).toBe('Typed while the disk was full.');
  expect(copy.json.payload.scorecard.status).toBe('draft');

  await page.evaluate(() => (window as unknown as { __restorePut: () => void }).__restorePut());
  await expectSaved(page);
  await page.reload();
  await expect(page.getByLabel('Evidence for Trigger')).toHaveValue('Typed while the disk was full.');
});

test('two tabs on the same scorecard stay consistent and never overwrite each other silently', async ({ page, context }) => {
  await setUpLoop(page);
  await setMyName(page, 'Ana Lopez');
  await page.getByRole('link', { name: 'Start my interview' }).click();
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);

  await page.getByLabel('Evidence for Trigger').fill('Written in the first tab.');
  await expectSaved(page);
  await expect(other.getByLabel('Evidence for Trigger')).toHaveValue('Written in the first tab.');

  // Both tabs type before either saves: the later one is told, keeps its text, and chooses.
  // Both type at once, for longer than an autosave takes, so each save lands while the other is dirty.
  await Promise.all([
    other.getByLabel('Evidence for Diagnosis').pressSequentially('Second tab text.', { delay: 80 }),
    page.getByLabel('Evidence for Mitigation').pressSequentially('First tab text.', { delay: 80 }),
  ]);
  const conflict = page.getByText('This scorecard was changed in another tab');
  const otherConflict = other.getByText('This scorecard was changed in another tab');
  await expect.poll(async () => (await conflict.isVisible()) || (await otherConflict.isVisible())).toBe(true);
  const loser = (await conflict.isVisible()) ? page : other;
  const winner = loser === page ? other : page;
  // The other tab finishes saving its own last keystrokes first.
  await expectSaved(winner);
  const losersText = loser === page ? ['Evidence for Mitigation', 'First tab text.'] : ['Evidence for Diagnosis', 'Second tab text.'];
  await expect(loser.getByLabel(losersText[0] as string)).toHaveValue(losersText[1] as string);
  await loser.getByRole('button', { name: 'Keep this screen’s version' }).click();
  await expectSaved(loser);
  await expect(winner.getByLabel('Evidence for Trigger')).toHaveValue('Written in the first tab.');
  await expect(winner.getByLabel(losersText[0] as string)).toHaveValue(losersText[1] as string);
});
