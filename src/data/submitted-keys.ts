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
    set.add(String((revisionKeys[i] as [string, number] | undefined)?.[0]));
    byCandidate.set(id, set);
  });
  return byCandidate;
}
