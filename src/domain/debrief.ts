import { z } from 'zod';
import { IdSchema, TimestampSchema, optionalText, REVISION_FIELDS } from './fields';
import { LevelAnswerSchema } from './scorecard';
import { NOT_COVERED, RECOMMENDATIONS, RubricVersionRefSchema, levelLabel, recommendationLabel, sameRubricVersion, type Recommendation, type Rubric, type RubricVersionRef } from './rubric';
import { rubricVersionLabels, type PanelAggregate } from './aggregate';

export const RATIONALE_MAX_LENGTH = 5_000;
export const DECIDED_BY_MAX_LENGTH = 80;
export const NEXT_STEP_MAX_LENGTH = 1_000;
export const DECISIONS = ['hire', 'no-hire', 'more-signal'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  hire: 'Hire',
  'no-hire': 'No hire',
  'more-signal': 'More signal needed',
};

/** One entry per dimension of each rubric in the loop: at most twelve rubrics of twelve dimensions. */
export const CONSENSUS_MAX_ENTRIES = 12 * 12;

export const DECISION_RATIONALE_MAX_LENGTH = 5_000;
export const OFFER_OUTCOMES = ['accepted', 'declined'] as const;
export type OfferOutcome = (typeof OFFER_OUTCOMES)[number];

/** An offer's outcome and when it was recorded: an accepted offer closes the role's search. */
export const OfferSchema = z
  .object({
    outcome: z.enum(OFFER_OUTCOMES),
    recordedAt: TimestampSchema,
  })
  .strict();
export type Offer = z.infer<typeof OfferSchema>;

export const ConsensusSchema = z
  .object({
    dimensionKey: z.string().min(1).max(40),
    level: LevelAnswerSchema,
    rationale: optionalText('Rationale', RATIONALE_MAX_LENGTH),
    /**
     * The rubric version the dimension belongs to, since a panel may be scored on several and two
     * may share a key. Optional: an entry without it (recorded before) is the panel's only
     * rubric's, so every debrief revised before still verifies.
     */
    rubric: RubricVersionRefSchema.optional(),
  })
  .strict();
export type Consensus = z.infer<typeof ConsensusSchema>;

