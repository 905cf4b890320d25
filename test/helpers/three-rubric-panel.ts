import type { Repositories } from '../../src/data/repositories';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { ML_SYSTEM_DESIGN_RUBRIC, ROLLBACK_SCENARIO_RUBRIC } from '../../src/domain/builtin-rubric-library';
import type { Recommendation, RatingLevel } from '../../src/domain/rubric';
import { contentOf } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';

/** A loop of three interviews, each on its own built-in rubric: incident review, system design, rollback scenario. */
export const THREE_RUBRIC_PLAN = [
  { key: 's1', rubric: { id: BUILTIN_RUBRIC.id, version: 1 } },
  { key: 's2', rubric: { id: ML_SYSTEM_DESIGN_RUBRIC.id, version: 1 } },
  { key: 's3', rubric: { id: ROLLBACK_SCENARIO_RUBRIC.id, version: 1 } },
];

export type PanelMember = { name: string; levels: readonly RatingLevel[]; recommendation: Recommendation; redFlag?: string };

/**
 * A role planned with three rubrics, a candidate, and one interviewer per slot who scores and
 * submits through the repositories, as the app does. Levels are in each rubric's dimension order.
 */
export async function scoreThreeRubricPanel(repos: Repositories, members: readonly PanelMember[], candidateName = 'Priya Raman') {
  const role = await repos.roles.create({ ...servingRole, loopPlan: THREE_RUBRIC_PLAN });
  const candidate = await repos.candidates.create({ name: candidateName, roleId: role.id, notes: '' });
  const interviews = [];
  for (const member of members) {
    const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: member.name, plannedAt: '' });
    const card = await repos.scorecards.openForInterview(interview.id);
    const content = contentOf(card);
    content.ratings = content.ratings.map((r, i) => ({ ...r, level: member.levels[i] ?? 3, evidence: `${member.name} on ${r.dimensionKey}: the story, in their words.` }));
    content.recommendation = member.recommendation;
    if (member.redFlag) content.redFlags = [{ key: member.redFlag, note: `${member.name} heard it.` }];
    await repos.scorecards.submit(card.id, content, card.editVersion);
    interviews.push(interview);
  }
  return { role, candidate, interviews };
}
