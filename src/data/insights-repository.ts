import { insightRoles, roleInsights, type RoleChoice, type RoleInsights } from '../domain/insights';
import type { RepositoryContext } from './repository-context';

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
      return db.transaction('r', [db.roles, db.scorecardRevisions, db.rubrics], async () => {
        const [roles, revisions, rubrics] = await Promise.all([db.roles.toArray(), db.scorecardRevisions.toArray(), db.rubrics.toArray()]);
        const choices = insightRoles(roles, revisions);
        const chosenId = choices.find((c) => c.roleId === roleId)?.roleId ?? choices[0]?.roleId;
        const role = roles.find((r) => r.id === chosenId);
        return { roles: choices, chosen: role ? roleInsights(role, revisions.filter((r) => r.roleId === role.id), rubrics) : null };
      });
    },
  };
}

export type InsightsRepository = ReturnType<typeof createInsightsRepository>;
