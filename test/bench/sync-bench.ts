// Sync bench: 1,000 submitted scorecards (100 candidates × 10 interviewers, one loop database per
// candidate, 300 characters of evidence per dimension, as the import bench) replicate from the team
// server to a fresh device, the lead's, which pulls every loop with one pass of `syncLoopOnce` each.
// It runs in Node (loaded by bench.mjs through Vite's module runner), over Dexie on fake-indexeddb,
// against the test stand-in (express-pouchdb on an in-memory PouchDB, on 127.0.0.1): the same
// replicator and rules as the app, but neither Chromium's IndexedDB nor CouchDB's own speed. With
// COUCH_URL set (admin credentials in it) the same bench runs against a real CouchDB.
//
// Making the scorecards (through the real repositories) and sharing them (each interviewer pushes
// their own, as the design document requires) are not measured; the fresh device's pull is, and
// then a second pass over the same loops, which moves nothing.
import 'fake-indexeddb/auto';
import { createDb } from '../../src/data/db';
import { createRepositories } from '../../src/data/repositories';
import { createCouchClient, type CouchClient } from '../../src/data/sync/couch-client';
import { syncLoopOnce } from '../../src/data/sync/replicator';
import { loopDatabaseName, toSyncDoc, type SyncRecord } from '../../src/domain/sync-docs';
import { startCouch } from '../sync/couch-standin';
import { deviceFetch } from '../sync/cookie-fetch';
import { ensureSystemDatabases, putLoopDatabase, putUser } from '../tools/team-admin';
import { servingRole } from '../fixtures/roles';
import { submitScorecard } from './bench-data';

const CANDIDATES = 100;
const INTERVIEWERS = ['Ana Lopez', 'Łukasz Dvořák', 'Nguyễn Thị Zhōu', 'Ødegaard', 'Priya Raman', 'Siobhán O’Connor', 'Jean-Luc Müller', 'Kwame Mensah', 'Mei Chen', 'Tomás Ibáñez'];
const SCORECARDS = CANDIDATES * INTERVIEWERS.length;
const EVIDENCE_CHARS = 300;

export type SyncBenchResult = { rows: [string, string][]; summary: string; met?: boolean };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function signedIn(url: string, user: string, password: string): Promise<CouchClient> {
  const client = createCouchClient({ baseUrl: url, fetch: deviceFetch() });
  await client.signIn(user, password);
  return client;
}

