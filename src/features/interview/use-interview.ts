import { useLiveQuery } from 'dexie-react-hooks';
import { useRepositories } from '../../lib/repositories-context';

/**
 * An interview with everything around it: candidate, role, the exact rubric version, the loop, and
 * the candidate's scorecards. Null when the interview is not on this device.
 */
export function useInterviewContext(interviewId: string | undefined) {
  const repos = useRepositories();
  return useLiveQuery(async () => {
    if (!interviewId) return null;
    const interview = await repos.interviews.get(interviewId);
    if (!interview) return null;
    const [candidate, role, rubric, loop, scorecards] = await Promise.all([
      repos.candidates.get(interview.candidateId),
      repos.roles.get(interview.roleId),
      repos.rubrics.get(interview.rubric.id, interview.rubric.version),
      repos.interviews.listByCandidate(interview.candidateId),
      repos.scorecards.listForCandidate(interview.candidateId),
    ]);
    if (!candidate || !role || !rubric) return null;
    const own = scorecards.current.find((s) => s.interviewId === interview.id);
    const ownRevisions = scorecards.revisions.filter((r) => r.interviewId === interview.id).sort((a, b) => a.revision - b.revision);
    return { interview, candidate, role, rubric, loop, scorecards, own, ownRevisions };
  }, [repos, interviewId]);
}
