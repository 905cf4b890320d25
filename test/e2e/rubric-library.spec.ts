import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PACKET_VERSION } from '../../src/domain/packet';
import { SERVING_ROLE, expectNoAxeViolations, expectNoHorizontalScroll, loadForOffline, rate, setMyName } from './helpers';

/** The frozen scorecard file scored on the incident review as shipped (version 1): Zofia rated Rollback 3 · Solid. */
const SCORECARD_V4 = fileURLToPath(new URL('../fixtures/scorecard-v4.loopcard.json', import.meta.url));

const CANDIDATE = 'Mateus Oliveira';
const NEW_PROMPT = 'Walk us through a broken retrain pipeline you personally owned, from the first signal to what changed afterwards.';
// Rollback, level 3: the anchor version 2 changes (the frozen version 1 scorecard is rated at this level).
const OLD_ANCHOR = 'Describes a real rollback mechanism, that they used it, and how long it took.';
const NEW_ANCHOR = 'Rolled back through the registry or the router themselves, and can say how long it took and what it restored.';

const INCIDENT_V2 = 'Production incident review · version 2';
const DESIGN_V1 = 'ML system design · version 1';
const SCENARIO_V1 = 'Rollback scenario · version 1';

type Member = { name: string; slot: string; rubric: string; dimensions: string[]; levels: (3 | 4)[]; recommendation: 'Yes' | 'Strong yes' };
const PANEL: Member[] = [
  {
    name: 'Ana Lopez',
    slot: 'Interview 1 · Production incident review, version 2',
    rubric: INCIDENT_V2,
    dimensions: ['Trigger', 'Diagnosis', 'Mitigation', 'Rollback', 'Prevention'],
    levels: [3, 3, 4, 3, 3],
    recommendation: 'Yes',
  },
  {
    name: 'Ben Okafor',
    slot: 'Interview 2 · ML system design, version 1',
    rubric: DESIGN_V1,
    dimensions: ['Requirements and constraints', 'Architecture and data flow', 'Capacity and cost', 'Failure modes and observability', 'Rollout and rollback'],
    levels: [4, 3, 3, 3, 4],
    recommendation: 'Strong yes',
  },
  {
    name: 'Chen Wei',
    slot: 'Interview 3 · Rollback scenario, version 1',
    rubric: SCENARIO_V1,
    dimensions: ['Detection', 'Decision to roll back', 'Rollback mechanics', 'Verification', 'Follow-up'],
    levels: [3, 4, 3, 3, 3],
    recommendation: 'Yes',
  },
];
const LEVEL_NAME = { 3: '3 · Solid', 4: '4 · Exceptional' } as const;

const TABLET = { viewport: { width: 768, height: 1024 } } as const;

async function saveDownload(page: Page, click: () => Promise<void>, path: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  await download.saveAs(path);
}

