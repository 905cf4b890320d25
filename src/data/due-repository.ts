import { scorecardsDue, type DueByInterviewer } from '../domain/scorecards-due';
import type { RepositoryContext } from './repository-context';

/** What is still owed: planned interviews across every loop on this device with no submitted scorecard. */
export function createDueRepository({ db, now }: RepositoryContext) {
  return {
    async scorecardsDue(): Promise<DueByInterviewer[]> {
      return db.transaction('r', [db.interviews, db.candidates, db.roles, db.debriefs, db.scorecardRevisions], async () => {
        const [interviews, candidates, roles, debriefs, submittedIds] = await Promise.all([
          db.interviews.toArray(),
          db.candidates.toArray(),
          db.roles.toArray(),
          db.debriefs.toArray(),
          db.scorecardRevisions.orderBy('interviewId').uniqueKeys(),
        ]);
        const decided = new Set(debriefs.filter((d) => d.decision !== null).map((d) => d.candidateId));
        return scorecardsDue({
          interviews,
          candidates: new Map(candidates.map((c) => [c.id, { name: c.name, decided: decided.has(c.id) }])),
          roles: new Map(roles.map((r) => [r.id, { title: r.title }])),
          submitted: new Set(submittedIds.map(String)),
          now: now(),
        });
      });
    },
  };
}

export type DueRepository = ReturnType<typeof createDueRepository>;
