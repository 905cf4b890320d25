import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCouchClient } from '../../src/data/sync/couch-client';
import { SyncError } from '../../src/data/sync/sync-error';
import { checkpointKey, syncLoopOnce, type ReplicatorOptions } from '../../src/data/sync/replicator';
import { loopDatabaseName, pullSelector, toSyncDoc } from '../../src/domain/sync-docs';
import { hashedContent } from '../../src/domain/scorecard-rules';
import { sha256OfCanonical } from '../../src/domain/hash';
import { describeError } from '../../src/lib/errors';
import type { LoopcardDb } from '../../src/data/db';
import { freshDb } from '../helpers/db';
import { startCouch, type CouchServer } from './couch-standin';
import { deviceFetch, failing } from './cookie-fetch';
import { ensureSystemDatabases, putLoopDatabase, putUser } from '../tools/team-admin';
import { FIXTURE_CANDIDATE, present } from './sync-fixtures';

const NOW = new Date('2026-11-02T09:00:00.000Z');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const DB = loopDatabaseName(FIXTURE_CANDIDATE);
let server: CouchServer;

beforeEach(async () => {
  server = await startCouch();
  const admin = { url: server.url, headers: server.adminHeaders() };
  const quiet = () => {};
  await ensureSystemDatabases(admin, quiet);
  for (const user of ['zofia', 'ben', 'lead', 'outsider']) await putUser(admin, user, `secret-${user}-pw`, quiet);
  await putLoopDatabase(admin, { candidateId: FIXTURE_CANDIDATE, lead: 'lead', slots: { 'fx-interview-1': 'zofia', 'fx-interview-2': 'ben', 'fx-interview-3': 'ben' } }, quiet);
}, 30_000);
afterEach(async () => server.stop());


/** A device: its own database, its own session as `user`, and the files it was given. */
async function device(user: string, files: string[] = []) {
  const { db, repos } = freshDb({ now: NOW });
  for (const file of files) {
    const outcome = await repos.imports.importFile(file, fixture(file));
    expect(outcome.outcome, outcome.detail).not.toBe('rejected');
  }
  const fetch = deviceFetch();
  const client = createCouchClient({ baseUrl: server.url, fetch });
  await client.signIn(user, `secret-${user}-pw`);
  const waits: number[] = [];
  const replicationId = `${user}-${Math.random().toString(36).slice(2, 8)}`;
  const sync = (extra: Partial<ReplicatorOptions> = {}) =>
    syncLoopOnce({ db, client, candidateId: FIXTURE_CANDIDATE, user, replicationId, now: () => NOW, sleep: async (ms) => void waits.push(ms), ...extra });
  return { db, repos, client, fetch, waits, sync };
}

/** Everything a device holds of the loop, to compare two devices. */
async function holdings(db: LoopcardDb) {
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    roles: sorted(await db.roles.toArray()),
    candidates: sorted(await db.candidates.toArray()),
    interviews: sorted(await db.interviews.toArray()),
    scorecardRevisions: sorted(await db.scorecardRevisions.toArray()),
    debriefs: sorted(await db.debriefs.toArray()),
  };
}
const counts = async (db: LoopcardDb) => ({ candidates: await db.candidates.count(), interviews: await db.interviews.count(), revisions: await db.scorecardRevisions.count(), scorecards: await db.scorecards.count(), debriefs: await db.debriefs.count(), conflicts: await db.conflicts.count() });

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('Expected the pass to fail.');
}

