import { InterviewInputSchema, InterviewSchema, checkLoopAddition, sortLoop, type Interview, type InterviewInput } from '../domain/interview';
import { reviseRecord } from '../domain/revision';
import { NOT_IN_PLAN_MESSAGE, isPlanned, nextSlotFor } from '../domain/loop-plan';
import { loopPlanOf } from '../domain/role';
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
     * Adds one interviewer to a candidate's loop, running one interview of the role's loop plan:
     * the one asked for (`rubric`, which must be planned), or else the next the loop has not
     * filled. The interview keeps that rubric version even if the role's plan later moves on.
     */
    async addToLoop(candidateId: string, input: InterviewInput): Promise<Interview> {
      const fields = validate('Interview', InterviewInputSchema, input);
      return db.transaction('rw', [db.candidates, db.roles, db.interviews, db.rubrics], async () => {
        const candidate = await db.candidates.get(candidateId);
        if (!candidate) throw new ConflictError('This candidate no longer exists on this device.');
        const role = await db.roles.get(candidate.roleId);
        if (!role) throw new ConflictError('This candidate’s role no longer exists on this device.');
        const loop = await db.interviews.where('candidateId').equals(candidateId).toArray();
        const problem = checkLoopAddition(loop, fields.interviewerName);
        if (problem) throw new ConflictError(problem);
        const plan = loopPlanOf(role);
        if (fields.rubric && !isPlanned(plan, fields.rubric)) throw new ConflictError(NOT_IN_PLAN_MESSAGE);
        const rubric = fields.rubric ?? nextSlotFor(plan, loop)?.rubric ?? role.rubric;
        // A loop file made before plans travelled carries only its interviews' rubrics.
        if (!(await db.rubrics.get([rubric.id, rubric.version]))) {
          throw new ConflictError(`This interview’s rubric (${rubric.id} version ${rubric.version}) is not on this device. Import a fresh loop file or the rubric’s file first.`);
        }
        const interview = validate('Interview', InterviewSchema, reviseRecord({
          interviewerName: fields.interviewerName,
          plannedAt: fields.plannedAt,
          id: newId(),
          candidateId,
          roleId: role.id,
          rubric: { id: rubric.id, version: rubric.version },
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
