import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouchClient } from '../../src/data/sync/couch-client';
import { SyncError } from '../../src/data/sync/sync-error';
import { toSyncDoc, type SyncDoc, type SyncRecord } from '../../src/domain/sync-docs';
import { describeError } from '../../src/lib/errors';
import { startCouch, type CouchServer } from './couch-standin';
import { deviceFetch } from './cookie-fetch';
import { ensureSystemDatabases, putLoopDatabase, putUser } from '../tools/team-admin';
import { loopRecords, present, scorecardRecords } from './sync-fixtures';

let server: CouchServer;
const suffix = Math.random().toString(36).slice(2, 8);
const candidateId = `client-${suffix}`;
const dbName = `loop-client-${suffix}`;
const loop = loopRecords();
const first = present(scorecardRecords().scorecardRevisions.find((r) => r.revision === 1));
const docOf = (item: SyncRecord): SyncDoc => {
  const doc = toSyncDoc(item);
  if (!('_id' in doc)) throw new Error(doc.reason);
  return doc;
};

beforeAll(async () => {
  server = await startCouch();
  const admin = { url: server.url, headers: server.adminHeaders() };
  const quiet = () => {};
  await ensureSystemDatabases(admin, quiet);
  for (const user of ['zofia', 'outsider']) await putUser(admin, user, `secret-${user}-pw`, quiet);
  await putLoopDatabase(admin, { candidateId, lead: 'zofia', slots: { 'fx-interview-1': 'zofia' } }, quiet);
});
afterAll(async () => server.stop());

async function signedIn(user: string) {
  const fetch = deviceFetch();
  const client = createCouchClient({ baseUrl: server.url, fetch });
  await client.signIn(user, `secret-${user}-pw`);
  return { client, fetch, db: client.database(dbName) };
}

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('Expected the request to fail.');
}

describe('the team-server client', () => {
  it('signs in with a cookie session and out again; a wrong password is said plainly', async () => {
    const fetch = deviceFetch();
    const client = createCouchClient({ baseUrl: `${server.url}/`, fetch });
    expect(await client.sessionUser()).toBeNull();
    const wrong = await failure(client.signIn('zofia', 'not-the-password'));
    expect(wrong.kind).toBe('wrong-password');
    expect(describeError(wrong, 'syncing')).toBe('The team server did not accept this user name and password. Check them and sign in again.');
    expect(await client.signIn('zofia', 'secret-zofia-pw')).toEqual({ name: 'zofia' });
    expect(await client.sessionUser()).toBe('zofia');
    await client.signOut();
    expect(await client.sessionUser()).toBeNull();
  });

  it('pushes documents with their revisions, finds what is missing, and reads changes and documents back', async () => {
    const { db } = await signedIn('zofia');
    const role = docOf({ kind: 'role', record: present(loop.roles[0]) });
    const card = docOf({ kind: 'scorecardRevision', record: first });
    expect(await db.revsDiff({ [role._id]: [role._rev], [card._id]: [card._rev] })).toEqual({ [role._id]: { missing: [role._rev] }, [card._id]: { missing: [card._rev] } });
    expect(await db.bulkDocs([role, card, { _id: 'junk', _rev: '1-00000000000000000000000000000000' }])).toEqual([{ id: 'junk', ok: false, error: 'forbidden', reason: 'Not a Loopcard record.' }]);
    expect(await db.revsDiff({ [role._id]: [role._rev], [card._id]: [card._rev] })).toEqual({});

    const all = await db.changes({ since: '0' });
    expect(all.results.map((r) => r.id)).toEqual(expect.arrayContaining([role._id, card._id]));
    const cards = await db.changes({ since: '0', selector: { kind: 'scorecardRevision' } });
    expect(cards.results.map((r) => r.id)).toEqual([card._id]);
    const later = await db.changes({ since: all.lastSeq });
    expect(later.results).toEqual([]);

    const got = await db.bulkGet([{ id: card._id, rev: card._rev }, { id: 'scorecard:nothing:1', rev: '1-44444444444444444444444444444444' }]);
    expect(got[0]).toEqual(expect.objectContaining({ id: card._id, rev: card._rev, doc: expect.objectContaining({ kind: 'scorecardRevision' }) }));
    expect(got[1]).toEqual(expect.objectContaining({ id: 'scorecard:nothing:1', doc: null }));
    expect(await db.get('_design/loopcard')).toEqual(expect.objectContaining({ loopcard: expect.objectContaining({ candidateId }) }));
    expect(await db.get('role:none')).toBeNull();
  });

  it('keeps a checkpoint in a _local document, and reads a forgotten one as none', async () => {
    const { db } = await signedIn('zofia');
    expect(await db.getLocal('loopcard-device-a')).toBeNull();
    await db.putLocal('loopcard-device-a', { last_seq: '3' });
    await db.putLocal('loopcard-device-a', { last_seq: '7' });
    expect(await db.getLocal('loopcard-device-a')).toEqual(expect.objectContaining({ last_seq: '7' }));
  });

  it('reports a non-member’s refusal, whichever of 401 or 403 the server answers', async () => {
    const { db } = await signedIn('outsider');
    const refused = await failure(db.changes({ since: '0' }));
    expect(refused.kind).toBe('refused');
    expect([401, 403]).toContain(refused.status);
    const anonymous = createCouchClient({ baseUrl: server.url, fetch: deviceFetch() }).database(dbName);
    expect((await failure(anonymous.revsDiff({ a: ['1-00000000000000000000000000000000'] }))).kind).toBe('refused');
  });
});

