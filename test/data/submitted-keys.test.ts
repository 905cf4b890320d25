import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveQuery, type Subscription } from 'dexie';
import { freshDb } from '../helpers/db';
import { all, cardFor, interviewOf } from '../helpers/panel';
import { revisionIndexValues, submittedScorecardsByCandidate } from '../../src/data/submitted-keys';
import type { LoopcardDb } from '../../src/data/db';
import type { Scorecard } from '../../src/domain/scorecard';

/** A submitted revision of interview `interviewId` for candidate `candidateId`. */
function revision(interviewId: string, candidateId: string, revisionNumber = 1): Scorecard {
  return { ...cardFor(interviewOf(interviewId, `Interviewer ${interviewId}`), all(3)), candidateId, revision: revisionNumber };
}

const subscriptions: Subscription[] = [];
afterEach(() => {
  for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
});

/** Every answer a live query gives, newest last, as a screen's useLiveQuery sees them. */
function watch<T>(query: () => Promise<T>): T[] {
  const answers: T[] = [];
  subscriptions.push(liveQuery(query).subscribe({ next: (value) => answers.push(value) }));
  return answers;
}

const interviewsWithRevisions = (db: LoopcardDb) => db.transaction('r', db.scorecardRevisions, () => revisionIndexValues(db, 'interviewId'));

describe('the revisions’ keys', () => {
  it('lists each interview and candidate with a submitted revision once, in order, and counts an amended scorecard once', async () => {
    const { db } = freshDb();
    await db.scorecardRevisions.bulkPut([revision('iv-b', 'cand-2'), revision('iv-a', 'cand-1'), revision('iv-a', 'cand-1', 2), revision('iv-c', 'cand-1')]);

    expect(await interviewsWithRevisions(db)).toEqual(['iv-a', 'iv-b', 'iv-c']);
    expect(await db.transaction('r', db.scorecardRevisions, () => revisionIndexValues(db, 'candidateId'))).toEqual(['cand-1', 'cand-2']);
    const byCandidate = await db.transaction('r', db.scorecardRevisions, () => submittedScorecardsByCandidate(db));
    expect(new Map([...byCandidate].map(([id, cards]) => [id, [...cards].sort()]))).toEqual(
      new Map([
        ['cand-1', ['sc-iv-a', 'sc-iv-c']],
        ['cand-2', ['sc-iv-b']],
      ]),
    );
  });

  it('is empty when nothing has been submitted', async () => {
    const { db } = freshDb();
    expect(await interviewsWithRevisions(db)).toEqual([]);
    expect((await db.transaction('r', db.scorecardRevisions, () => submittedScorecardsByCandidate(db))).size).toBe(0);
  });

  it('refuses to read outside a transaction over the revisions', async () => {
    const { db } = freshDb();
    await expect(revisionIndexValues(db, 'interviewId')).rejects.toThrow(/inside a transaction over scorecardRevisions/);
    await expect(db.transaction('r', db.roles, () => revisionIndexValues(db, 'interviewId'))).rejects.toThrow(/inside a transaction over scorecardRevisions/);
  });

  it('runs a live query again on every change to the revisions: one added, many restored at once, one deleted, a candidate erased', async () => {
    const { db } = freshDb();
    await db.scorecardRevisions.put(revision('iv-01', 'cand-1'));
    const answers = watch(() => interviewsWithRevisions(db));
    await vi.waitFor(() => expect(answers.at(-1)).toEqual(['iv-01']));

    // A scorecard submitted.
    await db.scorecardRevisions.put(revision('iv-02', 'cand-2'));
    await vi.waitFor(() => expect(answers.at(-1)).toEqual(['iv-01', 'iv-02']));

    // Sixty at once, as a restore or a sync writes them (Dexie notes a write of 50 or more as a whole-table change).
    const many = Array.from({ length: 60 }, (_, i) => revision(`iv-${String(i + 10).padStart(2, '0')}`, 'cand-3'));
    await db.scorecardRevisions.bulkPut(many);
    await vi.waitFor(() => expect(answers.at(-1)).toHaveLength(62));

    // One deleted by its key, with nothing else read first (Dexie knows only the key it deleted).
    await db.scorecardRevisions.delete(['sc-iv-01', 1]);
    await vi.waitFor(() => expect(answers.at(-1)).not.toContain('iv-01'));

    // A candidate's revisions erased, as erasure deletes them.
    await db.scorecardRevisions.where('candidateId').equals('cand-3').delete();
    await vi.waitFor(() => expect(answers.at(-1)).toEqual(['iv-02']));
  });
});
