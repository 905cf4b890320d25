import { useRepositories } from '../../lib/repositories-context';
import { useLazyLiveQuery } from '../../lib/lazy-live-query';
import { slateCandidates } from '../../domain/slate-candidates';

/**
 * The role, its slate and its candidates with their screens, in one live query: it follows screens
 * saved in another tab. `value` is null when the role is not on this device, undefined while loading.
 */
export function useSourcing(roleId: string) {
  const repos = useRepositories();
  return useLazyLiveQuery(
    repos.sourcing,
    async () => {
      const role = await repos.roles.get(roleId);
      if (!role) return null;
      const [candidates, screens, slate] = await Promise.all([repos.candidates.listByRole(roleId), repos.sourcing.listScreens(roleId), repos.sourcing.slate(roleId)]);
      return { role, slate, candidates: slateCandidates(candidates, screens) };
    },
    [repos, roleId],
  );
}