export const DebriefSchema = z
  .object({
    id: IdSchema,
    candidateId: IdSchema,
    roleId: IdSchema,
    consensus: z.array(ConsensusSchema).max(CONSENSUS_MAX_ENTRIES),
    decision: z.union([z.enum(DECISIONS), z.null()]),
    decidedBy: optionalText('Decision-maker', DECIDED_BY_MAX_LENGTH),
    nextStep: optionalText('Next step', NEXT_STEP_MAX_LENGTH),
    decidedAt: z.union([TimestampSchema, z.null()]),
    /**
     * Why the decision was taken, in a few sentences. Optional in the schema, because debriefs
     * decided before it existed must still verify; required for every decision recorded from now
     * (the decision rules check it).
     */
    decisionRationale: optionalText('Decision rationale', DECISION_RATIONALE_MAX_LENGTH).optional(),
    /** The candidate's answer to an offer, recorded by the lead after a hire decision; absent until then. */
    offer: OfferSchema.nullable().optional(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    ...REVISION_FIELDS,
  })
  .strict();
export type Debrief = z.infer<typeof DebriefSchema>;

/**
 * A consensus level departs from the panel when it is outside the median's neighbourhood: for a
 * whole median, any other level; for a median between two levels (2.5), anything but those two.
 * "Not covered" departs whenever the panel rated the dimension.
 */
export function departsFromMedian(level: Consensus['level'], panelMedian: number | null): boolean {
  if (level === null) return false;
  if (panelMedian === null) return level !== NOT_COVERED;
  if (level === NOT_COVERED) return true;
  return level < Math.floor(panelMedian) || level > Math.ceil(panelMedian);
}

export type DebriefIssue = { field: string; message: string };

/**
 * The consensus entry of one dimension of one rubric version: the entry naming that version, or,
 * when the panel has only this rubric, an entry naming none (recorded before panels had several).
 */
export function consensusFor(consensus: readonly Consensus[], rubric: RubricVersionRef, dimensionKey: string, onlyRubric: boolean): Consensus | undefined {
  return (
    consensus.find((c) => c.dimensionKey === dimensionKey && c.rubric !== undefined && sameRubricVersion(c.rubric, rubric)) ??
    (onlyRubric ? consensus.find((c) => c.dimensionKey === dimensionKey && c.rubric === undefined) : undefined)
  );
}

/**
 * Which rubric a consensus check is about: its version, whether it is the panel's only rubric,
 * the prefix of its fields, and the label its messages start with (none for an only rubric).
 */
export type ConsensusScope = { rubric: RubricVersionRef; onlyRubric: boolean; fieldPrefix: string; label: string | null };

/** What the consensus still needs: a level per dimension, and a rationale wherever it departs. */
export function checkConsensus(
  consensus: readonly Consensus[],
  dimensions: readonly { key: string; title: string; median: number | null }[],
  scope?: ConsensusScope,
): DebriefIssue[] {
  const issues: DebriefIssue[] = [];
  const prefix = scope?.fieldPrefix ?? 'consensus';
  const named = (title: string) => (scope?.label ? `${scope.label}, ${title}` : title);
  for (const d of dimensions) {
    const entry = scope ? consensusFor(consensus, scope.rubric, d.key, scope.onlyRubric) : consensus.find((c) => c.dimensionKey === d.key);
    if (!entry || entry.level === null) {
      issues.push({ field: `${prefix}-${d.key}`, message: `${named(d.title)}: record the panel’s consensus level.` });
    } else if (departsFromMedian(entry.level, d.median) && entry.rationale.trim() === '') {
      issues.push({ field: `${prefix}-${d.key}-rationale`, message: `${named(d.title)}: the consensus departs from the panel median, so say why.` });
    }
  }
  return issues;
}

/**
 * The consensus each rubric of the panel needs, in the aggregate's order: one scope per rubric
 * version, with its dimensions and medians. A panel on one rubric keeps the plain field names and
 * messages; several are told apart by their label ("ML system design · version 1, Rollback: …").
 */
export function consensusScopes(aggregate: PanelAggregate, rubrics: readonly Rubric[]): (ConsensusScope & { dimensions: { key: string; title: string; median: number | null }[] })[] {
  const onlyRubric = aggregate.byRubric.length === 1;
  const inOrder = aggregate.byRubric.map((g) => rubrics.find((r) => sameRubricVersion(r, g.rubric)) ?? { ...g.rubric, title: g.title, author: '' });
  const labels = rubricVersionLabels(inOrder);
  return aggregate.byRubric.map((group, i) => ({
    rubric: group.rubric,
    onlyRubric,
    fieldPrefix: onlyRubric ? 'consensus' : `consensus-r${i + 1}`,
    label: onlyRubric ? null : (labels[i] ?? group.title),
    dimensions: group.dimensions.map((d) => ({ key: d.dimensionKey, title: d.title, median: d.median })),
  }));
}

/** Every rubric's consensus issues, rubric by rubric in the aggregate's order. */
export function checkPanelConsensus(consensus: readonly Consensus[], aggregate: PanelAggregate, rubrics: readonly Rubric[]): DebriefIssue[] {
  return consensusScopes(aggregate, rubrics).flatMap((scope) => checkConsensus(consensus, scope.dimensions, scope));
}

/**
 * A decision that goes against the panel (see decisionGoesAgainst) must say why at this length at
 * least: a few sentences, not "ok". Only the length is checked; what the text says is the lead's.
 */
export const RATIONALE_AGAINST_PANEL_MIN_LENGTH = 80;

/** What the rationale's checks need to know beyond its text: what the decision goes against, if anything. */
export type RationaleContext = { goesAgainst: () => readonly string[] };

const NOTHING_AGAINST: RationaleContext = { goesAgainst: () => [] };

function rationaleMessage(context: RationaleContext, length: number): string {
  if (context.goesAgainst().length === 0) return 'Say why this decision was taken.';
  const now = length === 0 ? '' : ` (now ${length.toLocaleString('en-US')})`;
  return `This decision goes against the panel: say why in the rationale, in at least ${RATIONALE_AGAINST_PANEL_MIN_LENGTH.toLocaleString('en-US')} characters${now}.`;
}

/**
 * The decision as the lead records it: the decision, why, who decided and what happens next, all
 * required; a decision against the panel needs a longer why. The context is read when the check
 * runs, so a form can follow the decision and consensus on its screen. The form, the repository
 * and incoming debriefs all check it through checkDecision, so there is one set of rules.
 */
export function decisionInputSchema(context: RationaleContext = NOTHING_AGAINST) {
  return z
    .object({
      decision: z.enum(DECISIONS, { error: 'Choose the decision.' }),
      decisionRationale: z
        .string({ error: 'Say why this decision was taken.' })
        .trim()
        .max(DECISION_RATIONALE_MAX_LENGTH, `The rationale must be at most ${DECISION_RATIONALE_MAX_LENGTH.toLocaleString('en-US')} characters.`)
        .check((ctx) => {
          const length = ctx.value.length;
          const needed = context.goesAgainst().length > 0 ? RATIONALE_AGAINST_PANEL_MIN_LENGTH : 1;
          if (length < needed) ctx.issues.push({ code: 'custom', message: rationaleMessage(context, length), input: ctx.value });
        }),
      decidedBy: z
        .string({ error: 'Name the decision-maker.' })
        .trim()
        .min(1, { message: 'Name the decision-maker.', abort: true })
        .max(DECIDED_BY_MAX_LENGTH, `Decision-maker must be at most ${DECIDED_BY_MAX_LENGTH.toLocaleString('en-US')} characters.`),
      nextStep: z
        .string({ error: 'Say what happens next.' })
        .trim()
        .min(1, { message: 'Say what happens next.', abort: true })
        .max(NEXT_STEP_MAX_LENGTH, `Next step must be at most ${NEXT_STEP_MAX_LENGTH.toLocaleString('en-US')} characters.`),
    })
    .strict();
}

/** The decision's rules with nothing to go against: the shape of what the lead records. */
export const DecisionInputSchema = decisionInputSchema();
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

type DecisionFields = Pick<Debrief, 'decision' | 'decidedBy' | 'nextStep'> & { decisionRationale?: string | undefined };

function issuesOf(schema: z.ZodType, fields: DecisionFields): DebriefIssue[] {
  const { decision, decidedBy, nextStep, decisionRationale } = fields;
  const result = schema.safeParse({ decision, ...(decisionRationale === undefined ? {} : { decisionRationale }), decidedBy, nextStep });
  return result.success ? [] : result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'decision'), message: issue.message }));
}

