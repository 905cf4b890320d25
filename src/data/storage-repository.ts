import type { RepositoryContext } from './repository-context';

export type RecordCounts = {
  roles: number;
  candidates: number;
  interviews: number;
  scorecards: number;
  debriefs: number;
  rubrics: number;
};

/** What is stored on this device, for the Data screen. */
export function createStorageRepository({ db }: RepositoryContext) {
  return {
    async counts(): Promise<RecordCounts> {
      const [roles, candidates, interviews, scorecards, debriefs, rubrics] = await Promise.all([
        db.roles.count(),
        db.candidates.count(),
        db.interviews.count(),
        db.scorecards.count(),
        db.debriefs.count(),
        db.rubrics.count(),
      ]);
      return { roles, candidates, interviews, scorecards, debriefs, rubrics };
    },
  };
}
