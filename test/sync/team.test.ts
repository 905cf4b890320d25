import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTeam } from '../tools/team-cli';
import { USER_LOOPS_FIELD } from '../tools/team-admin';
import { createCouchClient } from '../../src/data/sync/couch-client';
import { loopAssignmentOf } from '../../src/domain/sync-docs';
import { startCouch, type CouchServer } from './couch-standin';
import { deviceFetch } from './cookie-fetch';

let server: CouchServer;
let env: Record<string, string>;
beforeAll(async () => {
  server = await startCouch();
  const url = new URL(server.url);
  url.username = server.admin.name;
  url.password = server.admin.password;
  env = { COUCH_URL: url.toString() };
}, 30_000);
afterAll(async () => server.stop());

async function team(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTeam(argv, { env, log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function signIn(user: string, password: string) {
  const client = createCouchClient({ baseUrl: server.url, fetch: deviceFetch() });
  await client.signIn(user, password);
  return client;
}

describe('npm run team', { timeout: 30_000 }, () => {
  it('creates users, prints a made-up password once, and never the admin’s', async () => {
    // A name of its own, so the test also holds on a real CouchDB that has run it before.
    const name = `new-${Math.random().toString(36).slice(2, 8)}`;
    const made = await team('user', name);
    expect(made.code).toBe(0);
    expect(made.out).toContain(`Created the user ${name}.`);
    const password = new RegExp(`Password for ${name} \\(shown once; give it to them privately\\): (\\S+)`).exec(made.out)?.[1];
    expect(password).toBeDefined();
    expect(await (await signIn(name, password ?? '')).sessionUser()).toBe(name);
    expect(made.out).not.toContain(server.admin.password);

    const again = await team('user', name, '--password', 'a-chosen-password');
    expect(again.out).toContain(`Set a new password for the user ${name}.`);
    expect(again.out).not.toContain('a-chosen-password');
    await signIn(name, 'a-chosen-password');
  });

  it('creates a loop database with its members and design document, and says what it did', async () => {
    await team('user', 'zofia', '--password', 'zofias-password');
    await team('user', 'ben', '--password', 'bens-password');
    await team('user', 'lead', '--password', 'leads-password');
    const made = await team('loop', 'Cand-7', '--lead', 'lead', '--slot', 'iv-1=zofia', '--slot', 'iv-2=ben');
    expect(made.code).toBe(0);
    expect(made.out).toBe(
      [
        `Team server: ${server.url}`,
        'Created the database loop-$cand-7.',
        'Members of loop-$cand-7: ben, lead, zofia (lead: lead).',
        'Wrote the design document of loop-$cand-7: iv-1 → zofia, iv-2 → ben.',
        'Listed loop-$cand-7 among the loops of ben.',
        'Listed loop-$cand-7 among the loops of lead.',
        'Listed loop-$cand-7 among the loops of zofia.',
      ].join('\n'),
    );
    // Each member reads the loops they sync from their own user document: no file needed.
    const zofia = deviceFetch();
    await createCouchClient({ baseUrl: server.url, fetch: zofia }).signIn('zofia', 'zofias-password');
    const own = (await (await zofia(`${server.url}/_users/org.couchdb.user:zofia`)).json()) as Record<string, unknown>;
    expect(own[USER_LOOPS_FIELD]).toEqual(['loop-$cand-7']);
    // A new password keeps the list.
    await team('user', 'zofia', '--password', 'zofias-password');
    await createCouchClient({ baseUrl: server.url, fetch: zofia }).signIn('zofia', 'zofias-password');
    const kept = (await (await zofia(`${server.url}/_users/org.couchdb.user:zofia`)).json()) as Record<string, unknown>;
    expect(kept[USER_LOOPS_FIELD]).toEqual(['loop-$cand-7']);
    const ben = await signIn('ben', 'bens-password');
    expect(loopAssignmentOf(await ben.database('loop-$cand-7').get('_design/loopcard'))).toEqual({ candidateId: 'Cand-7', lead: 'lead', slots: { 'iv-1': 'zofia', 'iv-2': 'ben' } });

    const again = await team('loop', 'Cand-7', '--lead', 'lead', '--slot', 'iv-1=zofia', '--slot', 'iv-2=ben', '--slot', 'iv-3=lead');
    expect(again.out).toContain('The database loop-$cand-7 exists; kept its documents.');
    expect(again.out).toContain('Updated the design document of loop-$cand-7: iv-1 → zofia, iv-2 → ben, iv-3 → lead.');

    const removed = await team('delete-loop', 'Cand-7');
    expect(removed.out).toContain('Deleted the database loop-$cand-7.');
    expect(removed.out).toContain('Removed loop-$cand-7 from the loops of zofia.');
    const admin = { headers: server.adminHeaders() };
    const after = (await (await fetch(`${server.url}/_users/org.couchdb.user:zofia`, admin)).json()) as Record<string, unknown>;
    expect(after[USER_LOOPS_FIELD]).toEqual([]);
  });

  it.each([
    [['loop', 'Cand-7'], 'Name the loop’s lead: --lead <user>.'],
    [['loop', 'Cand 7', '--lead', 'lead'], 'The loop: Identifier has characters that are not allowed.'],
    [['loop', 'Cand-7', '--lead', 'Lead Person'], 'The loop: A team-server user name is small letters, digits, dots, dashes or underscores.'],
    [['user', 'Zofia Ł'], 'The user name “Zofia Ł”: A team-server user name is small letters'],
    [['loop', 'Cand-7', '--lead', 'lead', '--slot', 'iv-1'], 'A slot is <interview-id>=<user>, not “iv-1”.'],
    [['user', 'zofia', '--password', 'short'], 'must be at least 8 characters'],
    [['user'], 'Name the user'],
    [['frobnicate'], 'There is no command “frobnicate”.'],
  ])('refuses %j with a plain sentence', async (argv, message) => {
    const answer = await team(...argv);
    expect(answer.code).toBe(1);
    expect(answer.err).toContain(message);
    expect(answer.err).not.toContain('[');
  });

  it('asks for a server when none is given, and for the admin in its address', async () => {
    const none = await runTeam(['user', 'x'], { env: {}, log: () => {}, error: (l) => expect(l).toContain('set COUCH_URL or pass --url') });
    expect(none).toBe(1);
    const anonymous = await runTeam(['user', 'x', '--url', server.url], { env: {}, log: () => {}, error: (l) => expect(l).toContain('admin’s name and password') });
    expect(anonymous).toBe(1);
  });

  it('runs as npm run team does', async () => {
    const { stdout } = await promisify(execFile)('node', ['test/tools/team.mjs', 'user', 'linh', '--password', 'linhs-password'], { env: { ...process.env, ...env } });
    expect(stdout).toMatch(/(Created the user linh|Set a new password for the user linh)\./);
  });
});
