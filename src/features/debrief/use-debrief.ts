import { useLiveQuery } from 'dexie-react-hooks';
import { useRepositories } from '../../lib/repositories-context';
import { latestSubmitted, panelRubricRef } from '../../domain/aggregate';

/** Candidates with at least one gathered (submitted) scorecard, for the debrief list. */
export function useDebriefList() {
  const repos = useRepositories();
  return useLiveQuery(async () => {
    const [candidates, roles, example] = await Promise.all([repos.candidates.list(), repos.roles.list(), repos.exampleData.current()]);
    const rows = await Promise.all(
      candidates.map(async (candidate) => {
        const { revisions } = await repos.scorecards.listForCandidate(candidate.id);
        const debrief = await repos.debriefs.getByCandidate(candidate.id);
        return { candidate, role: roles.find((r) => r.id === candidate.roleId) ?? null, submitted: latestSubmitted(revisions).length, debrief: debrief ?? null };
      }),
    );
    return { rows: rows.filter((r) => r.submitted > 0), example };
  }, [repos]);
}

/** Everything the debrief of one candidate needs; null when the candidate is not here. */
export function useDebriefData(candidateId: string | undefined) {
  const repos = useRepositories();
  return useLiveQuery(async () => {
    if (!candidateId) return null;
    const candidate = await repos.candidates.get(candidateId);
    if (!candidate) return null;
    const [role, loop, cards, debrief, me] = await Promise.all([
      repos.roles.get(candidate.roleId),
      repos.interviews.listByCandidate(candidateId),
      repos.scorecards.listForCandidate(candidateId),
      repos.debriefs.getByCandidate(candidateId),
      repos.settings.getInterviewerName(),
    ]);
    const latest = latestSubmitted(cards.revisions);
    const panel = panelRubricRef(latest, role?.rubric ?? null);
    const rubric = panel.ok && panel.ref ? await repos.rubrics.get(panel.ref.id, panel.ref.version) : undefined;
    const rubricProblem = panel.ok ? null : panel.reason;
    return { candidate, role: role ?? null, loop, current: cards.current, revisions: cards.revisions, latest, debrief: debrief ?? null, me, rubric: rubric ?? null, rubricProblem };
  }, [repos, candidateId]);
}
