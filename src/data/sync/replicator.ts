import type { LoopcardDb } from '../db';
import { applyPlan, incomingTables, planArrival } from '../incoming-store';
import { describeSetAside } from '../../domain/erased-candidates';
import { emptyRecords, type IncomingTable, type Records } from '../../domain/incoming-records';
import { loopPlanOf } from '../../domain/role';
import { DESIGN_DOC_ID, SYNC_TABLES, closingRevisions, docIdOf, docLabel, filterName, hasMergedHistory, fromSyncDoc, loopAssignmentOf, loopDatabaseName, toSyncDoc, type SyncDoc, type SyncKind, type SyncRecord } from '../../domain/sync-docs';
import { SYNC_CHECKPOINT_PREFIX } from '../../domain/device-settings';
import { MAX_DOC_BYTES, type CouchClient, type CouchDatabase } from './couch-client';
import { SyncError, isRetryable } from './sync-error';

/**
 * One pass of sync for one loop: push this device's shared records of the loop, then pull what
 * the team server has, through the one door every arrival takes (the incoming-records rules, in
 * one transaction per batch, as for files). A refusal writes nothing of its batch; what was
 * pulled is remembered by a checkpoint kept on both sides, so the next pass goes on from there.
 */

export type ReplicatorOptions = {
  db: LoopcardDb;
  /** A client whose session is signed in. */
  client: CouchClient;
  candidateId: string;
  /** The signed-in team-server user: this device pushes only the scorecards of their slots. */
  user: string;
  /** Names this device's checkpoints (one per device and loop). */
  replicationId: string;
  now: () => Date;
  /** The clock the backoff waits on; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts for a failure that may pass (a server error, a timeout, the network). */
  attempts?: number;
  /** Pull only what matches (the independence filter, `pullSelector`); everything when absent. */
  selector?: Record<string, unknown> | null;
  /** Documents per batch of changes. */
  batchSize?: number;
};

export type PassResult = {
  /** Documents the server lacked and took. */
  pushed: number;
  /** What each pulled record did here: added, updated, same, kept-newer, conflict. */
  pulled: Record<'add' | 'update' | 'same' | 'keep-local' | 'conflict', number>;
  /** Plain sentences: what the server or this device refused, and why. */
  refused: string[];
  lastSeq: string;
};

export const BACKOFF_START_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;
const SOURCE = 'the team server';

/** The order in which records depend on one another, for taking a refused batch apart. */
const DEPENDENCY_ORDER: readonly SyncKind[] = ['rubric', 'role', 'candidate', 'interview', 'debrief', 'scorecardRevision'];

export function checkpointKey(dbName: string): string {
  return `${SYNC_CHECKPOINT_PREFIX}${dbName}`;
}

/** Waits 1 s, 2 s, 4 s … (at most 30 s) between attempts at a call that may pass later. */
export async function withRetry<T>(call: () => Promise<T>, options: { attempts: number; sleep: (ms: number) => Promise<void> }): Promise<T> {
  let delay = BACKOFF_START_MS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isRetryable(error) || attempt >= options.attempts) throw error;
      await options.sleep(delay);
      delay = Math.min(delay * 2, BACKOFF_MAX_MS);
    }
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function syncLoopOnce(options: ReplicatorOptions): Promise<PassResult> {
  const { client, candidateId } = options;
  const dbName = loopDatabaseName(candidateId);
  const remote = client.database(dbName);
  const retry = <T>(call: () => Promise<T>) => withRetry(call, { attempts: options.attempts ?? 5, sleep: options.sleep ?? realSleep });
  const result: PassResult = { pushed: 0, pulled: { add: 0, update: 0, same: 0, 'keep-local': 0, conflict: 0 }, refused: [], lastSeq: '0' };

  await push(options, remote, retry, result);
  await pull(options, remote, dbName, retry, result);
  return result;
}

type Retry = <T>(call: () => Promise<T>) => Promise<T>;

