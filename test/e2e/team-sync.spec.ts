import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { startCouch, type CouchServer } from '../sync/couch-standin';
import { ensureSystemDatabases, putUser } from '../tools/team-admin';
import { runTeam } from '../tools/team-cli';
import { addCandidateWithLoop, createRole, expectNoAxeViolations, rate, setMyName, SERVING_ROLE } from './helpers';

/**
 * Team sync end to end: the production build and the team server (the CouchDB stand-in) behind one
 * origin, as an operator runs them (the web server passes /couchdb/ on to CouchDB). A lead and
 * three interviewers on four devices go from the loop planned to the decision without a file.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = process.env.E2E_DIST ?? 'dist';
const PORT = Number(process.env.E2E_TEAM_PORT ?? (Number(process.env.E2E_PORT ?? 4173) + 1));
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CANDIDATE = 'Rhea Castillo';
const PANEL = [
  { name: 'Karel Dvořák', user: 'karel' },
  { name: 'Ingrid Ødegaard', user: 'ingrid' },
  { name: 'Zhōu Min', user: 'zhou' },
];
const DIMENSIONS = ['Trigger', 'Diagnosis', 'Mitigation', 'Rollback', 'Prevention'];
const password = (user: string) => `${user}-team-password`;

let couch: CouchServer;
let site: PreviewServer;
let adminUrl: string;

test.beforeAll(async () => {
  couch = await startCouch();
  const admin = { url: couch.url, headers: couch.adminHeaders() };
  await ensureSystemDatabases(admin, () => {});
  for (const user of ['lead', ...PANEL.map((p) => p.user)]) await putUser(admin, user, password(user), () => {});
  const withAdmin = new URL(couch.url);
  withAdmin.username = couch.admin.name;
  withAdmin.password = couch.admin.password;
  adminUrl = withAdmin.toString();
  site = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: { outDir: DIST },
    preview: {
      host: '127.0.0.1',
      port: PORT,
      strictPort: true,
      proxy: { '/couchdb': { target: couch.url, changeOrigin: true, rewrite: (path) => path.replace(/^\/couchdb/, '') || '/' } },
    },
  });
});

test.afterAll(async () => {
  await site?.close();
  await couch?.stop();
});

async function device(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: ORIGIN });
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

async function signIn(page: Page, user: string) {
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  const section = page.getByRole('region', { name: 'Team server' });
  await expect(section.getByLabel('Team server address')).toHaveValue('/couchdb/');
  await section.getByLabel('Team-server user name').fill(user);
  await section.getByLabel('Password').fill(password(user));
  await section.getByRole('button', { name: 'Sign in' }).click();
  await expect(section.getByText(`Signed in as ${user}`)).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: /^Team sync: (synced|syncing)/ })).toBeVisible();
}

async function syncNowOnData(page: Page) {
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  const section = page.getByRole('region', { name: 'Team server' });
  await section.getByRole('button', { name: 'Sync now' }).click();
  await expect(section.getByText(/Team sync: synced/)).toBeVisible();
  return section;
}

test('when the session ends, the device says so, is signed out with the address kept, and signs in again', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 768, height: 1024 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, 'ingrid');
  const section = page.getByRole('region', { name: 'Team server' });
  await expect(section.getByText(/Team sync: synced/)).toBeVisible();

  // The session cookie expires (CouchDB's sessions last 10 minutes unless renewed).
  await context.clearCookies();
  await section.getByRole('button', { name: 'Sync now' }).tap();
  await expect(section.getByText(/^Your session with the team server has ended, so nothing was sent or received\. Sign in again/)).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Team sync: signed out, sign in again' })).toBeVisible();
  await expect(section.getByLabel('Team server address')).toHaveValue('/couchdb/');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('team-server-session-ended-tablet.png') });
  await expectNoAxeViolations(page, 'team server, session ended');

  await section.getByLabel('Team-server user name').fill('ingrid');
  await section.getByLabel('Password').fill(password('ingrid'));
  await section.getByRole('button', { name: 'Sign in' }).tap();
  await expect(section.getByText('Signed in as ingrid')).toBeVisible();
  await expect(section.getByText(/Your session with the team server has ended/)).toHaveCount(0);
  await context.close();
});

test('on a tablet the team server section and Sync this loop are clean for axe, with 44 px controls', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  await page.goto('/data');
  const section = page.getByRole('region', { name: 'Team server' });
  await section.getByLabel('Team server address').fill('https://couch.elsewhere.example/');
  await section.getByRole('button', { name: 'Sign in' }).click();
  await expect(section.getByText(/only at this site’s own address/)).toBeVisible();
  await section.getByLabel('Team server address').fill('/couchdb/');
  await section.getByLabel('Team-server user name').fill('lead');
  await section.getByLabel('Password').fill('not-the-password');
  await section.getByRole('button', { name: 'Sign in' }).click();
  await expect(section.getByRole('alert')).toContainText('did not accept this user name and password');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('team-server-refused-tablet.png') });
  await expectNoAxeViolations(page, 'team server, sign-in refused');
  for (const control of await section.locator('input, button').all()) expect((await control.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await section.getByLabel('Password').fill(password('lead'));
  await section.getByRole('button', { name: 'Sign in' }).click();
  await expect(section.getByText('Signed in as lead')).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('team-server-signed-in-tablet.png') });
  await expectNoAxeViolations(page, 'team server, signed in');
  for (const control of await section.getByRole('button').all()) expect((await control.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  const status = page.getByRole('banner').getByRole('link', { name: /^Team sync:/ });
  expect((await status.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);

  await createRole(page);
  await addCandidateWithLoop(page, SERVING_ROLE.title, 'Tablet Candidate', ['Karel Dvořák']);
  const loopSync = page.getByRole('region', { name: 'Sync this loop' });
  await loopSync.getByLabel('Team-server user of Karel Dvořák').fill('Karel D');
  await loopSync.getByLabel('Team-server user of Karel Dvořák').blur();
  await expect(loopSync.getByText('A team-server user name is small letters, digits, dots, dashes or underscores.')).toBeVisible();
  await loopSync.getByLabel('Team-server user of Karel Dvořák').fill('karel');
  await loopSync.getByLabel('Team-server user of Karel Dvořák').blur();
  await loopSync.getByRole('button', { name: 'Sync now' }).click();
  await expect(loopSync.getByLabel('Command for the team server')).toContainText('--slot');
  await loopSync.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('sync-this-loop-tablet.png') });
  await expectNoAxeViolations(page, 'sync this loop, command shown');
  for (const control of await loopSync.locator('input, button').all()) expect((await control.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await context.close();
});

test('a lead and three interviewers on four devices go from the loop planned to the decision with no file carried', async ({ browser }) => {
  test.setTimeout(180_000);
  const started = Date.now();
  const lead = await device(browser);
  const interviewers = await Promise.all(PANEL.map(() => device(browser)));
  // Before anyone signs in there is no team sync in the header.
  await expect(lead.getByRole('banner').getByText(/Team sync/)).toHaveCount(0);

  await signIn(lead, 'lead');
  for (const [i, member] of PANEL.entries()) await signIn(interviewers[i] as Page, member.user);

  // The lead plans the loop in the app.
  await createRole(lead);
  await addCandidateWithLoop(lead, SERVING_ROLE.title, CANDIDATE, PANEL.map((p) => p.name));
  const loopSync = lead.getByRole('region', { name: 'Sync this loop' });
  for (const member of PANEL) {
    await loopSync.getByLabel(`Team-server user of ${member.name}`).fill(member.user);
    await loopSync.getByLabel(`Team-server user of ${member.name}`).blur();
  }
  await loopSync.getByRole('button', { name: 'Sync now' }).click();
  await expect(loopSync.getByText('The team server has no database for this loop yet: give whoever runs it the command below.')).toBeVisible();
  const command = (await loopSync.getByLabel('Command for the team server').textContent()) ?? '';
  expect(command).toMatch(/^npm run team -- loop \S+ --lead lead( --slot \S+=(karel|ingrid|zhou)){3}$/);

  // The operator runs that very command.
  const out: string[] = [];
  const code = await runTeam(command.replace(/^npm run team -- /, '').split(' '), { env: { COUCH_URL: adminUrl }, log: (l) => out.push(l), error: (l) => out.push(l) });
  expect(code, out.join('\n')).toBe(0);

  await loopSync.getByRole('button', { name: 'Sync now' }).click();
  await expect(loopSync.getByRole('status').filter({ hasText: /^Sent \d+ records/ })).toBeVisible();

  // Each interviewer's device receives the loop, and its interviewer scores and submits.
  for (const [i, member] of PANEL.entries()) {
    const page = interviewers[i] as Page;
    const section = await syncNowOnData(page);
    await section.getByRole('list', { name: 'Loops that sync' }).getByRole('link', { name: CANDIDATE }).click();
    await expect(page.getByRole('heading', { level: 1, name: CANDIDATE })).toBeVisible();
    await setMyName(page, member.name);
    await page.getByRole('link', { name: 'Start my interview' }).click();
    for (const d of DIMENSIONS) await rate(page, d, /3 · Solid/, `${member.name} on ${d}: paged, traced, rolled back.`);
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Submit scorecard' }).click();
    await expect(page.getByText('Submitted — revision 1')).toBeVisible();
    await syncNowOnData(page);
  }

  // The lead's device shows the whole panel.
  await syncNowOnData(lead);
  await lead.getByRole('list', { name: 'Loops that sync' }).getByRole('link', { name: CANDIDATE }).click();
  await expect(lead.getByText('3 scorecards submitted on this device.')).toBeVisible();
  await lead.getByRole('link', { name: 'Open the debrief' }).click();
  const matrix = lead.getByRole('table', { name: 'Levels by interviewer and dimension' });
  for (const member of PANEL) await expect(matrix.getByRole('row', { name: new RegExp(member.name) })).toBeVisible();

  for (const d of DIMENSIONS) await lead.getByRole('group', { name: new RegExp(`^${d}`) }).getByRole('radio', { name: '3 · Solid' }).check();
  await lead.getByRole('radio', { name: 'Hire', exact: true }).check();
  await lead.getByLabel('Rationale for the decision').fill('Owned the incident end to end and named the rollback path she built.');
  await lead.getByLabel('Decision-maker').fill('Dana Dvořák');
  await lead.getByLabel('Next step').fill('Offer call on Monday.');
  await lead.getByRole('button', { name: 'Record decision' }).click();
  await expect(lead.getByText('Decision recorded: Hire')).toBeVisible();

  // The decision reaches the team server for the panel's devices too.
  await syncNowOnData(lead);
  await syncNowOnData(interviewers[0] as Page);
  console.log(`team sync, four devices, loop to decision: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