describe('every failure is one kind of SyncError', () => {
  const answering = (response: () => Response | Promise<Response>) => createCouchClient({ baseUrl: 'http://127.0.0.1:9', fetch: (async () => response()) as typeof fetch, timeoutMs: 50 }).database('loop-x');
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

  it.each([
    ['a server error', () => json({ error: 'internal' }, 500), 'server'],
    ['a gateway error', () => json('<html>Bad gateway</html>', 502), 'server'],
    ['a refusal (401)', () => json({ error: 'unauthorized' }, 401), 'refused'],
    ['a refusal (403)', () => json({ error: 'forbidden' }, 403), 'refused'],
    ['malformed JSON', () => json('{"results": [', 200), 'malformed'],
    ['JSON of the wrong shape', () => json({ results: 'none', last_seq: 1 }), 'malformed'],
    ['an HTML page instead of JSON', () => json('<!doctype html><p>Sign in</p>', 200), 'malformed'],
    ['a body larger than allowed', () => json('x'.repeat(100), 200, { 'content-length': String(64 * 1024 * 1024) }), 'oversized'],
    ['a request too large for the server', () => json({ error: 'too_large' }, 413), 'oversized'],
  ])('%s', async (_what, response, kind) => {
    expect((await failure(answering(response).changes({ since: '0' }))).kind).toBe(kind);
  });

  it('a server that does not answer in time', async () => {
    const slow = createCouchClient({
      baseUrl: 'http://127.0.0.1:9',
      timeoutMs: 30,
      fetch: ((_input: RequestInfo | URL, init?: RequestInit) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch,
    });
    expect((await failure(slow.database('loop-x').changes({ since: '0' }))).kind).toBe('timeout');
  });

  it('a network that is down', async () => {
    const down = createCouchClient({ baseUrl: 'http://127.0.0.1:9' });
    const error = await failure(down.sessionUser());
    expect(error.kind).toBe('offline');
    expect(describeError(error, 'syncing')).toContain('offline or the server is down');
  });

  it('a long answer read whole is still bounded', async () => {
    const client = createCouchClient({ baseUrl: 'http://127.0.0.1:9', maxResponseBytes: 1_000, fetch: (async () => json({ results: [], last_seq: 'x'.repeat(2_000) })) as typeof fetch });
    expect((await failure(client.database('loop-x').changes({ since: '0' }))).kind).toBe('oversized');
  });
});
