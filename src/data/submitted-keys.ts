import type { LoopcardDb } from './db';

/**
 * Which scorecards each candidate has submitted, read from the revisions' keys alone (every stored
 * revision is a submitted one, and its primary key is [scorecard id, revision]), so no scorecard is
 * read whole. Call inside a transaction over `scorecardRevisions`.
 */
export async function submittedScorecardsByCandidate(db: LoopcardDb): Promise<Map<string, Set<string>>> {
  const index = db.scorecardRevisions.orderBy('candidateId');
  const [candidateKeys, revisionKeys] = await Promise.all([index.keys(), index.primaryKeys()]);
  const byCandidate = new Map<string, Set<string>>();
  candidateKeys.forEach((key, i) => {
    const id = String(key);
    const set = byCandidate.get(id) ?? new Set<string>();
    set.add(scorecardIdOf(revisionKeys[i]));
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
