import { InterviewInputSchema, InterviewSchema, checkLoopAddition, sortLoop, type Interview, type InterviewInput } from '../domain/interview';
import { reviseRecord } from '../domain/revision';
import type { RepositoryContext } from './repository-context';
import { ConflictError, validate } from './validation';

export function createInterviewsRepository({ db, now, newId }: RepositoryContext) {
  return {
    /** The candidate's loop, in the order the interviews happen. */
    async listByCandidate(candidateId: string): Promise<Interview[]> {
      const rows = await db.interviews.where('candidateId').equals(candidateId).toArray();
      return sortLoop(rows.map((i) => InterviewSchema.parse(i)));
    },

    async get(id: string): Promise<Interview | undefined> {
      const row = await db.interviews.get(id);
      return row && InterviewSchema.parse(row);
    },

    /**
     * Adds one interviewer to a candidate's loop. The interview is scored against the rubric
     * version the role uses now, and keeps that version even if the role later moves on.
     */
    async addToLoop(candidateId: string, input: InterviewInput): Promise<Interview> {
      const fields = validate('Interview', InterviewInputSchema, input);
      return db.transaction('rw', [db.candidates, db.roles, db.interviews], async () => {
        const candidate = await db.candidates.get(candidateId);
        if (!candidate) throw new ConflictError('This candidate no longer exists on this device.');
        const role = await db.roles.get(candidate.roleId);
        if (!role) throw new ConflictError('This candidate’s role no longer exists on this device.');
        const loop = await db.interviews.where('candidateId').equals(candidateId).toArray();
        const problem = checkLoopAddition(loop, fields.interviewerName);
        if (problem) throw new ConflictError(problem);
        const interview = validate('Interview', InterviewSchema, reviseRecord({
          ...fields,
          id: newId(),
          candidateId,
          roleId: role.id,
          rubric: role.rubric,
          createdAt: now().toISOString(),
        }));
        await db.interviews.add(interview);
        return interview;
      });
    },

    /** Removes a planned interview; one that has a scorecard stays, so no evidence is lost. */
    async removeFromLoop(id: string): Promise<void> {
      await db.transaction('rw', db.interviews, db.scorecards, async () => {
        if ((await db.scorecards.where('interviewId').equals(id).count()) > 0) {
          throw new ConflictError('This interview has a scorecard and cannot be removed from the loop.');
        }
        await db.interviews.delete(id);
      });
    },
  };
}

export type InterviewsRepository = ReturnType<typeof createInterviewsRepository>;
