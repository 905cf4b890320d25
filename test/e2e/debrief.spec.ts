import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { canonicalJson } from '../../src/domain/canonical-json';
import { PACKET_VERSION } from '../../src/domain/packet';
import { addCandidateWithLoop, createRole, expectNoAxeViolations, loadForOffline, rate, setMyName, SERVING_ROLE } from './helpers';

const CANDIDATE = 'Linh Nguyễn';
const PANEL: { name: string; levels: RegExp[]; recommendation: string }[] = [
  { name: 'Karel Dvořák', levels: [/3 · Solid/, /3 · Solid/, /3 · Solid/, /2 · Partial/, /3 · Solid/], recommendation: 'Yes' },
  { name: 'Ingrid Ødegaard', levels: [/3 · Solid/, /4 · Exceptional/, /3 · Solid/, /4 · Exceptional/, /3 · Solid/], recommendation: 'Strong yes' },
  { name: 'Zhōu Min', levels: [/2 · Partial/, /3 · Solid/, /3 · Solid/, /2 · Partial/, /3 · Solid/], recommendation: 'Yes' },
];
const DIMENSIONS = ['Trigger', 'Diagnosis', 'Mitigation', 'Rollback', 'Prevention'];

async function saveDownload(page: Page, click: () => Promise<void>, path: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  await download.saveAs(path);
  return download.suggestedFilename();
}

