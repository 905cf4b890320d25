import { describe, expect, it } from 'vitest';
import { aggregatePanel } from '../../src/domain/aggregate';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { ML_SYSTEM_DESIGN_RUBRIC, ROLLBACK_SCENARIO_RUBRIC } from '../../src/domain/builtin-rubric-library';
import {
  DECISION_RATIONALE_MAX_LENGTH,
  DebriefSchema,
  RATIONALE_AGAINST_PANEL_MIN_LENGTH,
  checkArrivingDecision,
  checkDecision,
  decisionGoesAgainst,
  type Consensus,
  type Decision,
} from '../../src/domain/debrief';
import type { Interview } from '../../src/domain/interview';
import { reviseRecord } from '../../src/domain/revision';
import type { Recommendation, RatingLevel, Rubric } from '../../src/domain/rubric';
import { createDraftScorecard } from '../../src/domain/scorecard-rules';
import { NOW, all, cardFor, debriefOf, interviewOf } from '../helpers/panel';

const ana = interviewOf('i-1', 'Ana Lopez');
const ben = interviewOf('i-2', 'Ben Okafor');
const jonas = interviewOf('i-3', 'Jonas Weiß');

/** A panel on the incident rubric: each interviewer's recommendation, level 3 everywhere. */
function panelOf(recommendations: readonly Recommendation[]) {
  const loop = [ana, ben, jonas].slice(0, recommendations.length);
  const cards = loop.map((interview, i) => cardFor(interview, all(3), { recommendation: recommendations[i] ?? null }));
  return aggregatePanel([BUILTIN_RUBRIC], cards, loop);
}

/** A consensus on the incident rubric: level 3 everywhere but the given dimensions. */
function consensusWith(levels: Partial<Record<string, RatingLevel>> = {}): Consensus[] {
  return BUILTIN_RUBRIC.dimensions.map((d) => ({ dimensionKey: d.key, level: levels[d.key] ?? 3, rationale: '' }));
}

const against = (decision: Decision, recommendations: readonly Recommendation[], levels: Partial<Record<string, RatingLevel>> = {}) =>
  decisionGoesAgainst(decision, consensusWith(levels), panelOf(recommendations), [BUILTIN_RUBRIC]);

describe('what a decision goes against', () => {
  it('names a hire against a panel most of whom said no, with the scale’s own words', () => {
    expect(against('hire', ['no', 'no', 'yes'])).toEqual(['2 of 3 interviewers recommended No']);
    expect(against('hire', ['strong-no', 'no', 'strong-yes'])).toEqual(['2 of 3 interviewers recommended No or Strong no']);
    expect(against('hire', ['strong-no'])).toEqual(['1 of 1 interviewer recommended Strong no']);
  });

  it('names a no hire against a panel most of whom said yes', () => {
    expect(against('no-hire', ['yes', 'strong-yes', 'no'])).toEqual(['2 of 3 interviewers recommended Yes or Strong yes']);
    expect(against('no-hire', ['yes', 'yes', 'yes'])).toEqual(['3 of 3 interviewers recommended Yes']);
  });

  it('finds nothing against a decision the majority shares, a tie, or more signal', () => {
    expect(against('hire', ['yes', 'strong-yes', 'no'])).toEqual([]);
    expect(against('no-hire', ['no', 'no', 'yes'])).toEqual([]);
    expect(against('hire', ['yes', 'no'])).toEqual([]); // one each: no majority to go against
    expect(against('more-signal', ['no', 'no', 'no'], { rollback: 1 })).toEqual([]);
  });

  it('names every consensus of 1 or 2 under a hire, in rubric order, with its level', () => {
    expect(against('hire', ['yes', 'yes', 'yes'], { rollback: 2, trigger: 1 })).toEqual(['Trigger’s consensus is 1 · No evidence', 'Rollback’s consensus is 2 · Partial']);
    expect(against('hire', ['no', 'no', 'yes'], { rollback: 2 })).toEqual(['2 of 3 interviewers recommended No', 'Rollback’s consensus is 2 · Partial']);
    // A low consensus under a no hire agrees with it.
    expect(against('no-hire', ['no', 'no', 'yes'], { rollback: 1 })).toEqual([]);
  });

  it('ignores a dimension nobody has given a consensus yet, and “not covered”', () => {
    const consensus = consensusWith().map((c) => (c.dimensionKey === 'rollback' ? { ...c, level: null } : c.dimensionKey === 'prevention' ? { ...c, level: 'not-covered' as const } : c));
    expect(decisionGoesAgainst('hire', consensus, panelOf(['yes', 'yes']), [BUILTIN_RUBRIC])).toEqual([]);
  });

  it('names the rubric of a low consensus when the panel was scored on several', () => {
    const rubrics: Rubric[] = [BUILTIN_RUBRIC, ML_SYSTEM_DESIGN_RUBRIC, ROLLBACK_SCENARIO_RUBRIC];
    const loop: Interview[] = rubrics.map((r, i) => reviseRecord({ id: `i-${i}`, candidateId: 'cand-1', roleId: 'role-1', rubric: { id: r.id, version: r.version }, interviewerName: ['Ana Lopez', 'Ben Okafor', 'Jonas Weiß'][i] ?? '', plannedAt: '', createdAt: NOW }));
    const cards = loop.map((interview, i) => {
      const rubric = rubrics[i] as Rubric;
      const draft = createDraftScorecard(interview, rubric, `sc-${interview.id}`, NOW);
      return { ...draft, ratings: draft.ratings.map((r) => ({ ...r, level: 3 as const, evidence: 'Heard it.' })), recommendation: (['yes', 'yes', 'no'] as const)[i] ?? null, status: 'submitted' as const, submittedAt: NOW, contentHash: 'a'.repeat(64) };
    });
    const aggregate = aggregatePanel(rubrics, cards, loop);
    const consensus: Consensus[] = rubrics.flatMap((r) => r.dimensions.map((d) => ({ dimensionKey: d.key, level: r === ROLLBACK_SCENARIO_RUBRIC && d.key === r.dimensions[0]?.key ? (2 as const) : (3 as const), rationale: '', rubric: { id: r.id, version: r.version } })));
    const first = ROLLBACK_SCENARIO_RUBRIC.dimensions[0]?.title ?? '';
    expect(decisionGoesAgainst('hire', consensus, aggregate, rubrics)).toEqual([`${first}’s consensus (Rollback scenario · version 1) is 2 · Partial`]);
  });
});

