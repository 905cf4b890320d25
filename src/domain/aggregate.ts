import { z } from 'zod';
import type { Interview } from './interview';
import { sameInterviewer } from './interview';
import type { Recommendation, Rubric, RatingLevel, RubricVersionRef } from './rubric';
import { NOT_COVERED, RECOMMENDATIONS, RubricVersionRefSchema, sameRubricVersion } from './rubric';
import { LevelSchema, type Scorecard } from './scorecard';
import { ratingFor } from './scorecard-rules';

/** A spread of this many levels or more between interviewers is a disagreement to talk through. */
export const DISAGREEMENT_RANGE = 2;

export const DimensionAggregateSchema = z
  .object({
    dimensionKey: z.string().min(1).max(40),
    title: z.string().min(1).max(80),
    /** Levels given, one per interviewer who rated it (not covered excluded), lowest first. */
    levels: z.array(LevelSchema).max(100),
    median: z.number().min(1).max(4).nullable(),
    min: LevelSchema.nullable(),
    max: LevelSchema.nullable(),
    range: z.number().int().min(0).max(3).nullable(),
    notCovered: z.number().int().min(0),
    disagreement: z.boolean(),
  })
  .strict();
export type DimensionAggregate = z.infer<typeof DimensionAggregateSchema>;

export const RecommendationTallySchema = z.object({ 'strong-no': z.number().int().min(0), no: z.number().int().min(0), yes: z.number().int().min(0), 'strong-yes': z.number().int().min(0) }).strict();
export type RecommendationTally = Record<Recommendation, number>;

const RedFlagsRaisedSchema = z
  .array(z.object({ key: z.string().max(40), label: z.string().max(120), raisedBy: z.array(z.object({ interviewerName: z.string().max(80), note: z.string().max(2_000) }).strict()).max(100) }).strict())
  .max(20);

/** The aggregate of the scorecards scored on one rubric version: its dimensions and its red flags. */
export const RubricAggregateSchema = z
  .object({
    /** The rubric version these scores came from. */
    rubric: RubricVersionRefSchema,
    /** Its title, so a reader of the file sees which rubric without looking it up. */
    title: z.string().min(1).max(120),
    dimensions: z.array(DimensionAggregateSchema).max(12),
    redFlags: RedFlagsRaisedSchema,
  })
  .strict();
export type RubricAggregate = z.infer<typeof RubricAggregateSchema>;

/**
 * The mechanical layer of a debrief, as computed; carried in the packet so a reader sees what the
 * panel saw. Scores from different rubric versions are aggregated apart (`byRubric`, in loop order
 * of first use), never averaged together; the count, the recommendations and the split are the panel's.
 */
export const PanelAggregateSchema = z
  .object({
    submitted: z.number().int().min(0),
    due: z.array(z.string().max(80)).max(100),
    byRubric: z.array(RubricAggregateSchema).min(1).max(12),
    recommendations: RecommendationTallySchema,
    /** The panel has both a yes-side and a no-side recommendation. */
    split: z.boolean(),
  })
  .strict();
export type PanelAggregate = z.infer<typeof PanelAggregateSchema>;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** The latest submitted revision of each interviewer's scorecard: what the panel aggregates. */
export function latestSubmitted(revisions: readonly Scorecard[]): Scorecard[] {
  const byId = new Map<string, Scorecard>();
  for (const r of revisions) {
    if (r.status !== 'submitted') continue;
    const seen = byId.get(r.id);
    if (!seen || seen.revision < r.revision) byId.set(r.id, r);
  }
  return [...byId.values()].sort((a, b) => a.interviewerName.localeCompare(b.interviewerName));
}

/** Where an interviewer's scorecard sits in the loop: their interview's place, else last. */
function loopPosition(card: Scorecard, loop: readonly Interview[]): number {
  const byId = loop.findIndex((i) => i.id === card.interviewId);
  if (byId !== -1) return byId;
  const byName = loop.findIndex((i) => sameInterviewer(i.interviewerName, card.interviewerName));
  return byName === -1 ? loop.length : byName;
}

const refKey = (ref: RubricVersionRef) => `${ref.id}#${ref.version}`;

/**
 * The rubric versions a panel was scored on, in loop order of first use: two versions of one rubric
 * are two entries. With no scorecard yet, the fallback (the role's rubric), if any.
 */
export function panelRubricRefs(latest: readonly Scorecard[], loop: readonly Interview[], fallback: RubricVersionRef | null): RubricVersionRef[] {
  const ordered = latest.map((card, i) => ({ card, at: loopPosition(card, loop), i })).sort((a, b) => a.at - b.at || a.i - b.i);
  const refs = new Map<string, RubricVersionRef>();
  for (const { card } of ordered) if (!refs.has(refKey(card.rubric))) refs.set(refKey(card.rubric), { id: card.rubric.id, version: card.rubric.version });
  if (refs.size === 0 && fallback) return [{ id: fallback.id, version: fallback.version }];
  return [...refs.values()];
}

