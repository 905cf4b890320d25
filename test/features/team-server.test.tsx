import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataPage } from '../../src/features/data/data-page';
import { Layout } from '../../src/app/layout';
import { createDb } from '../../src/data/db';
import { createRepositories } from '../../src/data/repositories';
import { createCouchClient } from '../../src/data/sync/couch-client';
import { syncLoopOnce } from '../../src/data/sync/replicator';
import type { SyncEnvironment } from '../../src/data/sync/sync-service';
import { RepositoriesProvider } from '../../src/lib/repositories-context';
import { startCouch, type CouchServer } from '../sync/couch-standin';
import { deviceFetch, failing } from '../sync/cookie-fetch';
import { FIXTURE_CANDIDATE } from '../sync/sync-fixtures';
import { ensureSystemDatabases, putLoopDatabase, putUser } from '../tools/team-admin';
import loopV4 from '../fixtures/loop-v4.loopcard.json?raw';

let server: CouchServer;
let counter = 0;

beforeEach(async () => {
  server = await startCouch();
  const admin = { url: server.url, headers: server.adminHeaders() };
  const quiet = () => {};
  await ensureSystemDatabases(admin, quiet);
  for (const user of ['zofia', 'lead', 'ben']) await putUser(admin, user, `secret-${user}-pw`, quiet);
}, 30_000);
afterEach(async () => server.stop());

/** The browser's online and visibility events, driven by the test. */
function fakeEnvironment() {
  const state = { online: true, hidden: false };
  const handlers = new Map<string, Set<() => void>>();
  const fire = (event: string) => handlers.get(event)?.forEach((h) => h());
  const environment: SyncEnvironment = {
    onLine: () => state.online,
    hidden: () => state.hidden,
    listen: (event, handler) => {
      const set = handlers.get(event) ?? new Set();
      set.add(handler);
      handlers.set(event, set);
      return () => set.delete(handler);
    },
  };
  return {
    environment,
    offline: () => ((state.online = false), fire('offline')),
    online: () => ((state.online = true), fire('online')),
    hide: () => ((state.hidden = true), fire('visibilitychange')),
    show: () => ((state.hidden = false), fire('visibilitychange')),
  };
}

/** The Data screen on a device of its own, talking to the stand-in through a fetch that keeps the cookie. */
function renderDevice(fetch: typeof globalThis.fetch = deviceFetch()) {
  counter += 1;
  const db = createDb(`team-server-test-${counter}-${Math.random().toString(36).slice(2)}`);
  const env = fakeEnvironment();
  const repos = createRepositories(db, { teamTransport: { fetch, baseUrlOf: () => server.url, environment: env.environment } });
  window.history.replaceState(null, '', '/data');
  const utils = render(
    <RepositoriesProvider repositories={repos}>
      <DataPage />
    </RepositoriesProvider>,
  );
  return { ...utils, db, repos, env, fetch };
}

async function signIn(user: string, password: string) {
  const u = userEvent.setup();
  const section = await screen.findByRole('region', { name: 'Team server' });
  await u.type(await within(section).findByLabelText('Team-server user name'), user);
  await u.type(within(section).getByLabelText('Password'), password);
  await u.click(within(section).getByRole('button', { name: 'Sign in' }));
  return { u, section };
}

/** The lead's device puts the fixture loop on the server, as the lead's "Sync now" does. */
async function leadSharesLoop() {
  const admin = { url: server.url, headers: server.adminHeaders() };
  await putLoopDatabase(admin, { candidateId: FIXTURE_CANDIDATE, lead: 'lead', slots: { 'fx-interview-1': 'zofia' } }, () => {});
  const db = createDb(`team-server-lead-${Math.random().toString(36).slice(2)}`);
  const repos = createRepositories(db);
  const outcome = await repos.imports.importFile('loop-v4.loopcard.json', loopV4);
  expect(outcome.outcome).not.toBe('rejected');
  const client = createCouchClient({ baseUrl: server.url, fetch: deviceFetch() });
  await client.signIn('lead', 'secret-lead-pw');
  await syncLoopOnce({ db, client, candidateId: FIXTURE_CANDIDATE, user: 'lead', replicationId: 'lead-laptop', now: () => new Date() });
}