// Each test starts a server and signs devices in: seconds on a slow machine.
describe('one pass of sync per loop', { timeout: 30_000 }, () => {
  it('brings two devices to the same records: the interviewer’s scorecard reaches the lead, the lead’s debrief reaches the interviewer', async () => {
    const zofia = await device('zofia', ['loop-v4.loopcard.json', 'scorecard-v4.loopcard.json']);
    const lead = await device('lead');
    const pushed = await zofia.sync();
    expect(pushed.refused).toEqual([]);
    expect(pushed.pushed).toBe(8); // rubric, role, candidate, three interviews, two revisions

    const pulled = await lead.sync();
    expect(pulled.refused).toEqual([]);
    expect(pulled.pulled).toEqual(expect.objectContaining({ add: 7, same: 1 })); // the built-in rubric is on every device
    expect(await holdings(lead.db)).toEqual(await holdings(zofia.db));
    const card = present(await lead.db.scorecards.get(present((await zofia.db.scorecards.toArray())[0]).id));
    expect(card).toEqual(expect.objectContaining({ status: 'submitted', revision: 2 }));

    await lead.repos.debriefs.saveConsensus(FIXTURE_CANDIDATE, [{ dimensionKey: 'trigger', level: 3, rationale: 'Paged within minutes.' }]);
    expect((await lead.sync()).pushed).toBe(1);
    const back = await zofia.sync();
    expect(back.pulled.add).toBe(1);
    expect(await holdings(zofia.db)).toEqual(await holdings(lead.db));

    // Nothing new: a pass moves nothing.
    const quiet = await zofia.sync();
    expect([quiet.pushed, quiet.pulled.add, quiet.pulled.update, quiet.pulled.conflict]).toEqual([0, 0, 0, 0]);
  });

  it('the same scorecard pushed from two devices is one document, never a conflict', async () => {
    const laptop = await device('zofia', ['loop-v4.loopcard.json', 'scorecard-v4.loopcard.json']);
    const tablet = await device('zofia', ['loop-v4.loopcard.json', 'scorecard-v4.loopcard.json']);
    expect((await laptop.sync()).pushed).toBe(8);
    const second = await tablet.sync();
    expect(second.pushed).toBe(0);
    expect(second.pulled.conflict).toBe(0);
    const revision = present(await laptop.db.scorecardRevisions.toArray())[0];
    const id = `scorecard:${present(revision).id}:${present(revision).revision}`;
    const stored = (await (await fetch(`${server.url}/${DB}/${encodeURIComponent(id)}?conflicts=true`, { headers: server.adminHeaders() })).json()) as Record<string, unknown>;
    expect(stored._conflicts).toBeUndefined();
    const lead = await device('lead');
    await lead.sync();
    expect((await counts(lead.db)).conflicts).toBe(0);
  });

  it('a debrief edited on two devices apart surfaces as a conflict to choose, on both', async () => {
    const lead = await device('lead', ['loop-v4.loopcard.json']);
    await lead.repos.debriefs.saveConsensus(FIXTURE_CANDIDATE, [{ dimensionKey: 'trigger', level: 3, rationale: '' }]);
    await lead.sync();
    const ben = await device('ben');
    await ben.sync();
    expect(await ben.db.debriefs.count()).toBe(1);

    await lead.repos.debriefs.saveConsensus(FIXTURE_CANDIDATE, [{ dimensionKey: 'trigger', level: 4, rationale: 'The lead’s view.' }]);
    await ben.repos.debriefs.saveConsensus(FIXTURE_CANDIDATE, [{ dimensionKey: 'trigger', level: 2, rationale: 'Ben’s view.' }]);
    await lead.sync();
    const bens = await ben.sync();
    expect(bens.pulled.conflict).toBe(1);
    const conflict = present((await ben.db.conflicts.toArray())[0]);
    expect(conflict).toEqual(expect.objectContaining({ table: 'debriefs', source: 'the team server' }));
    expect(JSON.stringify(conflict.incoming)).toContain('The lead’s view.');
    expect(JSON.stringify(await ben.db.debriefs.toArray())).toContain('Ben’s view.');

    const leads = await lead.sync();
    expect(leads.pulled.conflict).toBe(1);
    expect(JSON.stringify((await lead.db.conflicts.toArray())[0]?.incoming)).toContain('Ben’s view.');

    // Ben chooses the lead's version: the choice descends from both and reaches the lead as newer.
    await ben.repos.imports.resolveConflict(conflict.id, 'theirs');
    const chosen = present((await ben.db.debriefs.toArray())[0]);
    expect((await ben.sync()).pushed).toBe(2); // the choice, and the deleted end of the branch it closes
    const settled = await lead.sync();
    expect(settled.pulled).toEqual(expect.objectContaining({ update: 1, conflict: 0 }));
    expect(await lead.db.debriefs.get(chosen.id)).toEqual(chosen);
    expect(JSON.stringify(chosen)).toContain('The lead’s view.');
    // The server keeps no conflict for what was decided.
    const stored = (await (await fetch(`${server.url}/${DB}/debrief%3A${chosen.id}?conflicts=true`, { headers: server.adminHeaders() })).json()) as Record<string, unknown>;
    expect(stored._rev).toBe(chosen.rev);
    expect(stored._conflicts).toBeUndefined();
    expect((await lead.sync()).refused).toEqual([]);
  });

  it('passes over a branch the server closed by deletion', async () => {
    const lead = await device('lead', ['loop-v4.loopcard.json']);
    const first = await lead.repos.debriefs.saveConsensus(FIXTURE_CANDIDATE, [{ dimensionKey: 'trigger', level: 3, rationale: '' }]);
    const second = await lead.repos.debriefs.saveConsensus(FIXTURE_CANDIDATE, [{ dimensionKey: 'trigger', level: 4, rationale: '' }]);
    await lead.sync();
    const closed = '2-abababababababababababababababab';
    expect(await lead.client.database(DB).bulkDocs([{ _id: `debrief:${first.id}`, _rev: closed, _deleted: true, _revisions: { start: 2, ids: [closed.slice(2), first.rev.slice(2)] } }])).toEqual([]);
    const ben = await device('ben');
    const pass = await ben.sync();
    expect(pass.refused).toEqual([]);
    expect((await ben.db.debriefs.get(first.id))?.rev).toBe(second.rev);
    expect(await ben.db.conflicts.count()).toBe(0);
  });

  it('refuses a non-member, and the device keeps what it has', async () => {
    const outsider = await device('outsider', ['loop-v4.loopcard.json']);
    const before = await counts(outsider.db);
    const error = await failure(outsider.sync());
    expect(error.kind).toBe('refused');
    expect([401, 403]).toContain(error.status);
    expect(describeError(error, 'syncing')).toContain('not a member of this loop');
    expect(await counts(outsider.db)).toEqual(before);
    expect(outsider.waits).toEqual([]); // a refusal is not retried
  });

  it('a changed submitted revision is refused by the server and never replaces the one shared', async () => {
    const zofia = await device('zofia', ['loop-v4.loopcard.json', 'scorecard-v4.loopcard.json']);
    await zofia.sync();
    const original = present((await zofia.db.scorecardRevisions.toArray()).find((r) => r.revision === 1));
    const edited = { ...original, takeaways: `${original.takeaways} (rewritten later)` };
    await zofia.db.scorecardRevisions.put({ ...edited, contentHash: sha256OfCanonical(hashedContent(edited)) });
    const again = await zofia.sync();
    expect(again.refused).toEqual(['The team server refused a scorecard revision: A submitted scorecard revision or a rubric version never changes.']);

    const lead = await device('lead');
    await lead.sync();
    expect((await lead.db.scorecardRevisions.get([original.id, 1]))?.contentHash).toBe(original.contentHash);
  });

  it('keeps colleagues’ scorecards off an interviewer’s device until they have submitted their own', async () => {
    await (await device('zofia', ['loop-v4.loopcard.json', 'scorecard-v4.loopcard.json'])).sync();
    const ben = await device('ben');
    const before = await ben.sync({ selector: pullSelector({ role: 'interviewer', ownInterviewIds: ['fx-interview-2'], submitted: false }) });
    expect(before.refused).toEqual([]);
    expect(await ben.db.interviews.count()).toBe(3);
    expect(await ben.db.scorecardRevisions.count()).toBe(0);
    // Submitted: the filter widens, and what it skipped arrives although the checkpoint moved on.
    await ben.sync({ selector: pullSelector({ role: 'interviewer', ownInterviewIds: ['fx-interview-2'], submitted: true }) });
    expect(await ben.db.scorecardRevisions.count()).toBe(2);
  });

  it('pushes no scorecard of another slot, even one this device holds', async () => {
    const ben = await device('ben', ['loop-v4.loopcard.json', 'scorecard-v4.loopcard.json']);
    const pass = await ben.sync();
    expect(pass.pushed).toBe(6);
    const lead = await device('lead');
    await lead.sync();
    expect(await lead.db.scorecardRevisions.count()).toBe(0);
  });
});

