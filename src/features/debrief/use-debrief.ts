import { useLazyLiveQuery } from '../../lib/lazy-live-query';
import { useRepositories } from '../../lib/repositories-context';
import { latestSubmitted, panelRubricRefs } from '../../domain/aggregate';
import type { Rubric, RubricVersionRef } from '../../domain/rubric';

/** Candidates with at least one gathered (submitted) scorecard, for the debrief list: how many, and the first `limit`. */
export function useDebriefList(limit: number) {
  const repos = useRepositories();
  return useLazyLiveQuery(repos.debriefs, async () => {
    const [list, example] = await Promise.all([repos.debriefs.listGathered({ limit }), repos.exampleData.current()]);
    return { ...list, example };
  }, [repos, limit]).value;
}

/** Everything the debrief of one candidate needs; null when the candidate is not here. */
export function useDebriefData(candidateId: string | undefined) {
  const repos = useRepositories();
  return useLazyLiveQuery(repos.debriefs, async () => {
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
    // Every rubric version the panel was scored on (loop order of first use), or the role's.
    const refs = panelRubricRefs(latest, loop, role?.rubric ?? null);
    const found = await Promise.all(refs.map((ref) => repos.rubrics.get(ref.id, ref.version)));
    const rubrics = found.filter((r): r is Rubric => r !== undefined);
    const missing: RubricVersionRef[] = refs.filter((_, i) => found[i] === undefined);
    const rubricProblem = missing.length === 0 ? null : missingRubricsReason(missing, latest);
    return { candidate, role: role ?? null, loop, current: cards.current, revisions: cards.revisions, latest, debrief: debrief ?? null, me, rubrics, rubricProblem };
  }, [repos, candidateId]).value;
}

function missingRubricsReason(missing: readonly RubricVersionRef[], latest: readonly { rubric: RubricVersionRef; interviewerName: string }[]): string {
  const described = missing.map((ref) => {
    const names = latest.filter((s) => s.rubric.id === ref.id && s.rubric.version === ref.version).map((s) => s.interviewerName);
    return `${ref.id}, version ${ref.version}${names.length ? ` (scored by ${names.join(', ')})` : ''}`;
  });
  const what = missing.length === 1 ? `The rubric version ${described.join('')} is` : `The rubric versions ${described.join('; ')} are`;
  return `${what} not on this device, so those scores cannot be shown against their anchors. Import the loop file or the scorecard files, which carry their rubrics.`;
}