test('a lead with three scorecard files and no network records a decision and exports a packet that re-imports exactly', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  // The interviewers: one device, each scores and exports their own file.
  const interviewers = await browser.newContext();
  const device = await interviewers.newPage();
  await loadForOffline(device);
  await createRole(device);
  await addCandidateWithLoop(device, SERVING_ROLE.title, CANDIDATE, PANEL.map((p) => p.name));
  const candidateUrl = device.url();
  const files: string[] = [];
  for (const member of PANEL) {
    await device.goto(candidateUrl);
    await setMyName(device, member.name);
    await device.getByRole('link', { name: 'Start my interview' }).click();
    for (const [i, d] of DIMENSIONS.entries()) await rate(device, d, member.levels[i] as RegExp, `${member.name} on ${d}: paged, traced, rolled back.`);
    await device.getByRole('radio', { name: member.recommendation, exact: true }).check();
    await device.getByRole('button', { name: 'Submit scorecard' }).click();
    await expect(device.getByText('Submitted — revision 1')).toBeVisible();
    const path = testInfo.outputPath(`${files.length}.loopcard.json`);
    await saveDownload(device, () => device.getByRole('button', { name: 'Export scorecard' }).click(), path);
    files.push(path);
  }
  await interviewers.close();

  // The lead: another device, offline after the first load, in Berlin with British English.
  const leadContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const lead = await leadContext.newPage();
  await loadForOffline(lead);
  await leadContext.setOffline(true);
  await lead.getByRole('link', { name: 'Debrief', exact: true }).click();
  await expect(lead.getByRole('heading', { name: 'No scorecards gathered yet' })).toBeVisible();
  await expectNoAxeViolations(lead, 'debrief (empty)');

  const truncated = testInfo.outputPath('truncated.loopcard.json');
  await writeFile(truncated, (await readFile(files[0] as string, 'utf8')).slice(0, 500));
  await lead.locator('#gather-files').setInputFiles([...files, truncated]);
  const results = lead.getByRole('table', { name: 'Files gathered' });
  await expect(results.getByRole('row')).toHaveCount(5);
  await expect(results.getByText('Added', { exact: true })).toHaveCount(3);
  await expect(results.getByRole('row').filter({ hasText: 'truncated.loopcard.json' })).toContainText('Refused');
  await expect(results.getByRole('row').filter({ hasText: 'truncated.loopcard.json' })).toContainText('not valid JSON');

  await lead.locator('#gather-files').setInputFiles([files[0] as string]);
  await expect(results.getByText('Already here', { exact: true })).toBeVisible();

  await lead.getByRole('link', { name: CANDIDATE }).click();
  await expect(lead.getByRole('heading', { level: 1, name: CANDIDATE })).toBeVisible();
  const matrix = lead.getByRole('table', { name: 'Levels by interviewer and dimension' });
  await expect(matrix.getByRole('row', { name: /Range/ })).toContainText('Disagreement');
  await lead.getByRole('button', { name: 'Ingrid Ødegaard, Rollback: 4, Exceptional. Show evidence' }).click();
  await expect(lead.getByText('Ingrid Ødegaard on Rollback: paged, traced, rolled back.')).toBeVisible();
  await expectNoAxeViolations(lead, 'debrief panel');

  const consensus: Record<string, string> = { Trigger: '3 · Solid', Diagnosis: '3 · Solid', Mitigation: '3 · Solid', Rollback: '3 · Solid', Prevention: '3 · Solid' };
  for (const [d, level] of Object.entries(consensus)) await lead.getByRole('group', { name: new RegExp(`^${d}`) }).getByRole('radio', { name: level }).check();
  await lead.getByRole('radio', { name: 'Hire', exact: true }).check();
  // The panel said yes: nothing to go against, so a short why will do.
  await expect(lead.getByText('This decision goes against the panel')).toHaveCount(0);
  await lead.getByLabel('Rationale for the decision').fill('Owned the incident end to end; the rollback was hers the second time.');
  await lead.getByLabel('Decision-maker').fill('Dana Dvořák');
  await lead.getByLabel('Next step').fill('Offer call on Monday.');
  await lead.getByRole('button', { name: 'Record decision' }).click();
  await expect(lead.getByText('Rollback: the consensus departs from the panel median, so say why.').first()).toBeVisible();
  await lead.getByLabel(/Rationale for Rollback/).fill('The second rollback used the registry pin; Zhōu heard the first.');
  await lead.getByRole('button', { name: 'Record decision' }).click();
  await expect(lead.getByText('Decision recorded: Hire')).toBeVisible();

  const jsonPath = testInfo.outputPath('packet.loopcard.json');
  expect(await saveDownload(lead, () => lead.getByRole('button', { name: 'Download JSON' }).click(), jsonPath)).toMatch(/^linh-nguyen-decision-packet-\d{4}-\d{2}-\d{2}\.loopcard\.json$/);
  const packet = JSON.parse(await readFile(jsonPath, 'utf8'));
  expect(packet).toMatchObject({ format: 'loopcard.packet', version: PACKET_VERSION });
  expect(packet.sha256).toBe(createHash('sha256').update(canonicalJson(packet.content)).digest('hex'));
  expect(packet.content.debrief).toMatchObject({ decision: 'hire', decisionRationale: 'Owned the incident end to end; the rollback was hers the second time.', decidedBy: 'Dana Dvořák', nextStep: 'Offer call on Monday.' });
  expect(packet.content.scorecards.map((s: { interviewerName: string }) => s.interviewerName)).toEqual(PANEL.map((p) => p.name));
  expect(packet.content.aggregate.byRubric[0].dimensions[3]).toMatchObject({ dimensionKey: 'rollback', median: 2, range: 2, disagreement: true });
  expect(packet.content.role).toMatchObject({ title: SERVING_ROLE.title, lane: 'serving-reliability' });

  const pdfPath = testInfo.outputPath('packet.pdf');
  await saveDownload(lead, () => lead.getByRole('button', { name: 'Download PDF' }).click(), pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  const pageOne = text.split('\f')[0] ?? '';
  expect(pageOne).toContain('Decision: Hire');
  // When, as the lead's device reads it (British English, Berlin's zone named), and why, then who said what.
  expect(pageOne).toMatch(/Decided by Dana Dvořák on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} CES?T\. Next step: Offer call on Monday\./);
  expect(pageOne).toMatch(/Why\s+Owned the incident end to end; the rollback was hers the second time\./);
  expect(pageOne).toContain('Nobody on the panel recommended against this decision.');
  for (const p of PANEL) expect(pageOne).toMatch(new RegExp(`^\\s*${p.name.split(' ')[0]}\\b.*\\b${p.recommendation}\\b`, 'm'));
  expect(pageOne).toMatch(/Rollback\s+3 · Solid\s+2\s+2–4\s+0\s+p\. \d/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  for (const d of DIMENSIONS) expect(text).toContain(d);
  for (const p of PANEL) expect(text).toContain(p.name);
  expect(text).toContain(CANDIDATE);
  expect(text).toMatch(/Page 1 of \d+/);

  const csvPath = testInfo.outputPath('matrix.csv');
  await saveDownload(lead, () => lead.getByRole('button', { name: 'Download matrix (CSV)' }).click(), csvPath);
  const csv = await readFile(csvPath, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Interviewer,Trigger,Diagnosis,Mitigation,Rollback,Prevention,Recommendation');
  expect(csv).toContain('Ingrid Ødegaard,3,4,3,4,3,Strong yes');

  // The lead changes their mind, then the older packet (still "Hire") is gathered again: the newer
  // decision stays, and the summary says so.
  await lead.getByRole('radio', { name: 'No hire', exact: true }).check();
  // Against a panel that said yes: the form says so before the rationale, and asks for the longer why.
  const against = lead.getByRole('status').filter({ hasText: 'This decision goes against the panel' });
  await expect(against).toContainText('3 of 3 interviewers recommended Yes or Strong yes.');
  await expect(against).toContainText('at least 80 characters');
  await lead.getByLabel('Next step').fill('Thank the candidate.');
  await lead.getByRole('button', { name: 'Record decision' }).click();
  const rationale = lead.getByLabel('Rationale for the decision');
  await expect(rationale).toBeFocused();
  await expect(rationale).toHaveAccessibleDescription(/in at least 80 characters \(now 69\)\./);
  await expectNoAxeViolations(lead, 'decision against the panel, rationale too short');
  await rationale.fill('The panel said yes, but the reference call found the second rollback was a colleague’s, not hers; her own rollback was by hand.');
  await lead.getByRole('button', { name: 'Record decision' }).click();
  await expect(lead.getByText('Decision recorded: No hire')).toBeVisible();
  await lead.getByRole('link', { name: 'Debrief', exact: true }).click();
  await lead.locator('#gather-files').setInputFiles([jsonPath]);
  const older = lead.getByRole('table', { name: 'Files gathered' }).getByRole('row').filter({ hasText: 'packet.loopcard.json' });
  await expect(older).toContainText('Kept newer');
  await expect(older).toContainText(`Kept this device’s newer version of the debrief and decision for ${CANDIDATE}; the file’s is older.`);
  await lead.getByRole('link', { name: 'Open the debrief' }).click();
  await expect(lead.getByText('Decision recorded: No hire')).toBeVisible();
  await leadContext.close();

  // The archive: a third device imports the packet and sees the same debrief.
  const archiveContext = await browser.newContext();
  const archive = await archiveContext.newPage();
  await archive.goto('/debrief');
  await archive.locator('#gather-files').setInputFiles([jsonPath]);
  await expect(archive.getByRole('table', { name: 'Files gathered' })).toContainText('the debrief is reproduced here');
  await archive.getByRole('link', { name: 'Open the debrief' }).click();
  await expect(archive.getByText('Decision recorded: Hire')).toBeVisible();
  await expect(archive.getByLabel(/Rationale for Rollback/)).toHaveValue('The second rollback used the registry pin; Zhōu heard the first.');
  const againPath = testInfo.outputPath('again.loopcard.json');
  await saveDownload(archive, () => archive.getByRole('button', { name: 'Download JSON' }).click(), againPath);
  const again = JSON.parse(await readFile(againPath, 'utf8'));
  expect(again.content.debrief).toEqual(packet.content.debrief);
  expect(again.content.scorecards).toEqual(packet.content.scorecards);
  expect(again.content.aggregate).toEqual(packet.content.aggregate);
  await archiveContext.close();
});

test('example data shows a debrief at once and is removed in one click', async ({ page }) => {
  await page.goto('/debrief');
  await page.getByRole('button', { name: 'Explore with example data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Linh Nguyễn (example)' })).toBeVisible();
  await expect(page.getByText('Example data', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Levels by interviewer and dimension' }).getByRole('row', { name: /Range/ })).toContainText('Disagreement');
  await page.getByRole('button', { name: 'Remove example data' }).click();
  await expect(page.getByText('The example data was removed.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No scorecards gathered yet' })).toBeVisible();
  await page.getByRole('link', { name: 'Roles', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No roles yet' })).toBeVisible();
});

test('a shared loop file lets an interviewer on another device score the same interview, and the lead gathers it onto the same candidate', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await manager.goto('/');
  await createRole(manager);
  await addCandidateWithLoop(manager, SERVING_ROLE.title, CANDIDATE, ['Karel Dvořák']);
  const loopPath = testInfo.outputPath('loop.loopcard.json');
  expect(await saveDownload(manager, () => manager.getByRole('button', { name: 'Share loop file' }).click(), loopPath)).toMatch(/^linh-nguyen-loop-\d{4}-\d{2}-\d{2}\.loopcard\.json$/);

  const tabletContext = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
  const tablet = await tabletContext.newPage();
  await tablet.goto('/candidates');
  await tablet.locator('#loop-file').setInputFiles(loopPath);
  await expect(tablet.getByText('Loop imported')).toBeVisible();
  await tablet.getByRole('link', { name: 'Open the candidate' }).click();
  // An interviewer's device: the manager's controls wait behind "Manage loop", and the name is chosen from the loop.
  await expect(tablet.getByRole('button', { name: 'Share loop file' })).toHaveCount(0);
  await expect(tablet.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await expect(tablet.getByRole('button', { name: 'Manage loop' })).toBeVisible();
  await expect(tablet.getByLabel('Your name, as on the loop')).toHaveCount(0);
  await expectNoAxeViolations(tablet, 'candidate on an interviewer’s device');
  await setMyName(tablet, 'Karel Dvořák');
  await tablet.getByRole('link', { name: 'Start my interview' }).click();
  for (const d of DIMENSIONS) await rate(tablet, d, /3 · Solid/, `Karel on ${d}`);
  await tablet.getByRole('radio', { name: 'Yes', exact: true }).check();
  await tablet.getByRole('button', { name: 'Submit scorecard' }).click();
  const cardPath = testInfo.outputPath('karel.loopcard.json');
  await saveDownload(tablet, () => tablet.getByRole('button', { name: 'Export scorecard' }).click(), cardPath);
  await tabletContext.close();

  await manager.getByRole('link', { name: 'Debrief', exact: true }).click();
  await manager.locator('#gather-files').setInputFiles(cardPath);
  await expect(manager.getByRole('table', { name: 'Files gathered' })).toContainText('Added');
  await manager.getByRole('link', { name: 'Candidates', exact: true }).click();
  await expect(manager.getByRole('list', { name: 'Candidates' }).getByRole('listitem')).toHaveCount(1);
  await manager.getByRole('link', { name: CANDIDATE }).click();
  await expect(manager.getByRole('list', { name: 'Interviews in the loop' }).getByRole('listitem').filter({ hasText: 'Karel Dvořák' })).toContainText('Submitted');
  await managerContext.close();
});