/** This device's records of the loop that are shared: never drafts, never a working copy. */
async function sharedRecords(db: LoopcardDb, candidateId: string): Promise<SyncRecord[]> {
  return db.transaction('r', [db.candidates, db.roles, db.rubrics, db.interviews, db.debriefs, db.scorecardRevisions], async () => {
    const candidate = await db.candidates.get(candidateId);
    if (!candidate) return [];
    const role = await db.roles.get(candidate.roleId);
    const interviews = await db.interviews.where('candidateId').equals(candidateId).toArray();
    const debriefs = await db.debriefs.where('candidateId').equals(candidateId).toArray();
    const revisions = await db.scorecardRevisions.where('candidateId').equals(candidateId).toArray();
    const refs = [...(role ? [role.rubric, ...loopPlanOf(role).map((slot) => slot.rubric)] : []), ...interviews.map((i) => i.rubric), ...revisions.map((r) => r.rubric)];
    const unique = [...new Map(refs.map((ref) => [`${ref.id}#${ref.version}`, ref])).values()];
    const rubrics = (await Promise.all(unique.map((ref) => db.rubrics.get([ref.id, ref.version])))).filter((r) => r !== undefined);
    return [
      ...rubrics.map((record) => ({ kind: 'rubric', record }) as const),
      ...(role ? [{ kind: 'role', record: role } as const] : []),
      { kind: 'candidate', record: candidate } as const,
      ...interviews.map((record) => ({ kind: 'interview', record }) as const),
      ...debriefs.map((record) => ({ kind: 'debrief', record }) as const),
      ...revisions.map((record) => ({ kind: 'scorecardRevision', record }) as const),
    ];
  });
}

async function push(options: ReplicatorOptions, remote: CouchDatabase, retry: Retry, result: PassResult): Promise<void> {
  const records = await sharedRecords(options.db, options.candidateId);
  // Only the author's device shares a scorecard: the slots come from the loop's design document.
  const assignment = loopAssignmentOf(await retry(() => remote.get(DESIGN_DOC_ID)));
  const mine = (interviewId: string) => assignment?.slots[interviewId] === options.user;
  const docs: (SyncDoc | ReturnType<typeof closingRevisions>[number])[] = [];
  for (const item of records) {
    if (item.kind === 'scorecardRevision' && !mine(item.record.interviewId)) continue;
    const doc = toSyncDoc(item);
    if ('_id' in doc) docs.push(doc);
    // A conflict decided here: close the branches the server still holds for it.
    if (hasMergedHistory(item)) {
      const stored = await retry(() => remote.get(docIdOf(item), { conflicts: true }));
      const leaves = [stored?._rev, ...(Array.isArray(stored?._conflicts) ? stored._conflicts : [])].filter((r): r is string => typeof r === 'string');
      docs.push(...closingRevisions(item, leaves));
    }
  }
  const batchSize = options.batchSize ?? 100;
  for (let i = 0; i < docs.length; i += batchSize) {
    const batch = docs.slice(i, i + batchSize);
    const asked: Record<string, string[]> = {};
    for (const d of batch) (asked[d._id] ??= []).push(d._rev);
    const diff = await retry(() => remote.revsDiff(asked));
    const missing = batch.filter((d) => diff[d._id]?.missing.includes(d._rev));
    const answers = await retry(() => remote.bulkDocs(missing));
    for (const answer of answers) {
      if (answer.ok) continue;
      if (answer.error === 'unauthorized') throw new SyncError('refused', `_bulk_docs: ${answer.id} unauthorized`, 403);
      result.refused.push(`The team server refused ${docLabel(answer.id)}: ${answer.reason ?? 'no reason given.'}`);
    }
    result.pushed += missing.length - answers.filter((a) => !a.ok).length;
  }
}