/** One interviewer's tablet: offline after the first load, the loop file in, their interview scored and exported. */
async function scoreOnOwnDevice(browser: Browser, loopPath: string, member: Member, outputPath: (name: string) => string) {
  const context = await browser.newContext({ ...TABLET, hasTouch: true });
  const page = await context.newPage();
  await loadForOffline(page);
  await context.setOffline(true);

  await page.getByRole('link', { name: 'Candidates', exact: true }).click();
  await page.locator('#loop-file').setInputFiles(loopPath);
  await expect(page.getByText('Loop imported')).toBeVisible();
  await page.getByRole('link', { name: 'Open the candidate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CANDIDATE })).toBeVisible();
  await setMyName(page, member.name);
  await page.getByRole('link', { name: 'Start my interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Scoring ${CANDIDATE}` })).toBeVisible();

  // Their slot's rubric, and no other's.
  for (const [n, dimension] of member.dimensions.entries()) await expect(page.getByRole('region', { name: `${n + 1}. ${dimension}` })).toBeVisible();
  for (const other of PANEL.filter((m) => m !== member)) await expect(page.getByRole('region', { name: `1. ${other.dimensions[0]}` })).toHaveCount(0);

  const isIncident = member.rubric === INCIDENT_V2;
  if (isIncident) {
    await expect(page.getByText(NEW_PROMPT)).toBeVisible();
    const rollback = page.getByRole('region', { name: '4. Rollback' });
    const show = rollback.getByRole('button', { name: 'Show anchors' });
    if (await show.isVisible()) await show.click();
    await expect(rollback.getByText(NEW_ANCHOR)).toBeVisible();
    await expect(rollback.getByText(OLD_ANCHOR)).toHaveCount(0);
  }

  for (const [i, dimension] of member.dimensions.entries()) {
    await rate(page, dimension, new RegExp(LEVEL_NAME[member.levels[i] as 3 | 4]), `${member.name} on ${dimension}: named the signal, the owner and the minutes it took.`);
  }
  await page.getByRole('radio', { name: member.recommendation, exact: true }).check();
  await expect(page.getByText('5 of 5 dimensions rated')).toBeVisible();

  if (isIncident) {
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'the scoring screen on the incident review, version 2');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: outputPath('scoring-incident-v2-768.png') });
    await page.getByRole('region', { name: '4. Rollback' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: outputPath('scoring-incident-v2-rollback-768.png') });
  }

  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(page.getByText('Submitted — revision 1')).toBeVisible();
  const path = outputPath(`${member.name.toLowerCase().replace(/ /g, '-')}.loopcard.json`);
  await saveDownload(page, () => page.getByRole('button', { name: 'Export scorecard' }).click(), path);
  await context.close();
  return path;
}

test('an adapted incident rubric and two more from the library make a three-interview loop, scored offline on three tablets; the packet names each rubric version, and an older scorecard keeps version 1’s anchors', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const out = (name: string) => testInfo.outputPath(name);

  // The lead's device: the incident rubric edited as version 2 (prompt and one anchor).
  const leadContext = await browser.newContext(TABLET);
  const lead = await leadContext.newPage();
  await lead.goto('/');
  await lead.getByRole('link', { name: 'Rubrics', exact: true }).click();
  await lead.getByRole('list', { name: 'Rubrics' }).getByRole('link', { name: 'Production incident review' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Production incident review · version 1' })).toBeVisible();
  await expect(lead.getByText(OLD_ANCHOR)).toBeVisible();
  await lead.getByRole('button', { name: 'Edit as a new version' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'New version of Production incident review' })).toBeVisible();
  await lead.getByLabel('Prompt').fill(NEW_PROMPT);
  await lead.getByRole('group', { name: 'Dimension 4: Rollback' }).getByLabel('Level 3 · Solid').fill(NEW_ANCHOR);
  await expect(lead.getByText(/^Saved \d/)).toBeVisible();
  await lead.getByRole('button', { name: 'Save version' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: INCIDENT_V2 })).toBeVisible();
  await expect(lead.getByText(NEW_ANCHOR)).toBeVisible();

  // A role whose loop plan is the incident review (version 2), ML system design and the rollback scenario.
  await lead.goto('/roles/new');
  await expect(lead.getByRole('heading', { level: 1, name: 'New role' })).toBeVisible();
  await lead.getByLabel('Job title').fill(SERVING_ROLE.title);
  await lead.getByRole('radio', { name: SERVING_ROLE.lane }).check();
  await lead.getByLabel('Mandate').fill(SERVING_ROLE.mandate);
  await lead.getByRole('radio', { name: SERVING_ROLE.level }).check();
  await lead.getByLabel('Minimum').fill(SERVING_ROLE.min);
  await lead.getByLabel('Maximum').fill(SERVING_ROLE.max);
  const plan = lead.getByRole('group', { name: 'Loop plan' });
  await plan.getByLabel('Interview 1', { exact: true }).selectOption({ label: INCIDENT_V2 });
  await plan.getByRole('button', { name: 'Add interview' }).click();
  await plan.getByLabel('Interview 2', { exact: true }).selectOption({ label: DESIGN_V1 });
  await plan.getByRole('button', { name: 'Add interview' }).click();
  await plan.getByLabel('Interview 3', { exact: true }).selectOption({ label: SCENARIO_V1 });
  await lead.getByRole('button', { name: 'Create role' }).click();
  await expect(lead.getByRole('heading', { name: SERVING_ROLE.title, exact: true })).toBeVisible();

  // A candidate with three interviewers, each given the next interview of the plan.
  await lead.getByRole('link', { name: `Add a candidate to ${SERVING_ROLE.title}` }).click();
  await lead.getByLabel('Candidate name').fill(CANDIDATE);
  await lead.getByRole('button', { name: 'Add candidate' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: CANDIDATE })).toBeVisible();
  const loop = lead.getByRole('list', { name: 'Interviews in the loop' });
  for (const member of PANEL) {
    await expect(lead.getByLabel('Interview they run').locator('option:checked')).toHaveText(member.slot);
    await lead.getByLabel('Interviewer name').fill(member.name);
    await lead.getByRole('button', { name: 'Add to loop' }).click();
    await expect(loop.getByText(member.name, { exact: true })).toBeVisible();
  }
  await expect(loop.getByRole('listitem').filter({ hasText: 'Ana Lopez' })).toContainText('Production incident review · v2');
  const loopPath = out('loop.loopcard.json');
  await saveDownload(lead, () => lead.getByRole('button', { name: 'Share loop file' }).click(), loopPath);

  // Three interviewers, three tablets, no network.
  const files: string[] = [];
  for (const member of PANEL) files.push(await scoreOnOwnDevice(browser, loopPath, member, out));

  // The lead gathers the three files: three matrices, each headed with its rubric version.
  await lead.getByRole('link', { name: 'Debrief', exact: true }).click();
  await lead.locator('#gather-files').setInputFiles(files);
  const gathered = lead.getByRole('table', { name: 'Files gathered' });
  await expect(gathered.getByText('Added', { exact: true })).toHaveCount(3);
  await lead.getByRole('link', { name: CANDIDATE }).click();
  await expect(lead.getByRole('heading', { level: 1, name: CANDIDATE })).toBeVisible();
  await expect(lead.getByRole('table', { name: /^Levels by interviewer and dimension/ })).toHaveCount(3);
  for (const member of PANEL) {
    await expect(lead.getByRole('heading', { level: 3, name: `${member.rubric} — scored by ${member.name}` })).toBeVisible();
    await expect(lead.getByRole('table', { name: `Levels by interviewer and dimension: ${member.rubric}` }).getByRole('columnheader')).toHaveText(['Interviewer', ...member.dimensions, 'Recommendation']);
  }
  // The version 2 anchor is what Ana's Rollback 3 reads against.
  await lead.getByRole('button', { name: 'Ana Lopez, Rollback: 3, Solid. Show evidence' }).click();
  await expect(lead.getByRole('region', { name: 'Ana Lopez on Rollback' })).toContainText(NEW_ANCHOR);

  // A consensus per dimension of each rubric (the panel's level: one scorecard per rubric), then the decision.
  for (const member of PANEL) {
    for (const [i, dimension] of member.dimensions.entries()) {
      await lead.getByRole('group', { name: `${dimension} (${member.rubric})`, exact: true }).getByRole('radio', { name: LEVEL_NAME[member.levels[i] as 3 | 4] }).check();
    }
  }
  await lead.getByRole('radio', { name: 'Hire', exact: true }).check();
  await lead.getByLabel('Decision-maker').fill('Dana Dvořák');
  await lead.getByLabel('Next step').fill('Offer call on Monday.');
  // The decision's own why, where the form asks for it.
  const why = lead.getByRole('form', { name: 'Decision' }).getByRole('textbox', { name: /rationale|why/i });
  if ((await why.count()) > 0) await why.fill('Solid or better on every dimension of all three interviews, and the panel recommends hiring.');
  await lead.getByRole('button', { name: 'Record decision' }).click();
  await expect(lead.getByText('Decision recorded: Hire')).toBeVisible();
  await expectNoHorizontalScroll(lead);
  for (const box of await lead.locator('.matrix-wrap').all()) expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(lead, 'the debrief of a loop on three rubrics');
  await lead.evaluate(() => window.scrollTo(0, 0));
  await lead.screenshot({ path: out('debrief-three-rubrics-768.png') });
  await lead.screenshot({ path: out('debrief-three-rubrics-768-full.png'), fullPage: true });

  // The packet: JSON names each rubric version, and every scorecard is on one of them.
  const jsonPath = out('packet.loopcard.json');
  await saveDownload(lead, () => lead.getByRole('button', { name: 'Download JSON' }).click(), jsonPath);
  const packet = JSON.parse(await readFile(jsonPath, 'utf8'));
  expect(packet).toMatchObject({ format: 'loopcard.packet', version: PACKET_VERSION });
  const rubrics: { id: string; version: number; lineage: string; title: string; prompt: string }[] = packet.content.rubrics;
  expect(rubrics.map((r) => `${r.lineage} ${r.version}`)).toEqual(['production-incident-review 2', 'ml-system-design 1', 'rollback-scenario 1']);
  const incident = rubrics[0];
  expect(incident?.id).not.toBe('production-incident-review');
  expect(incident?.prompt).toBe(NEW_PROMPT);
  expect(rubrics.slice(1).map((r) => r.id)).toEqual(['ml-system-design', 'rollback-scenario']);
  const revisions: { interviewerName: string; rubric: { id: string; version: number } }[] = packet.content.scorecards.flatMap((s: { revisions: unknown[] }) => s.revisions);
  expect(revisions).toHaveLength(3);
  for (const r of revisions) expect(rubrics.some((rubric) => rubric.id === r.rubric.id && rubric.version === r.rubric.version), `${r.interviewerName}’s rubric is in the packet`).toBe(true);
  expect(revisions.find((r) => r.interviewerName === 'Ana Lopez')?.rubric).toEqual({ id: incident?.id, version: 2 });
  expect(packet.content.debrief).toMatchObject({ decision: 'hire', decidedBy: 'Dana Dvořák' });

  // The PDF says which rubric version each score came from.
  const pdfPath = out('packet.pdf');
  await saveDownload(lead, () => lead.getByRole('button', { name: 'Download PDF' }).click(), pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const line of ['Scored on Production incident review, version 2', 'Scored on ML system design, version 1', 'Scored on Rollback scenario, version 1']) expect(text).toContain(line);

  // An older scorecard, scored on version 1, still reads against version 1's anchors on this device.
  await lead.getByRole('link', { name: 'Debrief', exact: true }).click();
  await lead.locator('#gather-files').setInputFiles(SCORECARD_V4);
  await expect(lead.getByRole('table', { name: 'Files gathered' }).getByRole('row').filter({ hasText: 'scorecard-v4.loopcard.json' })).toContainText('Added');
  await lead.getByRole('link', { name: 'Priya Raman' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  await lead.getByRole('button', { name: 'Zofia Łukasiewicz, Rollback: 3, Solid. Show evidence' }).click();
  const older = lead.getByRole('region', { name: 'Zofia Łukasiewicz on Rollback' });
  await expect(older).toContainText(OLD_ANCHOR);
  await expect(older).not.toContainText(NEW_ANCHOR);
  await leadContext.close();
});
