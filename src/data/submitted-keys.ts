import Dexie from 'dexie';
import type { LoopcardDb } from './db';

/** The revisions' indexes whose keys the lists and Insights read. */
type RevisionIndex = 'candidateId' | 'interviewId';

/**
 * Walks one of the revisions' indexes with IndexedDB's own key cursor, on the transaction the
 * caller is in (which must cover `scorecardRevisions`): each index key in order, once each when
 * `unique`, with the revision's primary key beside it otherwise.
 *
 * Why not Dexie's `keys()`: in a live query Dexie notes every key a cursor passes, so that
 * deleting that row runs the query again, and over a year of revisions (12,000 keys) that doubled
 * the walk: about 450 ms alone, 930 ms in a live query (Chromium, on this machine). Here the live
 * query instead observes, with two reads of one key each, the whole index (a revision added, or
 * any write of 50 rows or more, such as a restore) and every deletion in the table (an erasure),
 * so every change the walk could see still runs it again; outside a live query they cost nothing.
 */
async function walkIndex(db: LoopcardDb, index: RevisionIndex, unique: boolean): Promise<{ keys: IDBValidKey[]; primaryKeys: IDBValidKey[] }> {
  const transaction = Dexie.currentTransaction;
  if (!transaction || !transaction.storeNames.includes('scorecardRevisions')) {
    throw new Error(`The revisions' ${index} keys are read inside a transaction over scorecardRevisions.`);
  }
  await Promise.all([db.scorecardRevisions.orderBy(index).limit(1).keys(), db.scorecardRevisions.toCollection().limit(1).primaryKeys()]);
  return new Dexie.Promise<{ keys: IDBValidKey[]; primaryKeys: IDBValidKey[] }>((resolve, reject) => {
    const keys: IDBValidKey[] = [];
    const primaryKeys: IDBValidKey[] = [];
    const request = transaction.idbtrans.objectStore('scorecardRevisions').index(index).openKeyCursor(null, unique ? 'nextunique' : 'next');
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve({ keys, primaryKeys });
      keys.push(cursor.key);
      if (!unique) primaryKeys.push(cursor.primaryKey);
      cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused a read.'));
  });
}

/** Every distinct value of one of the revisions' indexes, in order: the candidates or interviews with a submitted scorecard. */
export async function revisionIndexValues(db: LoopcardDb, index: RevisionIndex): Promise<string[]> {
  return (await walkIndex(db, index, true)).keys.map(String);
}

/**
 * Which scorecards each candidate has submitted, read from the revisions' keys alone (every stored
 * revision is a submitted one, and its primary key is [scorecard id, revision]), so no scorecard is
 * read whole. Call inside a transaction over `scorecardRevisions`.
 */
export async function submittedScorecardsByCandidate(db: LoopcardDb): Promise<Map<string, Set<string>>> {
  const { keys, primaryKeys } = await walkIndex(db, 'candidateId', false);
  const byCandidate = new Map<string, Set<string>>();
  keys.forEach((key, i) => {
    const id = String(key);
    const set = byCandidate.get(id) ?? new Set<string>();
    set.add(scorecardIdOf(primaryKeys[i]));
    byCandidate.set(id, set);
  });
  return byCandidate;
}

/** The same for the candidates given only (a page of a list), one index range each. */
export async function submittedScorecardsOf(db: LoopcardDb, candidateIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const keys = await Promise.all(candidateIds.map((id) => db.scorecardRevisions.where('candidateId').equals(id).primaryKeys()));
  return new Map(candidateIds.map((id, i) => [id, new Set((keys[i] ?? []).map(scorecardIdOf))]));
}

/** A revision's primary key is [scorecard id, revision]: an amended scorecard counts once. */
function scorecardIdOf(revisionKey: unknown): string {
  return String((revisionKey as [string, number] | undefined)?.[0]);
}
