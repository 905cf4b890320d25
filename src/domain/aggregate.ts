import { z } from 'zod';
import type { Interview } from './interview';
import { sameInterviewer } from './interview';
import type { Recommendation, Rubric, RatingLevel } from './rubric';
import { NOT_COVERED, RECOMMENDATIONS } from './rubric';
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

/** The mechanical layer of a debrief, as computed; carried in the packet so a reader sees what the panel saw. */
export const PanelAggregateSchema = z
  .object({
    submitted: z.number().int().min(0),
    due: z.array(z.string().max(80)).max(100),
    dimensions: z.array(DimensionAggregateSchema).max(12),
    recommendations: RecommendationTallySchema,
    /** The panel has both a yes-side and a no-side recommendation. */
    split: z.boolean(),
    redFlags: z
      .array(z.object({ key: z.string().max(40), label: z.string().max(120), raisedBy: z.array(z.object({ interviewerName: z.string().max(80), note: z.string().max(2_000) }).strict()).max(100) }).strict())
      .max(20),
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

/**
 * The mechanical layer: computed from the submitted scorecards, never edited. Medians of an even
 * count are the mean of the two middle levels (2.5 is a real answer: the panel is between).
 */
/**
 * The rubric a panel is read against: the one every latest scorecard was scored on. Scores from
 * two versions of a rubric are never put side by side, so a mixed panel says so instead of
 * borrowing the first scorecard's titles. With no scorecard yet, the role's rubric.
 */
export function panelRubricRef(latest: readonly Scorecard[], fallback: { id: string; version: number } | null): { ok: true; ref: { id: string; version: number } | null } | { ok: false; reason: string } {
  const groups = new Map<string, { ref: { id: string; version: number }; names: string[] }>();
  for (const card of latest) {
    const key = `${card.rubric.id}#${card.rubric.version}`;
    const group = groups.get(key) ?? { ref: card.rubric, names: [] };
    group.names.push(card.interviewerName);
    groups.set(key, group);
  }
  const [only, ...others] = [...groups.values()];
  if (!only) return { ok: true, ref: fallback };
  if (others.length === 0) return { ok: true, ref: only.ref };
  const described = [only, ...others].map((g) => `${g.ref.id} version ${g.ref.version} (${g.names.join(', ')})`).join('; ');
  return { ok: false, reason: `This panel’s scorecards were scored against different rubric versions: ${described}. Their levels cannot be compared side by side; debrief each version’s scorecards with their own rubric.` };
}

export function aggregatePanel(rubric: Rubric, scorecards: readonly Scorecard[], loop: readonly Interview[]): PanelAggregate {
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
  const recommendations = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as RecommendationTally;
  for (const s of scorecards) if (s.recommendation) recommendations[s.recommendation] += 1;
  const yes = recommendations.yes + recommendations['strong-yes'];
  const no = recommendations.no + recommendations['strong-no'];
  const redFlags = rubric.redFlags
    .map((flag) => ({
      key: flag.key,
      label: flag.label,
      raisedBy: scorecards.flatMap((s) => s.redFlags.filter((f) => f.key === flag.key).map((f) => ({ interviewerName: s.interviewerName, note: f.note }))),
    }))
    .filter((f) => f.raisedBy.length > 0);
  const due = loop.filter((i) => !scorecards.some((s) => s.interviewId === i.id || sameInterviewer(s.interviewerName, i.interviewerName))).map((i) => i.interviewerName);
  return { submitted: scorecards.length, due, dimensions, recommendations, split: yes > 0 && no > 0, redFlags };
}

export function formatMedian(value: number | null): string {
  if (value === null) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
