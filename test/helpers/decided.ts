import type { Repositories } from '../../src/data/repositories';
import type { Decision } from '../../src/domain/debrief';
import { contentOf } from '../../src/domain/scorecard';

const CONSENSUS = ['trigger', 'diagnosis', 'mitigation', 'rollback', 'prevention'].map((dimensionKey) => ({ dimensionKey, level: 3 as const, rationale: '' }));

/** A candidate of the role whose loop of two submitted "yes" scorecards, all level 3; decided when a decision is given. */
export async function candidateThroughDebrief(repos: Repositories, roleId: string, name: string, decision?: Decision) {
  const candidate = await repos.candidates.create({ name, roleId, notes: '' });
  for (const interviewer of ['Karel Dvořák', 'Ingrid Ødegaard']) await repos.interviews.addToLoop(candidate.id, { interviewerName: interviewer, plannedAt: '' });
  await submitLoop(repos, candidate.id);
  if (decision) await decide(repos, candidate.id, decision);
  return candidate;
}

/** Every interviewer of the candidate's loop submits a "yes" scorecard, level 3 on every dimension. */
export async function submitLoop(repos: Repositories, candidateId: string) {
  for (const interview of await repos.interviews.listByCandidate(candidateId)) {
    const card = await repos.scorecards.openForInterview(interview.id);
    const content = contentOf(card);
    content.ratings = content.ratings.map((r) => ({ ...r, level: 3, evidence: `${interview.interviewerName} on ${r.dimensionKey}` }));
    content.recommendation = 'yes';
    await repos.scorecards.submit(card.id, content, card.editVersion);
  }
}

/** Records the consensus (level 3 everywhere) and the decision, with a rationale. */
export async function decide(repos: Repositories, candidateId: string, decision: Decision) {
  await repos.debriefs.saveConsensus(candidateId, CONSENSUS);
  // Passed as a variable, so it type-checks whether or not the decision input names a rationale;
  // long enough for a decision that goes against the panel.
  const input = {
    decision,
    decidedBy: 'Dana Dvořák',
    nextStep: 'Call the candidate.',
    decisionRationale: 'Solid on every dimension, no red flags; where the panel differed, the lead weighed the evidence on rollback and prevention.',
  };
  return repos.debriefs.recordDecision(candidateId, input);
}