/** One rubric version and the latest scorecards scored on it (in the order given). */
export type RubricGroup = { rubric: Rubric; scorecards: Scorecard[] };

/** A rubric a panel needs is not among those given: the caller must load it first. */
export class MissingRubricError extends Error {
  constructor(readonly ref: RubricVersionRef) {
    super(`Rubric ${ref.id} version ${ref.version} is missing.`);
  }
}

/**
 * The panel, grouped by the rubric version each scorecard was scored on (loop order of first use).
 * With no scorecard, one empty group on the first rubric given (the role's). Throws
 * MissingRubricError when a scorecard's rubric is not in `rubrics`.
 */
export function groupByRubric(rubrics: readonly Rubric[], latest: readonly Scorecard[], loop: readonly Interview[]): RubricGroup[] {
  const first = rubrics[0];
  const refs = panelRubricRefs(latest, loop, first ?? null);
  return refs.map((ref) => {
    const rubric = rubrics.find((r) => sameRubricVersion(r, ref));
    if (!rubric) throw new MissingRubricError(ref);
    return { rubric, scorecards: latest.filter((card) => sameRubricVersion(card.rubric, ref)) };
  });
}

/** How a rubric version is named next to its scores: "ML system design · version 1". */
export function rubricVersionLabel(rubric: Pick<Rubric, 'title' | 'version'>): string {
  return `${rubric.title} · version ${rubric.version}`;
}

/**
 * Labels for rubric versions shown together, one per rubric, in the same order. Two versions that
 * would read the same (siblings numbered alike on two devices) are told apart by author, then by id.
 */
export function rubricVersionLabels(rubrics: readonly Pick<Rubric, 'id' | 'title' | 'version' | 'author'>[]): string[] {
  const plain = rubrics.map(rubricVersionLabel);
  const clash = (labels: string[], i: number) => labels.filter((l) => l === labels[i]).length > 1;
  const byAuthor = plain.map((label, i) => (clash(plain, i) ? `${label} by ${rubrics[i]?.author || 'Loopcard'}` : label));
  return byAuthor.map((label, i) => (clash(byAuthor, i) ? `${label} (${rubrics[i]?.id ?? ''})` : label));
}

/**
 * The mechanical layer for the scorecards of one rubric version. Medians of an even count are the
 * mean of the two middle levels (2.5 is a real answer: the panel is between).
 */
export function aggregateRubric(rubric: Rubric, scorecards: readonly Scorecard[]): RubricAggregate {
  const dimensions = rubric.dimensions.map((dimension): DimensionAggregate => {
    const answers = scorecards.map((s) => ratingFor(s, dimension.key).level);
    const levels = answers.filter((l): l is RatingLevel => typeof l === 'number').sort((a, b) => a - b);
    const min = levels[0] ?? null;
    const max = levels[levels.length - 1] ?? null;
    const range = min === null || max === null ? null : max - min;
    return {
      dimensionKey: dimension.key,
      title: dimension.title,
      levels,
      median: median(levels),
      min,
      max,
      range,
      notCovered: answers.filter((l) => l === NOT_COVERED).length,
      disagreement: range !== null && range >= DISAGREEMENT_RANGE,
    };
  });
  const redFlags = rubric.redFlags
    .map((flag) => ({
      key: flag.key,
      label: flag.label,
      raisedBy: scorecards.flatMap((s) => s.redFlags.filter((f) => f.key === flag.key).map((f) => ({ interviewerName: s.interviewerName, note: f.note }))),
    }))
    .filter((f) => f.raisedBy.length > 0);
  return { rubric: { id: rubric.id, version: rubric.version }, title: rubric.title, dimensions, redFlags };
}

/**
 * The mechanical layer: computed from the submitted scorecards, never edited. One aggregate per
 * rubric version the panel was scored on (a dimension key two rubrics share stays two rows), and
 * the panel-wide count, due list, recommendation tally and split. `rubrics` must hold every
 * version the scorecards name; with no scorecard, the first one is the role's.
 */
export function aggregatePanel(rubrics: readonly Rubric[], scorecards: readonly Scorecard[], loop: readonly Interview[]): PanelAggregate {
  const byRubric = groupByRubric(rubrics, scorecards, loop).map((group) => aggregateRubric(group.rubric, group.scorecards));
  const recommendations = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as RecommendationTally;
  for (const s of scorecards) if (s.recommendation) recommendations[s.recommendation] += 1;
  const yes = recommendations.yes + recommendations['strong-yes'];
  const no = recommendations.no + recommendations['strong-no'];
  const due = loop.filter((i) => !scorecards.some((s) => s.interviewId === i.id || sameInterviewer(s.interviewerName, i.interviewerName))).map((i) => i.interviewerName);
  return { submitted: scorecards.length, due, byRubric, recommendations, split: yes > 0 && no > 0 };
}

export function formatMedian(value: number | null): string {
  if (value === null) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
