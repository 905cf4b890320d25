import { latestDuePlannedAt, scorecardsDue, type DueByInterviewer } from '../domain/scorecards-due';
import type { Interview } from '../domain/interview';
import type { RepositoryContext } from './repository-context';
import { revisionIndexValues } from './submitted-keys';

/** What is still owed: planned interviews across every loop on this device with no submitted scorecard. */
export function createDueRepository({ db, now }: RepositoryContext) {
  return {
    /**
     * Reads only what can be due: the keys of interviews planned up to now (by the planned-time
     * index; unplanned ones, stored as '', are left out) less those with a submitted scorecard
     * (the revisions' keys), then those interviews whole, with their candidates, roles and debriefs.
     */
    async scorecardsDue(): Promise<DueByInterviewer[]> {
      return db.transaction('r', [db.interviews, db.candidates, db.roles, db.debriefs, db.scorecardRevisions], async () => {
        const at = now();
        const [plannedIds, submittedIds] = await Promise.all([
          db.interviews.where('plannedAt').between('', latestDuePlannedAt(at), false, true).primaryKeys(),
          revisionIndexValues(db, 'interviewId'),
        ]);
        const submitted = new Set(submittedIds);
        const owed = plannedIds.map(String).filter((id) => !submitted.has(id));
        const interviews = (await db.interviews.bulkGet(owed)).filter((i): i is Interview => i !== undefined);
        const candidateIds = [...new Set(interviews.map((i) => i.candidateId))];
        const roleIds = [...new Set(interviews.map((i) => i.roleId))];
        const [candidates, roles, debriefs] = await Promise.all([
          db.candidates.bulkGet(candidateIds),
          db.roles.bulkGet(roleIds),
          db.debriefs.where('candidateId').anyOf(candidateIds).toArray(),
        ]);
        const decided = new Set(debriefs.filter((d) => d.decision !== null).map((d) => d.candidateId));
        return scorecardsDue({
          interviews,
          candidates: new Map(candidates.flatMap((c) => (c ? [[c.id, { name: c.name, decided: decided.has(c.id) }] as const] : []))),
          roles: new Map(roles.flatMap((r) => (r ? [[r.id, { title: r.title }] as const] : []))),
          submitted,
          now: at,
        });
      });
    },
  };
}

export type DueRepository = ReturnType<typeof createDueRepository>;