/** A device with no screen: its own database and session, syncing the fixture loop. */
async function headlessDevice(user: string, withLoopFile: boolean) {
  const db = createDb(`team-server-${user}-${Math.random().toString(36).slice(2)}`);
  const repos = createRepositories(db);
  if (withLoopFile) expect((await repos.imports.importFile('loop-v4.loopcard.json', loopV4)).outcome).not.toBe('rejected');
  const client = createCouchClient({ baseUrl: server.url, fetch: deviceFetch() });
  await client.signIn(user, `secret-${user}-pw`);
  const sync = () => syncLoopOnce({ db, client, candidateId: FIXTURE_CANDIDATE, user, replicationId: `${user}-device`, now: () => new Date() });
  return { db, repos, sync };
}

describe('Data → Team server', { timeout: 30_000 }, () => {
  it('with no team server configured, asks nothing of anyone', async () => {
    const spy = vi.fn<typeof fetch>(() => Promise.reject(new Error('no request may be made')));
    const globalSpy = vi.spyOn(globalThis, 'fetch');
    renderDevice(spy);
    const section = await screen.findByRole('region', { name: 'Team server' });
    expect(await within(section).findByLabelText('Team server address')).toHaveValue('/couchdb/');
    expect(within(section).getByRole('button', { name: 'Sign in' })).toBeEnabled();
    // Let any pass that might start run its course.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(spy).not.toHaveBeenCalled();
    expect(globalSpy).not.toHaveBeenCalled();
    globalSpy.mockRestore();
  });

  it('refuses a wrong password, another site, and an empty name in plain sentences, and keeps nothing', async () => {
    const { db } = renderDevice();
    const u = userEvent.setup();
    const section = await screen.findByRole('region', { name: 'Team server' });
    await u.click(await within(section).findByRole('button', { name: 'Sign in' }));
    expect(within(section).getByLabelText('Team-server user name')).toHaveAccessibleDescription(/Enter your team-server user name/);
    expect(within(section).getByLabelText('Password')).toHaveAccessibleDescription(/Enter your team-server password/);

    const address = within(section).getByLabelText('Team server address');
    await u.clear(address);
    await u.type(address, 'https://couch.elsewhere.example/');
    await u.type(within(section).getByLabelText('Team-server user name'), 'zofia');
    await u.type(within(section).getByLabelText('Password'), 'wrong-password');
    await u.click(within(section).getByRole('button', { name: 'Sign in' }));
    expect(address).toHaveAccessibleDescription(/only at this site’s own address/);

    await u.clear(address);
    await u.type(address, '/couchdb/');
    await u.click(within(section).getByRole('button', { name: 'Sign in' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent('The team server did not accept this user name and password. Check them and sign in again.');
    expect(await db.settings.get('teamServer')).toBeUndefined();
  });

  it('signs in, lists the loops the server names for the user with what the pass did, and signs out', async () => {
    await leadSharesLoop();
    const { db } = renderDevice();
    const { u, section } = await signIn('zofia', 'secret-zofia-pw');
    const loops = await within(section).findByRole('list', { name: 'Loops that sync' });
    await waitFor(() => expect(within(loops).getByRole('listitem')).toHaveTextContent(/^Priya Raman \(you interview\): Nothing new to send; received 5 records \(5 new, 0 updated\)\.$/));
    expect(within(section).getByText(/Team sync: synced just now/)).toBeInTheDocument();
    // The loop is on this device, as if its file had come: an interviewer's device for it.
    expect(await db.candidates.get(FIXTURE_CANDIDATE)).toEqual(expect.objectContaining({ name: 'Priya Raman' }));
    expect((await db.settings.get('receivedLoops'))?.value).toEqual([FIXTURE_CANDIDATE]);
    // The password is not kept anywhere on the device.
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('secret-zofia-pw');
    expect((await db.settings.get('teamServer'))?.value).toEqual({ address: '/couchdb/', user: 'zofia' });

    await u.click(within(section).getByRole('button', { name: 'Sign out' }));
    expect(await within(section).findByText('Signed out of the team server. Nothing more is sent until you sign in again.')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect((await db.settings.get('teamServer'))?.value).toEqual({ address: '/couchdb/', user: null });
  });

  it('says so when the session has ended, signs this device out keeping the address, and syncs again once signed in', async () => {
    await leadSharesLoop();
    const fetch = deviceFetch();
    const { db } = renderDevice(fetch);
    const { u, section } = await signIn('zofia', 'secret-zofia-pw');
    await within(section).findByText(/Team sync: synced just now/);

    // The session cookie expires: to the server this device is now a stranger, whose own list of loops is empty.
    fetch.dropSessionCookie();
    await u.click(within(section).getByRole('button', { name: 'Sync now' }));
    expect(await within(section).findByText(/Your session with the team server has ended, so nothing was sent or received\. Sign in again/)).toBeInTheDocument();
    expect(within(section).queryByText(/Signed in as/)).not.toBeInTheDocument();
    expect(within(section).getByLabelText('Team server address')).toHaveValue('/couchdb/');
    expect((await db.settings.get('teamServer'))?.value).toEqual({ address: '/couchdb/', user: null });

    await u.type(within(section).getByLabelText('Team-server user name'), 'zofia');
    await u.type(within(section).getByLabelText('Password'), 'secret-zofia-pw');
    await u.click(within(section).getByRole('button', { name: 'Sign in' }));
    await within(section).findByText(/Team sync: synced just now/);
    expect(within(section).queryByText(/Your session with the team server has ended/)).not.toBeInTheDocument();
    const loops = await within(section).findByRole('list', { name: 'Loops that sync' });
    await waitFor(() => expect(within(loops).getByRole('listitem')).toHaveTextContent(/^Priya Raman \(you interview\)/));
  });

  it('signed out from another tab, shows the sign-in form without an earlier pass’s error', async () => {
    const fetch = deviceFetch();
    const { db } = renderDevice(fetch);
    const { u, section } = await signIn('zofia', 'secret-zofia-pw');
    await within(section).findByText(/Team sync: synced just now/);
    fetch.fault(failing('/_users/', () => new Response(JSON.stringify({ error: 'internal_server_error' }), { status: 500 })));
    await u.click(within(section).getByRole('button', { name: 'Sync now' }));
    await within(section).findByText(/Team sync: error: The team server had a problem/, {}, { timeout: 15_000 });
    fetch.fault(null);

    await db.settings.put({ key: 'teamServer', value: { address: '/couchdb/', user: null } });
    await u.click(within(section).getByRole('button', { name: 'Sync now' }));
    await within(section).findByRole('button', { name: 'Sign in' });
    expect(within(section).queryByText(/The team server had a problem/)).not.toBeInTheDocument();
    expect(within(section).queryByText(/Your session with the team server has ended/)).not.toBeInTheDocument();
  });

  it('goes offline when the device does, makes no request while offline, and syncs again when back', async () => {
    const fetch = deviceFetch();
    const { env } = renderDevice(fetch);
    const { section } = await signIn('zofia', 'secret-zofia-pw');
    await within(section).findByText(/Team sync: synced just now/);
    env.offline();
    await within(section).findByText(/Team sync: offline/);
    const before = fetch.requests.length;
    await userEvent.setup().click(within(section).getByRole('button', { name: 'Sync now' }));
    expect(fetch.requests.length).toBe(before);
    env.online();
    await within(section).findByText(/Team sync: synced just now/);
    expect(fetch.requests.length).toBeGreaterThan(before);
  });

  it('pauses while the page is hidden, asking nothing of the server, and syncs again when it is shown', async () => {
    const fetch = deviceFetch();
    const { env } = renderDevice(fetch);
    const { u, section } = await signIn('zofia', 'secret-zofia-pw');
    await within(section).findByText(/Team sync: synced just now/);
    env.hide();
    await within(section).findByText(/Team sync: paused while Loopcard is in the background/);
    const before = fetch.requests.length;
    await u.click(within(section).getByRole('button', { name: 'Sync now' }));
    expect(fetch.requests.length).toBe(before);
    env.show();
    await within(section).findByText(/Team sync: synced just now/);
    expect(fetch.requests.length).toBeGreaterThan(before);
  });

  it('reopens the database after the browser closed it, and goes on syncing', async () => {
    const { db } = renderDevice();
    const { u, section } = await signIn('zofia', 'secret-zofia-pw');
    await within(section).findByText(/Team sync: synced just now/);
    await leadSharesLoop();
    db.close({ disableAutoOpen: false });
    await u.click(within(section).getByRole('button', { name: 'Sync now' }));
    const loops = await within(section).findByRole('list', { name: 'Loops that sync' });
    await waitFor(() => expect(within(loops).getByRole('listitem')).toHaveTextContent(/Priya Raman \(you interview\)/));
    expect(db.isOpen()).toBe(true);
  });

  it('a debrief changed on two devices apart shows under Changes to review with both versions, from the team server, and the choice settles it', async () => {
    await putLoopDatabase({ url: server.url, headers: server.adminHeaders() }, { candidateId: FIXTURE_CANDIDATE, lead: 'lead', slots: { 'fx-interview-1': 'zofia', 'fx-interview-2': 'ben' } }, () => {});
    const lead = await headlessDevice('lead', true);
    await lead.repos.debriefs.saveConsensus(FIXTURE_CANDIDATE, [{ dimensionKey: 'trigger', level: 3, rationale: '' }]);
    await lead.sync();
    const ben = await headlessDevice('ben', false);
    await ben.sync();
    await lead.repos.debriefs.saveConsensus(FIXTURE_CANDIDATE, [{ dimensionKey: 'trigger', level: 4, rationale: 'The lead’s view.' }]);
    await ben.repos.debriefs.saveConsensus(FIXTURE_CANDIDATE, [{ dimensionKey: 'trigger', level: 2, rationale: 'Ben’s view.' }]);
    await lead.sync();
    expect((await ben.sync()).pulled.conflict).toBe(1);

    window.history.replaceState(null, '', '/data');
    render(
      <RepositoriesProvider repositories={ben.repos}>
        <DataPage />
      </RepositoriesProvider>,
    );
    const changes = await screen.findByRole('list', { name: 'Changes to review' });
    const item = within(changes).getByRole('listitem');
    expect(item).toHaveTextContent(/From the team server, received/);
    const table = within(item).getByRole('table', { name: /^Differences: / });
    expect(within(table).getByRole('columnheader', { name: 'the team server' })).toBeInTheDocument();
    expect(table).toHaveTextContent('Ben’s view.');
    expect(table).toHaveTextContent('The lead’s view.');
    await userEvent.setup().click(within(item).getByRole('button', { name: 'Use the other version' }));
    expect(await screen.findByText(/kept the version from the team server\.$/)).toBeInTheDocument();
    expect(await ben.db.conflicts.count()).toBe(0);
    expect(JSON.stringify(await ben.db.debriefs.toArray())).toContain('The lead’s view.');
  });

  it('the header says nothing of team sync on a device without a team server, and shows its status with a link once one is used', async () => {
    const fetch = deviceFetch();
    counter += 1;
    const db = createDb(`team-server-header-${counter}-${Math.random().toString(36).slice(2)}`);
    const env = fakeEnvironment();
    const repos = createRepositories(db, { teamTransport: { fetch, baseUrlOf: () => server.url, environment: env.environment } });
    window.history.replaceState(null, '', '/data');
    render(
      <RepositoriesProvider repositories={repos}>
        <Layout />
      </RepositoriesProvider>,
    );
    const banner = screen.getByRole('banner');
    await screen.findByRole('region', { name: 'Team server' });
    expect(within(banner).queryByText(/Team sync/)).toBeNull();
    expect(fetch.requests).toEqual([]);

    await signIn('zofia', 'secret-zofia-pw');
    const status = await within(banner).findByRole('link', { name: 'Team sync: synced just now' });
    expect(status).toHaveAttribute('href', '/data#team-server');
    env.offline();
    await within(banner).findByRole('link', { name: 'Team sync: offline' });
    env.online();
    await within(banner).findByRole('link', { name: 'Team sync: synced just now' });
  });
});
