import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouch, type CouchServer } from './couch-standin';
import { putLoopDatabase, putUser, ensureSystemDatabases, type AdminServer } from '../tools/team-admin';
import { toSyncDoc, type SyncDoc } from '../../src/domain/sync-docs';
import { loopRecords, present, scorecardRecords } from './sync-fixtures';
import { reviseRecord } from '../../src/domain/revision';

/**
 * What the sync suite needs from the team server, asked over plain HTTP: the stand-in
 * (express-pouchdb) must answer as CouchDB 3 does, or the gap is named here.
 */
let server: CouchServer;
let admin: AdminServer;
const db = `loop-standin-${Math.random().toString(36).slice(2, 8)}`;
const candidateId = db.slice('loop-'.length);
const cookies: Record<string, string> = {};

async function as(user: string | null, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { accept: 'application/json', ...(user ? { cookie: cookies[user] ?? '' } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) as Record<string, unknown> & unknown[] };
}

const loop = loopRecords();
const cards = scorecardRecords();
const zofiasFirst = present(cards.scorecardRevisions.find((r) => r.revision === 1));
const docOf = (item: Parameters<typeof toSyncDoc>[0]) => {
  const doc = toSyncDoc(item);
  if (!('_id' in doc)) throw new Error(doc.reason);
  return doc;
};

