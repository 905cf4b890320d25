import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCouchClient } from '../../src/data/sync/couch-client';
import { syncLoopOnce } from '../../src/data/sync/replicator';
import { eraseOnServer } from '../../src/data/sync/erasure-on-server';
import { SyncError } from '../../src/data/sync/sync-error';
import { loopDatabaseName } from '../../src/domain/sync-docs';
import type { LoopcardDb } from '../../src/data/db';
import { freshDb } from '../helpers/db';
import { createDb } from '../../src/data/db';
import { createRepositories } from '../../src/data/repositories';
import { startCouch, type CouchServer } from './couch-standin';
import { deviceFetch } from './cookie-fetch';
import { ensureSystemDatabases, putLoopDatabase, putUser } from '../tools/team-admin';
import { FIXTURE_CANDIDATE } from './sync-fixtures';

const NOW = new Date('2026-11-02T09:00:00.000Z');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const DB = loopDatabaseName(FIXTURE_CANDIDATE);
let server: CouchServer;

beforeEach(async () => {
  server = await startCouch();
  const admin = { url: server.url, headers: server.adminHeaders() };
  const quiet = () => {};
  await ensureSystemDatabases(admin, quiet);
  for (const user of ['zofia', 'ben', 'lead']) await putUser(admin, user, `secret-${user}-pw`, quiet);
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
  const client = createCouchClient({ baseUrl: server.url, fetch: deviceFetch() });
  await client.signIn(user, `secret-${user}-pw`);
  const replicationId = `${user}-${Math.random().toString(36).slice(2, 8)}`;
  const sync = () => syncLoopOnce({ db, client, candidateId: FIXTURE_CANDIDATE, user, replicationId, now: () => NOW, sleep: async () => {} });
  return { db, repos, client, sync };
}

const holdings = async (db: LoopcardDb) => ({ candidates: await db.candidates.count(), interviews: await db.interviews.count(), revisions: await db.scorecardRevisions.count(), debriefs: await db.debriefs.count() });

/** The loop database's documents that are not deleted, as the server's admin sees them. */
async function liveDocs(): Promise<string[]> {
  const answer = (await (await fetch(`${server.url}/${DB}/_all_docs`, { headers: server.adminHeaders() })).json()) as { rows: { id: string }[] };
  return answer.rows.map((r) => r.id).filter((id) => !id.startsWith('_design/'));
}

describe('erasure on the team server', { timeout: 60_000 }, () => {
  it('deletes the loop’s documents on the server: a second device pulls nothing, and a copy pushed back is refused on the lead’s device', async () => {
    // Ben holds the loop from its file; Zofia shares her scorecard; the lead pulls everything.
    const ben = await device('ben', ['loop-v4.loopcard.json']);
    const zofia = await device('zofia', ['loop-v4.loopcard.json', 'scorecard-v4.loopcard.json']);
    expect((await zofia.sync()).pushed).toBe(8);
    const lead = await device('lead');
    await lead.sync();
    expect(await holdings(lead.db)).toEqual({ candidates: 1, interviews: 3, revisions: 2, debriefs: 0 });
    expect(await liveDocs()).toHaveLength(8);

    // The lead erases the candidate, then on the server.
    await lead.repos.erasure.eraseCandidate(FIXTURE_CANDIDATE);
    expect(await eraseOnServer(lead.client, FIXTURE_CANDIDATE)).toEqual({ deleted: 8, refused: [] });
    expect(await liveDocs()).toEqual([]);
    // Submitted revisions included: the server no longer gives their content.
    const gone = await fetch(`${server.url}/${DB}/${encodeURIComponent('candidate:' + FIXTURE_CANDIDATE)}`, { headers: server.adminHeaders() });
    expect(gone.status).toBe(404);
    // Again: nothing more to delete.
    expect(await eraseOnServer(lead.client, FIXTURE_CANDIDATE)).toEqual({ deleted: 0, refused: [] });

    // A device that had nothing pulls nothing.
    const fresh = await device('zofia');
    const pulled = await fresh.sync();
    expect(pulled.refused).toEqual([]);
    expect(await holdings(fresh.db)).toEqual({ candidates: 0, interviews: 0, revisions: 0, debriefs: 0 });

    // Zofia's device still holds the loop: pushing it again brings nothing back (the server knows those revisions).
    expect((await zofia.sync()).pushed).toBe(0);
    expect(await liveDocs()).toEqual([]);

    // Ben's device records a debrief edit and pushes it: a new document, live on the server…
    await ben.repos.debriefs.saveConsensus(FIXTURE_CANDIDATE, [{ dimensionKey: 'trigger', level: 3, rationale: 'Written after the erasure.' }]);
    expect((await ben.sync()).pushed).toBe(1);
    expect(await liveDocs()).toEqual([expect.stringMatching(/^debrief:/)]);
    // …which the lead's device refuses: nothing of the erased candidate is written there.
    const refusedPass = await lead.sync();
    expect(refusedPass.refused).toEqual(['The team server still holds records of a candidate who was erased from this device. They were not saved here; ask the loop’s lead to erase the loop on the team server too.']);
    expect(refusedPass.pulled.add).toBe(0);
    expect(await holdings(lead.db)).toEqual({ candidates: 0, interviews: 0, revisions: 0, debriefs: 0 });
    expect(JSON.stringify(await lead.db.debriefs.toArray())).not.toContain('Written after the erasure.');

    // Erasing on the server again removes the late copy as well.
    expect(await eraseOnServer(lead.client, FIXTURE_CANDIDATE)).toEqual({ deleted: 1, refused: [] });
    expect(await liveDocs()).toEqual([]);
  });

  it('an interviewer, not the database’s admin, cannot delete submitted revisions: the server refuses them and keeps them', async () => {
    const zofia = await device('zofia', ['loop-v4.loopcard.json', 'scorecard-v4.loopcard.json']);
    await zofia.sync();
    const ben = await device('ben');
    const attempt = await eraseOnServer(ben.client, FIXTURE_CANDIDATE);
    expect(attempt.refused).toHaveLength(3); // two submitted revisions and the rubric version
    expect(attempt.refused[0]).toMatch(/^The team server refused to delete (a scorecard revision|a rubric version): /);
    expect(await liveDocs()).toHaveLength(3);
  });

  it('with no loop database on the server there is nothing to erase; a server that is down says so', async () => {
    const lead = await device('lead');
    expect(await eraseOnServer(lead.client, 'never-shared')).toEqual({ deleted: 0, refused: [] });
    const offline = createCouchClient({ baseUrl: 'http://127.0.0.1:9', fetch: deviceFetch() });
    await expect(eraseOnServer(offline, FIXTURE_CANDIDATE)).rejects.toBeInstanceOf(SyncError);
  });
  it('after an erasure on the lead’s device, the service erases the loop on the team server; an interviewer’s device and a device with no team server ask nothing', async () => {
    const zofia = await device('zofia', ['loop-v4.loopcard.json', 'scorecard-v4.loopcard.json']);
    await zofia.sync();
    const quiet = { onLine: () => true, hidden: () => true, listen: () => () => {} };
    const serviceOf = async (user: string | null) => {
      const db = createDb(`erase-loops-${user ?? 'none'}-${Math.random().toString(36).slice(2)}`);
      let requests = 0;
      const counted = deviceFetch();
      const fetch: typeof globalThis.fetch = (...args) => ((requests += 1), counted(...args));
      const repos = createRepositories(db, { now: () => NOW, teamTransport: { fetch, baseUrlOf: () => server.url, environment: quiet, intervalMs: 3_600_000 } });
      const service = await repos.team.service();
      if (user) await service.signIn('/couchdb/', user, `secret-${user}-pw`);
      service.stop();
      return { service, requests: () => requests };
    };

    const nobody = await serviceOf(null);
    expect(await nobody.service.eraseLoops([FIXTURE_CANDIDATE])).toEqual([]);
    expect(nobody.requests()).toBe(0);

    const ben = await serviceOf('ben');
    expect(await ben.service.eraseLoops([FIXTURE_CANDIDATE])).toEqual([]);
    expect(await liveDocs()).toHaveLength(8);

    const lead = await serviceOf('lead');
    expect(await lead.service.eraseLoops([FIXTURE_CANDIDATE])).toEqual(['Their loop was erased on the team server too.']);
    expect(await liveDocs()).toEqual([]);
  });
});
