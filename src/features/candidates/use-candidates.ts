import { useLiveQuery } from 'dexie-react-hooks';
import { useRepositories } from '../../lib/repositories-context';

export function useCandidatesOverview() {
  const repos = useRepositories();
  return useLiveQuery(async () => {
    const [roles, candidates] = await Promise.all([repos.roles.list(), repos.candidates.list()]);
    return { roles, candidates };
  }, [repos]);
}

/** A candidate with their role and loop; null when the candidate is not on this device. */
export function useCandidateDetail(id: string | undefined) {
  const repos = useRepositories();
  return useLiveQuery(async () => {
    if (!id) return null;
    const candidate = await repos.candidates.get(id);
    if (!candidate) return null;
    const [role, loop, scorecards, receivedLoop] = await Promise.all([
      repos.roles.get(candidate.roleId),
      repos.interviews.listByCandidate(id),
      repos.scorecards.listForCandidate(id),
      repos.settings.receivedLoop(id),
    ]);
    return { candidate, role: role ?? null, loop, scorecards, receivedLoop };
  }, [repos, id]);
}