beforeAll(async () => {
  server = await startCouch();
  admin = { url: server.url, headers: server.adminHeaders() };
  const quiet = () => {};
  await ensureSystemDatabases(admin, quiet);
  for (const user of ['zofia', 'ben', 'lead', 'outsider']) await putUser(admin, user, `secret-${user}-pw`, quiet);
  await putLoopDatabase(admin, { candidateId, lead: 'lead', slots: { 'fx-interview-1': 'zofia', 'fx-interview-2': 'ben' } }, quiet);
  for (const user of ['zofia', 'ben', 'lead', 'outsider']) {
    const response = await fetch(`${server.url}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: user, password: `secret-${user}-pw` }) });
    expect(response.status).toBe(200);
    cookies[user] = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
}, 30_000);
afterAll(async () => server.stop());

describe('the team server the sync tests run against', () => {
  it('signs in by cookie session, and refuses a wrong password', async () => {
    const session = await as('zofia', 'GET', '/_session');
    expect((session.json.userCtx as { name: string }).name).toBe('zofia');
    const wrong = await fetch(`${server.url}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'zofia', password: 'guess' }) });
    expect(wrong.status).toBe(401);
  });

  it('lets members in and refuses a non-member and an anonymous visitor (401 or 403)', async () => {
    expect((await as('zofia', 'GET', `/${db}`)).status).toBe(200);
    expect([401, 403]).toContain((await as('outsider', 'GET', `/${db}`)).status);
    expect([401, 403]).toContain((await as(null, 'GET', `/${db}/_changes`)).status);
  });

  it('takes documents with their own revisions (new_edits false) and runs the design document on each', async () => {
    const role = docOf({ kind: 'role', record: present(loop.roles[0]) });
    const card = docOf({ kind: 'scorecardRevision', record: zofiasFirst });
    const pushed = await as('zofia', 'POST', `/${db}/_bulk_docs`, { new_edits: false, docs: [role, card, { _id: 'junk', _rev: '1-00000000000000000000000000000000', hello: 1 }] });
    expect(pushed.status).toBe(201);
    expect(pushed.json).toEqual([{ id: 'junk', error: 'forbidden', reason: 'Not a Loopcard record.' }]);
    const stored = await as('ben', 'GET', `/${db}/${encodeURIComponent(card._id)}`);
    expect(stored.json._rev).toBe(`1-${present(zofiasFirst.contentHash).slice(0, 32)}`);
  });

  it('refuses a scorecard revision pushed by anyone but its slot’s interviewer', async () => {
    const card = docOf({ kind: 'scorecardRevision', record: present(cards.scorecardRevisions.find((r) => r.revision === 2)) });
    const byBen = await as('ben', 'POST', `/${db}/_bulk_docs`, { new_edits: false, docs: [card] });
    expect(byBen.json).toEqual([{ id: card._id, error: 'forbidden', reason: 'Only the interviewer of this slot may share its scorecard.' }]);
  });

  it('refuses a change to a submitted revision that descends from it', async () => {
    const card = docOf({ kind: 'scorecardRevision', record: zofiasFirst });
    const changed = { ...card, _rev: '2-11111111111111111111111111111111', _revisions: { start: 2, ids: ['11111111111111111111111111111111', card._rev.slice(2)] } };
    const answer = await as('zofia', 'POST', `/${db}/_bulk_docs`, { new_edits: false, docs: [changed] });
    expect(answer.json).toEqual([{ id: card._id, error: 'forbidden', reason: 'A submitted scorecard revision or a rubric version never changes.' }]);
  });

  it('refuses a changed copy of a submitted revision pushed as a branch of its own', async () => {
    const card = docOf({ kind: 'scorecardRevision', record: zofiasFirst });
    const changed: SyncDoc = { ...card, _rev: '1-22222222222222222222222222222222' };
    const answer = await as('zofia', 'POST', `/${db}/_bulk_docs`, { new_edits: false, docs: [changed] });
    expect(answer.json).toEqual([{ id: card._id, error: 'forbidden', reason: expect.any(String) }]);
  });

  it('answers _revs_diff, _changes (all_docs, a _selector filter), _bulk_get and _local documents', async () => {
    const card = docOf({ kind: 'scorecardRevision', record: zofiasFirst });
    const diff = await as('ben', 'POST', `/${db}/_revs_diff`, { [card._id]: [card._rev, '1-33333333333333333333333333333333'] });
    expect(diff.json).toEqual({ [card._id]: { missing: ['1-33333333333333333333333333333333'] } });

    const changes = await as('ben', 'GET', `/${db}/_changes?style=all_docs&since=0`);
    const ids = (changes.json.results as { id: string }[]).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['role:fx-role-1', card._id]));
    expect(typeof changes.json.last_seq === 'string' || typeof changes.json.last_seq === 'number').toBe(true);

    const selected = await as('ben', 'POST', `/${db}/_changes?style=all_docs&since=0&filter=_selector`, { selector: { kind: 'role' } });
    expect((selected.json.results as { id: string }[]).map((c) => c.id)).toEqual(['role:fx-role-1']);

    const got = await as('ben', 'POST', `/${db}/_bulk_get?revs=true`, { docs: [{ id: card._id, rev: card._rev }, { id: 'missing', rev: '1-44444444444444444444444444444444' }] });
    const results = got.json.results as { id: string; docs: ({ ok: SyncDoc } | { error: { error: string } })[] }[];
    expect(results[0]?.docs[0]).toEqual({ ok: expect.objectContaining({ _id: card._id, _rev: card._rev, record: expect.objectContaining({ contentHash: zofiasFirst.contentHash }) }) });
    // CouchDB answers {error: {error: 'not_found'}}; the stand-in {missing: rev}: the client reads both as absent.
    expect(results[1]?.docs[0]).not.toHaveProperty('ok');

    const put = await as('ben', 'PUT', `/${db}/_local/loopcard-test`, { last_seq: changes.json.last_seq });
    expect(put.status).toBe(201);
    const checkpoint = await as('ben', 'GET', `/${db}/_local/loopcard-test`);
    expect(checkpoint.json.last_seq).toEqual(changes.json.last_seq);
  });

  it('keeps the history a replicated edit carries, so edits made apart stay two branches (a conflict)', async () => {
    const role = present(loop.roles[0]);
    const mine = reviseRecord({ ...role, title: 'Mine' }, role);
    const theirs = reviseRecord({ ...role, title: 'Theirs' }, role);
    for (const record of [mine, theirs]) {
      const answer = await as('ben', 'POST', `/${db}/_bulk_docs`, { new_edits: false, docs: [docOf({ kind: 'role', record })] });
      expect(answer.json).toEqual([]);
    }
    const stored = await as('ben', 'GET', `/${db}/role%3Afx-role-1?conflicts=true`);
    expect([stored.json._rev, ...(stored.json._conflicts as string[])].sort()).toEqual([mine.rev, theirs.rev].sort());
  });

  it('answers a longpoll when a change arrives', async () => {
    const head = await as('ben', 'GET', `/${db}/_changes?since=0`);
    const waiting = as('ben', 'GET', `/${db}/_changes?feed=longpoll&style=all_docs&since=${encodeURIComponent(String(head.json.last_seq))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await as('lead', 'POST', `/${db}/_bulk_docs`, { new_edits: false, docs: [docOf({ kind: 'candidate', record: present(loop.candidates[0]) })] });
    const answer = await waiting;
    expect((answer.json.results as { id: string }[]).map((c) => c.id)).toEqual(['candidate:fx-candidate-1']);
  });

  it('with COUCH_URL set, the suite uses that server instead, and clears its loop databases when done', async () => {
    const url = new URL(server.url);
    url.username = server.admin.name;
    url.password = server.admin.password;
    process.env.COUCH_URL = url.toString();
    try {
      const named = await startCouch();
      expect([named.kind, named.url]).toEqual(['couchdb', server.url]);
      await named.stop();
      const left = (await (await fetch(`${server.url}/_all_dbs`, { headers: server.adminHeaders() })).json()) as string[];
      expect(left.filter((name) => name.startsWith('loop-'))).toEqual([]);
      expect(left).toContain('_users');
    } finally {
      delete process.env.COUCH_URL;
    }
  });

  it('signs out: the server clears the session cookie', async () => {
    const out = await fetch(`${server.url}/_session`, { method: 'DELETE', headers: { cookie: cookies.outsider ?? '' } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/AuthSession=;/);
  });
});