export async function runSyncBench(log: (line: string) => void = () => {}): Promise<SyncBenchResult> {
  const server = await startCouch();
  const stamp = Date.now();
  const source = createDb(`loopcard-bench-sync-source-${stamp}`);
  const target = createDb(`loopcard-bench-sync-target-${stamp}`);
  try {
    const admin = { url: server.url, headers: server.adminHeaders() };
    const quiet = () => {};
    await ensureSystemDatabases(admin, quiet);
    const users = ['lead', ...INTERVIEWERS.map((_, i) => `interviewer-${i}`)];
    for (const user of users) await putUser(admin, user, `bench-${user}-pw`, quiet);

    // The scorecards, made as interviewers make them (not measured).
    const made = performance.now();
    const repos = createRepositories(source);
    const role = await repos.roles.create(servingRole);
    const loops: { candidateId: string; slots: Record<string, string> }[] = [];
    for (let c = 0; c < CANDIDATES; c++) {
      if (c % 20 === 0) log(`  making scorecards: candidate ${c + 1} of ${CANDIDATES}…`);
      const candidate = await repos.candidates.create({ name: `Bench Candidate ${String(c + 1).padStart(3, '0')}`, roleId: role.id, notes: '' });
      const slots: Record<string, string> = {};
      for (const [i, interviewerName] of INTERVIEWERS.entries()) {
        const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName, plannedAt: '' });
        await submitScorecard(repos, interview.id, c + i, EVIDENCE_CHARS);
        slots[interview.id] = `interviewer-${i}`;
      }
      loops.push({ candidateId: candidate.id, slots });
    }
    const makingMs = performance.now() - made;

    // Shared on the team server: a loop database per candidate; the lead pushes the loop, each
    // interviewer their own scorecard (not measured).
    const shared = performance.now();
    const clients = new Map<string, CouchClient>();
    for (const user of users) clients.set(user, await signedIn(server.url, user, `bench-${user}-pw`));
    const client = (user: string) => {
      const found = clients.get(user);
      if (!found) throw new Error(`No session for ${user}.`);
      return found;
    };
    const rubric = await source.rubrics.get([role.rubric.id, role.rubric.version]);
    if (!rubric) throw new Error('The role’s rubric is missing.');
    let serverBytes = 0;
    for (const [n, loop] of loops.entries()) {
      if (n % 20 === 0) log(`  sharing loops: ${n + 1} of ${CANDIDATES}…`);
      await putLoopDatabase(admin, { candidateId: loop.candidateId, lead: 'lead', slots: loop.slots }, quiet);
      const candidate = await source.candidates.get(loop.candidateId);
      if (!candidate) throw new Error('A candidate is missing.');
      const interviews = await source.interviews.where('candidateId').equals(loop.candidateId).toArray();
      const revisions = await source.scorecardRevisions.where('candidateId').equals(loop.candidateId).toArray();
      const docOf = (item: SyncRecord) => {
        const doc = toSyncDoc(item);
        if (!('_id' in doc)) throw new Error(doc.reason);
        serverBytes += JSON.stringify(doc).length;
        return doc;
      };
      const db = loopDatabaseName(loop.candidateId);
      const refusedOf = (answers: { ok: boolean }[]) => answers.filter((a) => !a.ok).length;
      const loopDocs = [{ kind: 'rubric', record: rubric } as const, { kind: 'role', record: role } as const, { kind: 'candidate', record: candidate } as const, ...interviews.map((record) => ({ kind: 'interview', record }) as const)];
      if (refusedOf(await client('lead').database(db).bulkDocs(loopDocs.map(docOf))) > 0) throw new Error('The server refused the loop.');
      for (const revision of revisions) {
        const user = loop.slots[revision.interviewId] ?? 'lead';
        if (refusedOf(await client(user).database(db).bulkDocs([docOf({ kind: 'scorecardRevision', record: revision })])) > 0) throw new Error('The server refused a scorecard.');
      }
    }
    const sharingMs = performance.now() - shared;

    // The measurement: a fresh device, the lead's, pulls every loop.
    const lead = await signedIn(server.url, 'lead', 'bench-lead-pw');
    const now = () => new Date();
    const pass = async (label: string) => {
      const perLoop: number[] = [];
      const totals = { pushed: 0, add: 0, same: 0, refused: 0 };
      const started = performance.now();
      for (const loop of loops) {
        const t = performance.now();
        const result = await syncLoopOnce({ db: target, client: lead, candidateId: loop.candidateId, user: 'lead', replicationId: `bench-${stamp}`, now });
        perLoop.push(performance.now() - t);
        totals.pushed += result.pushed;
        totals.add += result.pulled.add;
        totals.same += result.pulled.same;
        totals.refused += result.refused.length;
        if (result.refused.length > 0) throw new Error(`${label}: ${result.refused[0]}`);
      }
      const ms = performance.now() - started;
      perLoop.sort((a, b) => a - b);
      return { ms, totals, p50: perLoop[Math.floor(perLoop.length / 2)] ?? 0, max: perLoop[perLoop.length - 1] ?? 0 };
    };
    log('  the fresh device pulls every loop…');
    const first = await pass('first pass');
    const [revisions, cards, interviews, candidates, conflicts] = await Promise.all([target.scorecardRevisions.count(), target.scorecards.count(), target.interviews.count(), target.candidates.count(), target.conflicts.count()]);
    if (revisions !== SCORECARDS || cards !== SCORECARDS || interviews !== SCORECARDS || candidates !== CANDIDATES || conflicts !== 0) {
      throw new Error(`After the pull the device holds ${revisions} revisions, ${cards} scorecards, ${interviews} interviews, ${candidates} candidates, ${conflicts} conflicts.`);
    }
    log('  a second pass, which moves nothing…');
    const second = await pass('second pass');
    if (second.totals.add !== 0 || second.totals.pushed !== 0) throw new Error('The second pass moved records.');

    const documents = first.totals.add + first.totals.same;
    const rows: [string, string][] = [
      ['server', `${server.kind === 'stand-in' ? 'the test stand-in (express-pouchdb, in-memory PouchDB, 127.0.0.1)' : `CouchDB at ${server.url}`}; device: Dexie over fake-indexeddb in Node ${process.version}`],
      ['on the server', `${CANDIDATES} loop databases, ${documents} documents (${SCORECARDS} submitted scorecard revisions), ${(serverBytes / 2 ** 20).toFixed(1)} MiB of JSON`],
      ['making them', `${seconds(makingMs)} (repositories), sharing them ${seconds(sharingMs)} (not measured)`],
      ['fresh device pull', `${seconds(first.ms)}: ${Math.round((documents / first.ms) * 1000)} documents/s, ${Math.round((SCORECARDS / first.ms) * 1000)} scorecards/s`],
      ['per loop', `p50 ${first.p50.toFixed(0)} ms, max ${first.max.toFixed(0)} ms (23 documents each)`],
      ['written', `${first.totals.add} records added, ${first.totals.same} already here (the built-in rubric, and the role after the first loop), 0 refused, 0 conflicts; ${cards} scorecards readable`],
      ['second pass', `${seconds(second.ms)} over ${CANDIDATES} loops, nothing moved (p50 ${second.p50.toFixed(0)} ms per loop)`],
      ['target', 'none (figures only)'],
    ];
    return { rows, summary: `pull ${seconds(first.ms)}, ${Math.round((documents / first.ms) * 1000)} docs/s` };
  } finally {
    source.close();
    target.close();
    await server.stop();
  }
}
