import { krippendorffAlpha } from './agreement';
import { nameKey } from './person-name';
import { median } from './aggregate';
import type { Scorecard } from './scorecard';

/**
 * Agreement and calibration over submitted scorecards: is the panel's scoring a measurement, and is
 * any interviewer systematically harsher or more lenient than colleagues scoring the same answer?
 * Everything is keyed by rubric (rubric versions whose scored content is identical count as one,
 * through the caller's `groupOf`) and dimension; a level is never compared across rubrics.
 */

/** Below this many loops (candidates with two or more levels on a dimension), alpha is not shown. */
export const MIN_LOOPS_FOR_ALPHA = 3;
/** Below this many pairable levels on a dimension, alpha is not shown. */
export const MIN_PAIRABLE_FOR_ALPHA = 10;
/** Below this many compared levels, an interviewer's lean is not stated. */
export const MIN_COMPARISONS_FOR_LEAN = 10;
/** A mean distance from colleagues of at least half a level reads as a lean. */
export const LEAN_THRESHOLD = 0.5;

export type ScoredCard = Pick<Scorecard, 'candidateId' | 'interviewerName' | 'rubric' | 'ratings'>;

export type DimensionAgreement = {
  group: string;
  dimensionKey: string;
  /** Candidates on whom two or more interviewers gave this dimension a level. */
  loops: number;
  /** Levels in those candidates (each one can be paired with another). */
  pairable: number;
  alpha: number | null;
  /** Why no alpha is shown, in words; null when it is. */
  note: string | null;
};

/** Ordinal alpha per rubric group and dimension, with its basis and "not enough data" where it is thin. */
export function dimensionAgreement(cards: readonly ScoredCard[], groupOf: (ref: ScoredCard['rubric']) => string): DimensionAgreement[] {
  const byUnit = unitsOf(cards, groupOf);
  const out: DimensionAgreement[] = [];
  const dims = new Map<string, { group: string; dimensionKey: string }>();
  for (const unit of byUnit.values()) dims.set(`${unit.group}\u0000${unit.dimensionKey}`, { group: unit.group, dimensionKey: unit.dimensionKey });
  for (const [key, { group, dimensionKey }] of dims) {
    const units = [...byUnit.values()].filter((u) => `${u.group}\u0000${u.dimensionKey}` === key);
    const raters = [...new Set(units.flatMap((u) => [...u.levels.keys()]))];
    const matrix = raters.map((rater) => units.map((u) => u.levels.get(rater) ?? null));
    const paired = units.filter((u) => u.levels.size >= 2);
    const loops = paired.length;
    const pairable = paired.reduce((sum, u) => sum + u.levels.size, 0);
    let note: string | null = null;
    if (loops === 0) note = 'Each candidate had one interviewer on this rubric, so there are no two levels of the same answer to compare.';
    else if (loops < MIN_LOOPS_FOR_ALPHA || pairable < MIN_PAIRABLE_FOR_ALPHA)
      note = `Not enough data: ${loops} ${loops === 1 ? 'loop' : 'loops'} and ${pairable} pairable levels (at least ${MIN_LOOPS_FOR_ALPHA} loops and ${MIN_PAIRABLE_FOR_ALPHA} levels are needed).`;
    const alpha = note === null ? krippendorffAlpha(matrix, 'ordinal') : null;
    if (note === null && alpha === null) note = 'Every level given was the same, so agreement beyond chance cannot be measured.';
    out.push({ group, dimensionKey, loops, pairable, alpha, note });
  }
  return out.sort((a, b) => a.group.localeCompare(b.group));
}

export type InterviewerLean = {
  interviewerName: string;
  /** Levels of this interviewer compared with the median of the others on the same unit. */
  n: number;
  /** Mean of (this level − others' median): above 0 lenient, below 0 harsh. Null with nothing compared. */
  meanDistance: number | null;
  lean: 'lenient' | 'harsh' | 'in line' | 'not enough data';
  sentence: string;
};

/** Per interviewer, how far their levels sit from their colleagues' on the same candidate and dimension. */
export function interviewerLean(cards: readonly ScoredCard[], groupOf: (ref: ScoredCard['rubric']) => string): InterviewerLean[] {
  const units = unitsOf(cards, groupOf);
  const names = new Map<string, string>();
  for (const card of cards) if (!names.has(nameKey(card.interviewerName))) names.set(nameKey(card.interviewerName), card.interviewerName);
  const distances = new Map<string, number[]>();
  for (const unit of units.values()) {
    for (const [rater, level] of unit.levels) {
      const others = [...unit.levels].filter(([r]) => r !== rater).map(([, l]) => l);
      const m = median(others);
      if (m === null) continue;
      distances.set(rater, [...(distances.get(rater) ?? []), level - m]);
    }
  }
  return [...names].map(([key, interviewerName]) => {
    const d = distances.get(key) ?? [];
    const n = d.length;
    const meanDistance = n === 0 ? null : d.reduce((sum, x) => sum + x, 0) / n;
    const shown = meanDistance === null ? '' : `${meanDistance > 0 ? '+' : ''}${meanDistance.toFixed(2)}`;
    if (meanDistance === null || n < MIN_COMPARISONS_FOR_LEAN) {
      return { interviewerName, n, meanDistance, lean: 'not enough data', sentence: `Not enough data: ${n} ${n === 1 ? 'level' : 'levels'} compared with colleagues (at least ${MIN_COMPARISONS_FOR_LEAN} are needed).` } as const;
    }
    if (meanDistance >= LEAN_THRESHOLD)
      return { interviewerName, n, meanDistance, lean: 'lenient', sentence: `Scores ${shown} levels above colleagues on the same answers, on average over ${n} levels: more lenient.` } as const;
    if (meanDistance <= -LEAN_THRESHOLD)
      return { interviewerName, n, meanDistance, lean: 'harsh', sentence: `Scores ${shown.slice(1)} levels below colleagues on the same answers, on average over ${n} levels: harsher.` } as const;
    return { interviewerName, n, meanDistance, lean: 'in line', sentence: `Within half a level of colleagues on the same answers (${shown}, over ${n} levels).` } as const;
  }).sort((a, b) => a.interviewerName.localeCompare(b.interviewerName));
}

type Unit = { group: string; dimensionKey: string; levels: Map<string, number> };

/** One unit per candidate × rubric group × dimension: each interviewer's numeric level (not covered and unanswered left out). */
function unitsOf(cards: readonly ScoredCard[], groupOf: (ref: ScoredCard['rubric']) => string): Map<string, Unit> {
  const units = new Map<string, Unit>();
  for (const card of cards) {
    const group = groupOf(card.rubric);
    for (const rating of card.ratings) {
      if (typeof rating.level !== 'number') continue;
      const key = `${card.candidateId}\u0000${group}\u0000${rating.dimensionKey}`;
      const unit = units.get(key) ?? { group, dimensionKey: rating.dimensionKey, levels: new Map<string, number>() };
      unit.levels.set(nameKey(card.interviewerName), rating.level);
      units.set(key, unit);
    }
  }
  return units;
}