describe('a team server at fault: nothing invalid reaches the device', { timeout: 30_000 }, () => {
  async function sharedLoop() {
    const zofia = await device('zofia', ['loop-v4.loopcard.json', 'scorecard-v4.loopcard.json']);
    await zofia.sync();
    return zofia;
  }

  it('retries a server error with backoff, then goes on', async () => {
    await sharedLoop();
    const lead = await device('lead');
    lead.fetch.fault(failing('/_bulk_get', () => new Response('{"error":"internal"}', { status: 500 }), 2));
    const pass = await lead.sync();
    expect(lead.waits).toEqual([1_000, 2_000]);
    expect(pass.pulled.add).toBe(7);
  });

  it('gives up on a server that keeps answering 500, having written nothing', async () => {
    await sharedLoop();
    const lead = await device('lead');
    const before = await counts(lead.db);
    lead.fetch.fault(failing('/_bulk_get', () => new Response('{"error":"internal"}', { status: 500 })));
    const error = await failure(lead.sync());
    expect(error.kind).toBe('server');
    expect(lead.waits).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(await counts(lead.db)).toEqual(before);
    expect(await lead.db.settings.get(checkpointKey(DB))).toBeUndefined();
  });

  it('stops at malformed JSON, having written nothing', async () => {
    await sharedLoop();
    const lead = await device('lead');
    const before = await counts(lead.db);
    lead.fetch.fault(failing('/_changes', () => new Response('{"results": [{"id": "role:', { status: 200, headers: { 'content-type': 'application/json' } })));
    expect((await failure(lead.sync())).kind).toBe('malformed');
    expect(await counts(lead.db)).toEqual(before);
  });

  it('goes on from where the network dropped', async () => {
    await sharedLoop();
    const lead = await device('lead');
    lead.fetch.fault(failing('/_bulk_get', () => 'offline', 10));
    expect((await failure(lead.sync({ attempts: 2 }))).kind).toBe('offline');
    lead.fetch.fault(null);
    expect((await lead.sync()).pulled.add).toBe(7);
  });

  it('refuses a pulled revision whose content does not match its hash, and takes the rest', async () => {
    const zofia = await sharedLoop();
    // The author's own account, writing a revision edited after submission under its old hash.
    const revision = present((await zofia.db.scorecardRevisions.toArray()).find((r) => r.revision === 2));
    const doc = toSyncDoc({ kind: 'scorecardRevision', record: { ...revision, revision: 3, takeaways: 'Edited after submitting.' } });
    if (!('_id' in doc)) throw new Error(doc.reason);
    expect(await zofia.client.database(DB).bulkDocs([doc])).toEqual([]);

    const lead = await device('lead');
    const pass = await lead.sync();
    expect(pass.refused).toEqual([expect.stringContaining('no longer matches its hash')]);
    expect(pass.pulled.add).toBe(7);
    expect((await lead.db.scorecardRevisions.toArray()).map((r) => r.revision).sort()).toEqual([1, 2]);
  });

  it('refuses a 20 MB document and takes the rest', async () => {
    await sharedLoop();
    const lead = await device('lead');
    lead.fetch.fault((url, _init, real) => {
      if (!url.includes('/_bulk_get')) return null;
      return real().then(async (response) => {
        const body = (await response.json()) as { results: unknown[] };
        const huge = { _id: 'debrief:huge', _rev: '1-0123456789abcdef0123456789abcdef', kind: 'debrief', schema: 1, record: { id: 'huge', candidateId: FIXTURE_CANDIDATE, notes: 'x'.repeat(20 * 1024 * 1024) } };
        body.results.push({ id: huge._id, docs: [{ ok: huge }] });
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      });
    });
    const pass = await lead.sync();
    expect(pass.refused).toEqual(['The team server sent the debrief larger than Loopcard accepts; it was not saved.']);
    expect(pass.pulled.add).toBe(7);
    expect(await lead.db.debriefs.count()).toBe(0);
  });

  it('starts over when the server forgot its checkpoint, and changes nothing', async () => {
    await sharedLoop();
    const lead = await device('lead');
    const options = { replicationId: 'lead-laptop' };
    await lead.sync(options);
    const after = await holdings(lead.db);
    await lead.client.database(DB).putLocal('loopcard-lead-laptop', { last_seq: 'forgotten' });
    const again = await lead.sync(options);
    expect(again.pulled.add + again.pulled.update + again.pulled.conflict).toBe(0);
    expect(await holdings(lead.db)).toEqual(after);
    expect(lead.fetch.requests.filter((r) => r.includes('/_changes')).at(-1)).toContain('since=0');
  });
});
