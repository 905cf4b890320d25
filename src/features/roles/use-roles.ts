import { useLiveQuery } from 'dexie-react-hooks';
import { useRepositories } from '../../lib/repositories-context';
import type { RubricRef } from '../../domain/role';

/** Every role, newest first; undefined while the database answers. */
export function useRoles() {
  const repos = useRepositories();
  return useLiveQuery(() => repos.roles.list(), [repos]);
}

/** One role, null when it does not exist; undefined while loading. */
export function useRole(id: string | undefined) {
  const repos = useRepositories();
  return useLiveQuery(async () => (id ? ((await repos.roles.get(id)) ?? null) : null), [repos, id]);
}

/** How many candidates each role has, by role id. */
export function useCandidateCounts() {
  const repos = useRepositories();
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    for (const c of await repos.candidates.list()) counts.set(c.roleId, (counts.get(c.roleId) ?? 0) + 1);
    return counts;
  }, [repos]);
}

/** Rubrics a role can use: the latest of each, plus the version the role already uses if older. */
export function useRubricChoices(current?: RubricRef) {
  const repos = useRepositories();
  const id = current?.id;
  const version = current?.version;
  return useLiveQuery(async () => {
    const latest = await repos.rubrics.listLatest();
    if (id === undefined || version === undefined || latest.some((r) => r.id === id && r.version === version)) return latest;
    const own = await repos.rubrics.get(id, version);
    return own ? [own, ...latest] : latest;
  }, [repos, id, version]);
}
