import { useLiveQuery } from 'dexie-react-hooks';
import { useRepositories } from '../../lib/repositories-context';
import type { RubricRef } from '../../domain/role';
import type { Rubric } from '../../domain/rubric';

/** One role, null when it does not exist; undefined while loading. */
export function useRole(id: string | undefined) {
  const repos = useRepositories();
  return useLiveQuery(async () => (id ? ((await repos.roles.get(id)) ?? null) : null), [repos, id]);
}

/** Every role's search, open or closed, by role id; undefined while loading. */
export function useRoleSearches() {
  const repos = useRepositories();
  return useLiveQuery(() => repos.roles.searches(), [repos]);
}

/**
 * Rubrics a role's loop plan can use: the latest of each, plus every version the plan already
 * uses when it is older (so an existing choice stays on screen as it is).
 */
export function useRubricChoices(current: readonly RubricRef[] = []) {
  const repos = useRepositories();
  const wanted = current.map((ref) => `${ref.id}@${ref.version}`).join(' ');
  return useLiveQuery(async () => {
    const latest = await repos.rubrics.listLatest();
    const older: Rubric[] = [];
    for (const token of new Set(wanted.split(' ').filter(Boolean))) {
      const at = token.lastIndexOf('@');
      const id = token.slice(0, at);
      const version = Number(token.slice(at + 1));
      if ([...latest, ...older].some((r) => r.id === id && r.version === version)) continue;
      const own = await repos.rubrics.get(id, version);
      if (own) older.push(own);
    }
    return [...older, ...latest];
  }, [repos, wanted]);
}

/** How many candidates of the role have a scorecard; 0 while loading or for a new role. */
export function useCandidatesWithScorecards(roleId: string | undefined) {
  const repos = useRepositories();
  return useLiveQuery(async () => (roleId ? repos.roles.countCandidatesWithScorecards(roleId) : 0), [repos, roleId]);
}
