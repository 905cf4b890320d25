import type { Debrief } from '../domain/debrief';
import { candidateStage, roleSearch, type CandidateStage, type RoleSearch } from '../domain/pipeline';
import { acceptedOffersByRole } from './role-reads';
import type { RepositoryContext } from './repository-context';
import { revisionIndexValues } from './submitted-keys';

/** A candidate's place in the pipeline, with what the candidate page's offer actions need. */
export type CandidatePipeline = {
  stage: CandidateStage;
  decision: Debrief['decision'];
  offer: NonNullable<Debrief['offer']> | null;
  /** The candidate's role's search; null when the role is not on this device. */
  search: RoleSearch | null;
  /** Who accepted the offer that closed the role, when the search is closed. */
  closedBy: { candidateId: string; name: string } | null;
};

/**
 * Stages and search clocks, computed from the loops, submitted scorecards, decisions and offers on
 * this device. Read-only; loaded after the first screen, since it needs the debriefs.
 */
export function createPipelineRepository({ db, now }: RepositoryContext) {
  const tables = [db.roles, db.candidates, db.interviews, db.scorecardRevisions, db.debriefs, db.screens];

  async function stagesOf(candidateIds: readonly string[] | null): Promise<Map<string, CandidateStage>> {
    const [interviews, debriefs, screens] = await Promise.all([
      candidateIds ? db.interviews.where('candidateId').anyOf(candidateIds).toArray() : db.interviews.toArray(),
      candidateIds ? db.debriefs.where('candidateId').anyOf(candidateIds).toArray() : db.debriefs.toArray(),
      candidateIds ? db.screens.bulkGet([...candidateIds]) : db.screens.toArray(),
    ]);
    // Which interviews have a submitted revision: for some candidates, only their interviews' keys.
    const submitted = candidateIds
      ? await db.scorecardRevisions.where('interviewId').anyOf(interviews.map((i) => i.id)).uniqueKeys()
      : await revisionIndexValues(db, 'interviewId');
    const screenOf = new Map(screens.filter((s) => s !== undefined).map((s) => [s.candidateId, s]));
    const ids = candidateIds ?? (await db.candidates.toCollection().primaryKeys()).map(String);
    const submittedIds = new Set(submitted.map(String));
    const debriefOf = new Map(debriefs.map((d) => [d.candidateId, d]));
    const loopOf = new Map<string, (typeof interviews)[number][]>();
    for (const interview of interviews) {
      const loop = loopOf.get(interview.candidateId);
      if (loop) loop.push(interview);
      else loopOf.set(interview.candidateId, [interview]);
    }
    const today = now();
    return new Map(
      ids.map((id) => [
        id,
        candidateStage({ interviews: loopOf.get(id) ?? [], submittedInterviewIds: submittedIds, debrief: debriefOf.get(id) ?? null, screen: screenOf.get(id) ?? null, now: today }),
      ]),
    );
  }

  return {
    /** Each candidate's stage, by candidate id: the candidates named, or every candidate. */
    async candidateStages(candidateIds?: readonly string[]): Promise<Map<string, CandidateStage>> {
      return db.transaction('r', tables, () => stagesOf(candidateIds ?? null));
    },

    /** One candidate's stage, decision and offer, and their role's search; null when the candidate is not here. */
    async candidatePipeline(candidateId: string): Promise<CandidatePipeline | null> {
      return db.transaction('r', tables, async () => {
        const candidate = await db.candidates.get(candidateId);
        if (!candidate) return null;
        const [stages, debrief, role, accepted] = await Promise.all([
          stagesOf([candidateId]),
          db.debriefs.where('candidateId').equals(candidateId).first(),
          db.roles.get(candidate.roleId),
          acceptedOffersByRole(db),
        ]);
        const forRole = accepted.get(candidate.roleId) ?? [];
        const search = role ? roleSearch(role, forRole, now()) : null;
        const closer = search?.state === 'closed' ? forRole.find((o) => o.candidateId === search.candidateId) : undefined;
        return {
          stage: stages.get(candidateId) ?? { stage: 'no-loop', planned: 0, submitted: 0 },
          decision: debrief?.decision ?? null,
          offer: debrief?.offer ?? null,
          search,
          closedBy: closer ? { candidateId: closer.candidateId, name: closer.candidateName } : null,
        };
      });
    },
  };
}

export type PipelineRepository = ReturnType<typeof createPipelineRepository>;
