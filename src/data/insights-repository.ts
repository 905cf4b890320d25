import { rolesBySubmitted, roleInsights, type RoleChoice, type RoleInsights } from '../domain/insights';
import type { RepositoryContext } from './repository-context';
import { submittedScorecardsByCandidate } from './submitted-keys';

export type InsightsView = {
  /** Roles with submitted scorecards on this device, the most first. */
  roles: RoleChoice[];
  /** The chosen role's model: the one asked for, else the role with the most submitted scorecards; null when none has any. */
  chosen: RoleInsights | null;
};

/** Agreement and calibration, read from the submitted scorecards, the roles and the rubric versions on this device. */
export function createInsightsRepository({ db }: RepositoryContext) {
  return {
    async insights(roleId: string | null = null): Promise<InsightsView> {
      return db.transaction('r', [db.roles, db.candidates, db.scorecardRevisions, db.rubrics], async () => {
        // Counts per role from the revisions' keys (every stored revision is submitted), so only
        // the chosen role's scorecards are read whole.
        const [roles, candidates, byCandidate, rubrics] = await Promise.all([db.roles.toArray(), db.candidates.toArray(), submittedScorecardsByCandidate(db), db.rubrics.toArray()]);
        const roleOf = new Map(candidates.map((c) => [c.id, c.roleId]));
        const counts = new Map<string, number>();
        for (const [candidateId, scorecards] of byCandidate) {
          const role = roleOf.get(candidateId);
          if (role !== undefined) counts.set(role, (counts.get(role) ?? 0) + scorecards.size);
        }
        const choices = rolesBySubmitted(roles, counts);
        const chosenId = choices.find((c) => c.roleId === roleId)?.roleId ?? choices[0]?.roleId;
        const role = roles.find((r) => r.id === chosenId);
        if (!role) return { roles: choices, chosen: null };
        const ofRole = candidates.filter((c) => c.roleId === role.id).map((c) => c.id);
        const revisions = await db.scorecardRevisions.where('candidateId').anyOf(ofRole).toArray();
        return { roles: choices, chosen: roleInsights(role, revisions, rubrics) };
      });
    },
  };
}

export type InsightsRepository = ReturnType<typeof createInsightsRepository>;
