import { roleSearch, type AcceptedOffer, type RoleSearch } from '../domain/role-search';
import type { Role } from '../domain/role';
import type { Candidate } from '../domain/candidate';
import type { Debrief } from '../domain/debrief';
import type { LoopcardDb } from './db';
import type { RepositoryContext } from './repository-context';

/** The roles list in one read: every role newest first, its search clock and how many candidates it has. */
export type RolesOverview = {
  roles: Role[];
  searches: Map<string, RoleSearch>;
  candidateCounts: Map<string, number>;
};

/**
 * The stored rows the roles list is worked out from, inside one read transaction: through Dexie
 * once the app has loaded (below), or straight from IndexedDB before it has (first-screen-read.ts).
 */
export type RolesOverviewRows = {
  /** Every role, newest `updatedAt` first, as stored. */
  rolesNewestFirst(): Promise<Role[]>;
  /** How many candidates each role given has, for those with any (no candidate is read). */
  candidateCounts(roleIds: readonly string[]): Promise<Map<string, number>>;
  debriefs(): Promise<Debrief[]>;
  candidates(ids: readonly string[]): Promise<(Candidate | undefined)[]>;
};

/** Accepted offers by role, with the candidate's name: an accepted offer closes its role's search. */
async function acceptedOffersIn(rows: Pick<RolesOverviewRows, 'debriefs' | 'candidates'>): Promise<Map<string, AcceptedOffer[]>> {
  const accepted = (await rows.debriefs()).filter((d) => d.offer?.outcome === 'accepted');
  const candidates = await rows.candidates(accepted.map((d) => d.candidateId));
  const byRole = new Map<string, AcceptedOffer[]>();
  accepted.forEach((d, i) => {
    const list = byRole.get(d.roleId) ?? [];
    list.push({ candidateId: d.candidateId, candidateName: candidates[i]?.name ?? '', recordedAt: d.offer?.recordedAt ?? '' });
    byRole.set(d.roleId, list);
  });
  return byRole;
}

/** The search clock of each role given, from the accepted offers. */
function searchesOf(roles: readonly Role[], accepted: Map<string, AcceptedOffer[]>, today: Date): Map<string, RoleSearch> {
  return new Map(roles.map((r) => [r.id, roleSearch(r, accepted.get(r.id) ?? [], today)]));
}

/** The roles list from its rows: one rule, whichever way the rows were read. */
export async function rolesOverviewFrom(rows: RolesOverviewRows, today: Date): Promise<RolesOverview> {
  const [roles, accepted] = await Promise.all([rows.rolesNewestFirst(), acceptedOffersIn(rows)]);
  const candidateCounts = await rows.candidateCounts(roles.map((r) => r.id));
  return { roles, searches: searchesOf(roles, accepted, today), candidateCounts };
}

/** The overview's rows through Dexie (call inside a transaction over roles, debriefs and candidates). */
function dexieRows(db: LoopcardDb): RolesOverviewRows {
  return {
    rolesNewestFirst: () => db.roles.orderBy('updatedAt').reverse().toArray(),
    candidateCounts: async (roleIds) => {
      // One pass over the index's keys; no candidate is read.
      const wanted = new Set(roleIds);
      const counts = new Map<string, number>();
      for (const key of await db.candidates.orderBy('roleId').keys()) {
        const roleId = String(key);
        if (wanted.has(roleId)) counts.set(roleId, (counts.get(roleId) ?? 0) + 1);
      }
      return counts;
    },
    debriefs: () => db.debriefs.toArray(),
    candidates: (ids) => db.candidates.bulkGet([...ids]),
  };
}

/**
 * Accepted offers by role, with the candidate's name: an accepted offer closes its role's search.
 * Call inside a transaction over debriefs and candidates.
 */
export function acceptedOffersByRole(db: LoopcardDb): Promise<Map<string, AcceptedOffer[]>> {
  return acceptedOffersIn(dexieRows(db));
}

/**
 * What the roles list (the first screen) reads. Rows are read as stored, with no schema, so the
 * first screen loads none: every write validated them and every upgrade migrated them. The roles
 * repository checks them against the schema for every other screen, where they are edited and
 * used.
 */
export function createRoleReads({ db, now }: Pick<RepositoryContext, 'db' | 'now'>) {
  const rows = dexieRows(db);
  /** The roles list's data in one transaction, so the list renders once, whole. */
  const overview = (): Promise<RolesOverview> => db.transaction('r', [db.roles, db.debriefs, db.candidates], () => rolesOverviewFrom(rows, now()));
  return {
    list: rows.rolesNewestFirst,

    async get(id: string): Promise<Role | undefined> {
      return db.roles.get(id);
    },

    /** Every role's search, open or closed, by role id. */
    async searches(): Promise<Map<string, RoleSearch>> {
      return db.transaction('r', [db.roles, db.debriefs, db.candidates], async () => {
        const [roles, accepted] = await Promise.all([db.roles.toArray(), acceptedOffersIn(rows)]);
        return searchesOf(roles, accepted, now());
      });
    },

    overview,
  };
}
