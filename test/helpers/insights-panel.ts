import type { Repositories } from '../../src/data/repositories';
import { contentOf } from '../../src/domain/scorecard';

export const INSIGHTS_PANEL = ['Ana Lopez', 'Ben Okafor', 'Linh Nguyễn'];

/**
 * A loop of three for a new candidate of `roleId`, each scorecard submitted through the
 * repositories: Ana and Ben give `level` everywhere, Linh one level more on the first three
 * dimensions (a lean of +0.6 against the other two).
 */
export async function scoredLoop(repos: Repositories, roleId: string, name: string, level: 1 | 2 | 3) {
  const candidate = await repos.candidates.create({ name, roleId, notes: '' });
  for (const interviewerName of INSIGHTS_PANEL) {
    const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName, plannedAt: '' });
    const card = await repos.scorecards.openForInterview(interview.id);
    const lenient = interviewerName === 'Linh Nguyễn';
    const ratings = card.ratings.map((r, i) => {
      const given = (lenient && i < 3 ? level + 1 : level) as 1 | 2 | 3 | 4;
      return { ...r, level: given, evidence: `${interviewerName} on ${r.dimensionKey}: level ${given}.` };
    });
    await repos.scorecards.submit(card.id, { ...contentOf(card), ratings, recommendation: 'yes', takeaways: 'Operator.' }, card.editVersion);
  }
  return candidate;
}