describe('the decision’s rationale', () => {
  const complete = { decision: 'hire' as const, decisionRationale: 'Strongest operator of the slate.', decidedBy: 'Dana Whitfield', nextStep: 'Offer call.' };

  it('is required, and spaces are not a rationale', () => {
    expect(checkDecision({ ...complete, decisionRationale: '' })).toEqual([{ field: 'decisionRationale', message: 'Say why this decision was taken.' }]);
    expect(checkDecision({ ...complete, decisionRationale: ' \n\t ' })).toEqual([{ field: 'decisionRationale', message: 'Say why this decision was taken.' }]);
    expect(checkDecision({ decision: 'hire', decidedBy: 'Dana', nextStep: 'Offer call.' })).toEqual([{ field: 'decisionRationale', message: 'Say why this decision was taken.' }]);
    expect(checkDecision(complete)).toEqual([]);
  });

  it('refuses 20,000 characters, naming the limit', () => {
    expect(checkDecision({ ...complete, decisionRationale: 'x'.repeat(20_000) })).toEqual([{ field: 'decisionRationale', message: 'The rationale must be at most 5,000 characters.' }]);
    expect(checkDecision({ ...complete, decisionRationale: 'x'.repeat(DECISION_RATIONALE_MAX_LENGTH) })).toEqual([]);
  });

  it('must be at least the named length when the decision goes against the panel, and says how long it is now', () => {
    const goesAgainst = ['2 of 3 interviewers recommended No'];
    const short = 'Rollback was manual but fine.';
    expect(checkDecision({ ...complete, decisionRationale: short }, goesAgainst)).toEqual([
      { field: 'decisionRationale', message: `This decision goes against the panel: say why in the rationale, in at least 80 characters (now ${short.length}).` },
    ]);
    expect(checkDecision({ ...complete, decisionRationale: '' }, goesAgainst)[0]?.message).toBe('This decision goes against the panel: say why in the rationale, in at least 80 characters.');
    // Spaces around it do not count towards the length.
    expect(checkDecision({ ...complete, decisionRationale: `${'a'.repeat(RATIONALE_AGAINST_PANEL_MIN_LENGTH - 1)}      ` }, goesAgainst)).toHaveLength(1);
    expect(checkDecision({ ...complete, decisionRationale: 'a'.repeat(RATIONALE_AGAINST_PANEL_MIN_LENGTH) }, goesAgainst)).toEqual([]);
  });
});

describe('a decided debrief arriving in a file', () => {
  const decided = debriefOf({ decision: 'hire', decidedBy: 'Dana Whitfield', nextStep: 'Offer call.', decidedAt: NOW, consensus: consensusWith() });

  it('decided before the rationale existed: still verifies and is accepted without one', () => {
    expect('decisionRationale' in decided).toBe(false);
    expect(DebriefSchema.safeParse(decided).success).toBe(true);
    expect(checkArrivingDecision(decided)).toEqual([]);
  });

  it('decided since: needs its rationale like a decision recorded here', () => {
    expect(checkArrivingDecision({ ...decided, decisionRationale: '' })).toEqual([{ field: 'decisionRationale', message: 'Say why this decision was taken.' }]);
    expect(checkArrivingDecision({ ...decided, decisionRationale: 'Strongest operator of the slate.' })).toEqual([]);
    expect(checkArrivingDecision({ ...decided, decidedBy: '' })).toEqual([{ field: 'decidedBy', message: 'Name the decision-maker.' }]);
  });
});