async function pull(options: ReplicatorOptions, remote: CouchDatabase, dbName: string, retry: Retry, result: PassResult): Promise<void> {
  const { db } = options;
  const localId = checkpointKey(dbName);
  const remoteId = `loopcard-${options.replicationId}`;
  const filter = filterName(options.selector);
  const [local, remoteCheckpoint] = await Promise.all([db.settings.get(localId), retry(() => remote.getLocal(remoteId))]);
  const stored = local?.value as { lastSeq?: unknown; filter?: unknown } | undefined;
  const localSeq = typeof stored?.lastSeq === 'string' && stored.filter === filter ? stored.lastSeq : null;
  // Both sides must agree, under the same filter (a widened filter must see what it skipped); a
  // server that forgot (or a device restored from elsewhere) starts over, which is safe because
  // every record arriving again is recognised as already here.
  let since = localSeq !== null && remoteCheckpoint?.last_seq === localSeq && remoteCheckpoint.filter === filter ? localSeq : '0';
  const limit = options.batchSize ?? 100;

  for (;;) {
    const changes = await retry(() => remote.changes({ since, limit, ...(options.selector ? { selector: options.selector } : {}) }));
    const wanted: { id: string; rev: string }[] = [];
    const known = await knownRevisions(db, options.candidateId);
    for (const change of changes.results) {
      if (change.id.startsWith('_design/') || change.deleted) continue;
      for (const rev of change.revs) if (known.get(change.id) !== rev) wanted.push({ id: change.id, rev });
    }
    const fetched = wanted.length === 0 ? [] : await retry(() => remote.bulkGet(wanted));
    const items: SyncRecord[] = [];
    for (const entry of fetched) {
      // A revision the server no longer has, or a branch closed by deletion (a resolved conflict).
      if (!entry.doc || entry.doc._deleted === true) continue;
      if (entry.bytes > MAX_DOC_BYTES) {
        result.refused.push(`The team server sent ${docLabel(entry.id)} larger than Loopcard accepts; it was not saved.`);
        continue;
      }
      const read = fromSyncDoc(entry.doc);
      if (!read.ok) result.refused.push(read.reason);
      else if (!belongsToLoop(read.item, options.candidateId)) result.refused.push(`The team server sent ${docLabel(entry.id)}, which belongs to another candidate’s loop; it was not saved.`);
      else items.push(read.item);
    }
    await receive(options, items, result);
    since = changes.lastSeq;
    result.lastSeq = since;
    await retry(() => remote.putLocal(remoteId, { last_seq: since, filter }));
    await db.settings.put({ key: localId, value: { lastSeq: since, filter } });
    if (changes.results.length < limit) return;
  }
}

/** The revision this device holds of each of the loop's documents, to skip what is here already. */
async function knownRevisions(db: LoopcardDb, candidateId: string): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  for (const item of await sharedRecords(db, candidateId)) {
    const doc = toSyncDoc(item);
    if ('_id' in doc) known.set(doc._id, doc._rev);
  }
  return known;
}

function belongsToLoop(item: SyncRecord, candidateId: string): boolean {
  switch (item.kind) {
    case 'candidate':
      return item.record.id === candidateId;
    case 'role':
    case 'rubric':
      return true; // checked against the candidate by the incoming-records rules
    default:
      return item.record.candidateId === candidateId;
  }
}

/**
 * Takes pulled records through the incoming-records rules. Two leaves of one record (a conflict on
 * the server) go in separate batches. A batch the rules refuse is taken apart, record by record in
 * the order they depend on one another, so one bad record keeps out only itself.
 */
async function receive(options: ReplicatorOptions, items: readonly SyncRecord[], result: PassResult): Promise<void> {
  const batches: SyncRecord[][] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const id = docIdOf(item);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    (batches[n] ??= []).push(item);
  }
  for (const batch of batches) {
    const whole = await receiveRecords(options, batch, result);
    if (whole === null) continue;
    const ordered = [...batch].sort((a, b) => DEPENDENCY_ORDER.indexOf(a.kind) - DEPENDENCY_ORDER.indexOf(b.kind) || order(a) - order(b));
    for (const item of ordered) {
      const reason = await receiveRecords(options, [item], result);
      if (reason !== null) result.refused.push(reason);
    }
  }
}

const order = (item: SyncRecord) => (item.kind === 'scorecardRevision' ? item.record.revision : 0);

/** One transaction through the one door; null when written, otherwise the refusal. */
async function receiveRecords(options: ReplicatorOptions, items: readonly SyncRecord[], result: PassResult): Promise<string | null> {
  if (items.length === 0) return null;
  const records = emptyRecords() as { [T in IncomingTable]: Records[T][number][] };
  for (const item of items) (records[SYNC_TABLES[item.kind]] as unknown[]).push(item.record);
  const { db } = options;
  return db.transaction('rw', incomingTables(db), async () => {
    const planned = await planArrival(db, records, { now: options.now(), source: SOURCE, sourceKind: 'team-server' });
    // Records of a candidate erased here are never written; said once per pass.
    const erased = describeSetAside(planned.setAside, 'team-server');
    if (erased !== null && !result.refused.includes(erased)) result.refused.push(erased);
    if (!planned.ok) return planned.reason;
    await applyPlan(db, planned.plan);
    for (const decision of planned.plan.decisions) {
      if (decision.table !== 'scorecards' && decision.table !== 'settings') result.pulled[decision.action] += 1;
    }
    return null;
  });
}
