import { roleSearch, type AcceptedOffer, type RoleSearch } from '../domain/role-search';
import type { Role } from '../domain/role';
import type { LoopcardDb } from './db';
import type { RepositoryContext } from './repository-context';

/** The roles list in one read: every role newest first, its search clock and how many candidates it has. */
export type RolesOverview = {
  roles: Role[];
  searches: Map<string, RoleSearch>;
  candidateCounts: Map<string, number>;
};

/**
 * Accepted offers by role, with the candidate's name: an accepted offer closes its role's search.
 * Call inside a transaction over debriefs and candidates.
 */
export async function acceptedOffersByRole(db: LoopcardDb): Promise<Map<string, AcceptedOffer[]>> {
  const accepted = (await db.debriefs.toArray()).filter((d) => d.offer?.outcome === 'accepted');
  const candidates = await db.candidates.bulkGet(accepted.map((d) => d.candidateId));
  const byRole = new Map<string, AcceptedOffer[]>();
  accepted.forEach((d, i) => {
    const list = byRole.get(d.roleId) ?? [];
    list.push({ candidateId: d.candidateId, candidateName: candidates[i]?.name ?? '', recordedAt: d.offer?.recordedAt ?? '' });
    byRole.set(d.roleId, list);
  });
  return byRole;
}

/**
 * What the roles list (the first screen) reads. Rows are read as stored, with no schema, so the
 * first screen loads none: every write validated them and every upgrade migrated them. The roles
 * repository checks them against the schema for every other screen, where they are edited and
 * used.
 */
export function createRoleReads({ db, now }: Pick<RepositoryContext, 'db' | 'now'>) {
  /** Newest first: the role someone is working on is usually the last one touched. */
  const list = (): Promise<Role[]> => db.roles.orderBy('updatedAt').reverse().toArray();

  /** The search clock of each role given, from the accepted offers (inside a transaction over roles, debriefs and candidates). */
  const searchesOf = async (roles: readonly Role[]): Promise<Map<string, RoleSearch>> => {
    const accepted = await acceptedOffersByRole(db);
    const today = now();
    return new Map(roles.map((r) => [r.id, roleSearch(r, accepted.get(r.id) ?? [], today)]));
  };

  return {
    list,

    async get(id: string): Promise<Role | undefined> {
      return db.roles.get(id);
    },

    /** Every role's search, open or closed, by role id. */
    async searches(): Promise<Map<string, RoleSearch>> {
      return db.transaction('r', [db.roles, db.debriefs, db.candidates], async () => searchesOf(await db.roles.toArray()));
    },

    /** The roles list's data in one transaction, so the list renders once, whole. */
    async overview(): Promise<RolesOverview> {
      return db.transaction('r', [db.roles, db.debriefs, db.candidates], async () => {
        const [roles, roleIds] = await Promise.all([
          list(),
          // Keys only: counting candidates reads none of them.
          db.candidates.orderBy('roleId').keys(),
        ]);
        const candidateCounts = new Map<string, number>();
        for (const key of roleIds) candidateCounts.set(String(key), (candidateCounts.get(String(key)) ?? 0) + 1);
        return { roles, searches: await searchesOf(roles), candidateCounts };
      });
    },
  };
}