import { useLiveQuery } from 'dexie-react-hooks';
import { useRepositories } from '../../lib/repositories-context';
import { useLazyLiveQuery } from '../../lib/lazy-live-query';

export function useCandidatesOverview() {
  const repos = useRepositories();
  return useLiveQuery(async () => {
    const [roles, candidates] = await Promise.all([repos.roles.list(), repos.candidates.list()]);
    return { roles, candidates };
  }, [repos]);
}

/** A candidate with their role, loop and the rubrics they use; null when the candidate is not on this device. */
export function useCandidateDetail(id: string | undefined) {
  const repos = useRepositories();
  return useLiveQuery(async () => {
    if (!id) return null;
    const candidate = await repos.candidates.get(id);
    if (!candidate) return null;
    const [role, loop, scorecards, receivedLoop, rubrics] = await Promise.all([
      repos.roles.get(candidate.roleId),
      repos.interviews.listByCandidate(id),
      repos.scorecards.listForCandidate(id),
      repos.settings.receivedLoop(id),
      // Every version, for the names of the rubrics the plan and the loop's interviews use.
      repos.rubrics.list(),
    ]);
    return { candidate, role: role ?? null, loop, scorecards, receivedLoop, rubrics };
  }, [repos, id]);
}

/** The stages of the candidates named (those on screen), by candidate id (loaded with the pipeline's code). */
export function useCandidateStages(candidateIds: readonly string[]) {
  const repos = useRepositories();
  const key = candidateIds.join(' ');
  return useLazyLiveQuery(repos.pipeline, () => repos.pipeline.candidateStages(key ? key.split(' ') : []), [repos, key]);
}

/** One candidate's stage, decision, offer and role search; null when the candidate is not on this device. */
export function useCandidatePipeline(id: string) {
  const repos = useRepositories();
  return useLazyLiveQuery(repos.pipeline, () => repos.pipeline.candidatePipeline(id), [repos, id]);
}