/**
 * What the decision still needs, once the consensus is complete, in the order the fields appear.
 * `goesAgainst` is what decisionGoesAgainst found for this decision: when it names anything, the
 * rationale must be at least RATIONALE_AGAINST_PANEL_MIN_LENGTH characters.
 */
export function checkDecision(debrief: DecisionFields, goesAgainst: readonly string[] = []): DebriefIssue[] {
  return issuesOf(decisionInputSchema({ goesAgainst: () => goesAgainst }), debrief);
}

const DecisionBeforeRationaleSchema = DecisionInputSchema.omit({ decisionRationale: true });

/**
 * A decided debrief arriving in a file. One decided before the rationale existed has no
 * `decisionRationale` at all and keeps the rules of its day (decision, maker, next step); any other
 * is checked like a decision recorded here. What the decision goes against is the recording
 * device's to check: a file may carry the debrief without the scorecards it rests on.
 */
export function checkArrivingDecision(debrief: Debrief): DebriefIssue[] {
  return debrief.decisionRationale === undefined ? issuesOf(DecisionBeforeRationaleSchema, debrief) : checkDecision(debrief);
}

/** "Rollback’s", "Rollback mechanics’". */
function possessive(title: string): string {
  return title.endsWith('s') ? `${title}’` : `${title}’s`;
}

const YES_SIDE: readonly Recommendation[] = ['yes', 'strong-yes'];
const NO_SIDE: readonly Recommendation[] = ['no', 'strong-no'];

/** The recommendations on the other side of a decision: a hire's are the no side, a no hire's the yes side; more signal takes no side. */
export function opposingRecommendations(decision: Decision | null): readonly Recommendation[] {
  if (decision === 'hire') return NO_SIDE;
  if (decision === 'no-hire') return YES_SIDE;
  return [];
}

/**
 * What a decision goes against, in words, in this order: the majority of the panel's
 * recommendations ("2 of 3 interviewers recommended No"), when more than half of those who
 * recommended are on the other side; and, for a hire, each consensus level of 1 or 2
 * ("Rollback’s consensus is 2 · Partial"). Empty when it goes against nothing (always for more signal).
 */
export function decisionGoesAgainst(decision: Decision | null, consensus: readonly Consensus[], aggregate: PanelAggregate, rubrics: readonly Rubric[]): string[] {
  const against: string[] = [];
  const opposing = opposingRecommendations(decision);
  const tally = aggregate.recommendations;
  const recommended = RECOMMENDATIONS.reduce((sum, r) => sum + tally[r], 0);
  const opposed = opposing.reduce((sum, r) => sum + tally[r], 0);
  if (opposing.length > 0 && opposed * 2 > recommended) {
    const scale = rubrics[0] ?? null;
    const said = opposing.filter((r) => tally[r] > 0).map((r) => (scale ? recommendationLabel(scale, r) : r));
    against.push(`${opposed} of ${recommended} interviewer${recommended === 1 ? '' : 's'} recommended ${said.join(' or ')}`);
  }
  if (decision === 'hire') {
    for (const scope of consensusScopes(aggregate, rubrics)) {
      for (const d of scope.dimensions) {
        const level = consensusFor(consensus, scope.rubric, d.key, scope.onlyRubric)?.level;
        if (level === 1 || level === 2) against.push(`${possessive(d.title)} consensus${scope.label ? ` (${scope.label})` : ''} is ${levelLabel(level)}`);
      }
    }
  }
  return against;
}
