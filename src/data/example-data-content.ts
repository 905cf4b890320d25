/**
 * The example's content (a role, a candidate, three scorecards), loaded only when someone asks to
 * explore a debrief: it is text the first screen never needs.
 */
import { BUILTIN_RUBRIC } from '../domain/builtin-rubric';
import type { RoleInput } from '../domain/role';
import type { ScorecardContent } from '../domain/scorecard';
import { contentOf } from '../domain/scorecard';
import { NOT_COVERED, type RatingLevel, type Recommendation } from '../domain/rubric';
import type { RepositoryContext } from './repository-context';
import { createRolesRepository } from './roles-repository';
import { createCandidatesRepository } from './candidates-repository';
import { createInterviewsRepository } from './interviews-repository';
import { createScorecardsRepository } from './scorecards-repository';

import { EXAMPLE_KEY } from './example-data-key';

export const EXAMPLE_MARK = '(example)';

const ROLE: RoleInput = {
  title: `Senior MLOps Engineer, Serving ${EXAMPLE_MARK}`,
  lane: 'serving-reliability',
  mandate: 'Migrate model serving off Flask, improve autoscaling, and cut p99 latency.',
  level: 'senior',
  compBand: { min: 240_000, max: 310_000, currency: 'USD', basis: 'base' },
  openedOn: '2026-10-19',
  targetCloseWeeks: 6,
  rubric: { id: BUILTIN_RUBRIC.id, version: BUILTIN_RUBRIC.version },
};

type Card = { interviewer: string; levels: (RatingLevel | typeof NOT_COVERED)[]; evidence: string[]; recommendation: Recommendation; redFlags?: { key: string; note: string }[]; takeaways: string };

/** Three interviewers who agree on most of it and split on rollback (2 vs 4): the debrief has work to do. */
const CARDS: Card[] = [
  {
    interviewer: 'Karel Dvořák',
    levels: [3, 3, 3, 2, 3],
    evidence: [
      '02:40 — paged by the p99 latency alert on the ranking endpoint; first signal was a saturation dashboard.',
      'Ruled out the feature store by replaying traffic; traced it to a model version with a 3× larger embedding table.',
      'Shifted 30% of traffic to the previous model within 12 minutes.',
      'Rollback was by hand: redeployed the old container; no registry pin. Took 40 minutes.',
      'Postmortem added a latency gate to the canary.',
    ],
    recommendation: 'yes',
    takeaways: 'Operator instincts; rollback path was weak at the time and they know it.',
  },
  {
    interviewer: 'Ingrid Ødegaard',
    levels: [3, 4, 3, 4, 3],
    evidence: [
      'Alert fired on p99 > 800 ms for 5 minutes; detection gap about 6 minutes.',
      'Hypotheses in order: traffic spike, cache miss storm, model size. Confirmed with traces from the serving pods.',
      'Shed load to the fallback model; accepted a small accuracy drop.',
      'Pinned the previous version in the registry and used the canary to roll back; back in 4 minutes the second time.',
      'Canary now blocks promotion on p99; on-call runbook updated.',
    ],
    recommendation: 'strong-yes',
    takeaways: 'Clear ownership; walked through the whole incident in first person.',
  },
  {
    interviewer: 'Zhōu Min',
    levels: [2, 3, 3, 2, NOT_COVERED],
    evidence: [
      'Mentioned an alert but not which one.',
      'Found the cause with traces; ruled out data drift.',
      'Fallback model within 15 minutes.',
      'Said “we rolled back” without the mechanism; unclear who drove it.',
      '',
    ],
    recommendation: 'yes',
    redFlags: [{ key: 'no-ownership', note: 'Rollback described only as “we”.' }],
    takeaways: 'Strong on diagnosis; wanted more on rollback ownership.',
  },
];

function fill(content: ScorecardContent, card: Card): ScorecardContent {
  return {
    ...content,
    ratings: content.ratings.map((r, i) => ({ ...r, level: card.levels[i] ?? null, evidence: card.evidence[i] ?? '', probesCovered: i === 3 ? ['rollback-plan'] : ['monitoring-signals'] })),
    recommendation: card.recommendation,
    redFlags: card.redFlags ?? [],
    takeaways: card.takeaways,
  };
}


/** One role, one candidate, three submitted scorecards that disagree on rollback. */
export async function createExampleData(ctx: RepositoryContext): Promise<{ roleId: string; candidateId: string }> {
  const { db } = ctx;
  const roles = createRolesRepository(ctx);
  const candidates = createCandidatesRepository(ctx);
  const interviews = createInterviewsRepository(ctx);
  const scorecards = createScorecardsRepository(ctx);
  const role = await roles.create(ROLE);
  const candidate = await candidates.create({ roleId: role.id, name: `Linh Nguyễn ${EXAMPLE_MARK}`, notes: 'Example data: explore the debrief, then remove it from the Data screen or the debrief page.' });
  await db.settings.put({ key: EXAMPLE_KEY, value: { roleId: role.id, candidateId: candidate.id } });
  for (const card of CARDS) {
    const interview = await interviews.addToLoop(candidate.id, { interviewerName: card.interviewer, plannedAt: '' });
    const draft = await scorecards.openForInterview(interview.id);
    await scorecards.submit(draft.id, fill(contentOf(draft), card), draft.editVersion);
  }
  return { roleId: role.id, candidateId: candidate.id };
}
