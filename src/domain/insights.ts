import { krippendorffAlpha } from './agreement';
import { nameKey } from './person-name';
import { latestSubmitted, median } from './aggregate';
import type { Role } from './role';
import type { Rubric, RubricVersionRef } from './rubric';
import { sameScoredContent } from './rubric-editing';
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
    const shown = meanDistance === null ? '' : signedLevels(meanDistance);
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

/** A signed distance in levels, two decimals, with a true minus sign: "+0.40", "−0.25", "0.00". */
export function signedLevels(value: number): string {
  const fixed = Math.abs(value).toFixed(2);
  if (fixed === '0.00') return fixed;
  return `${value > 0 ? '+' : '\u2212'}${fixed}`;
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

// ——— Rubric groups and the Insights screen's model ——————————————————————————————————————

const refKey = (ref: RubricVersionRef) => `${ref.id}#${ref.version}`;

/** Versions of one lineage, oldest first; siblings with the same number (two devices' "version 2") by id. */
const byVersion = (a: Rubric, b: Rubric) => a.version - b.version || a.id.localeCompare(b.id);

/**
 * Which rubric versions count as one for agreement: each version maps to the first (lowest) version
 * of its lineage whose scored content is the same (`sameScoredContent`), so a version that changed
 * only the prompt's wording, the probes or the agenda pools with the one it came from. Versions of
 * different lineages are never merged, even when identical. A version not among `rubrics` is its
 * own group.
 */
export function scoredContentGroups(rubrics: readonly Rubric[]): (ref: RubricVersionRef) => string {
  const groups = new Map<string, string>();
  const lineages = new Map<string, Rubric[]>();
  for (const rubric of rubrics) lineages.set(rubric.lineage, [...(lineages.get(rubric.lineage) ?? []), rubric]);
  for (const versions of lineages.values()) {
    const ordered = [...versions].sort(byVersion);
    for (const rubric of ordered) {
      const first = ordered.find((other) => sameScoredContent(other, rubric)) ?? rubric;
      groups.set(refKey(rubric), refKey(first));
    }
  }
  return (ref) => groups.get(refKey(ref)) ?? refKey(ref);
}

export type DimensionRow = DimensionAgreement & { title: string };

export type RubricGroupInsights = {
  /** The group's key: its first version, "id#version". */
  group: string;
  /** The rubric's title, from its first version in the group; a plain name when it is not on this device. */
  title: string;
  /** The versions scored on that count as this one group, lowest first. */
  versions: number[];
  /** Candidates with a submitted scorecard on this rubric, and those with two or more. */
  candidates: number;
  candidatesWithPanel: number;
  /** Set when no candidate had two interviewers on this rubric: agreement cannot be measured at all. */
  singleInterviewerNote: string | null;
  /** One row per dimension, in the rubric's order. */
  dimensions: DimensionRow[];
  /** Per interviewer who submitted on this rubric, their lean against colleagues. */
  interviewers: InterviewerLean[];
};

export type RoleInsights = {
  roleId: string;
  roleTitle: string;
  /** Submitted scorecards counted (the latest revision of each). */
  scorecards: number;
  groups: RubricGroupInsights[];
};

export type RoleChoice = { roleId: string; title: string; scorecards: number };

/** Krippendorff's guidance: from this alpha a dimension's levels can be relied on. */
export const ALPHA_RELIABLE = 0.8;
/** Below this alpha, levels are not reliable enough to compare candidates on; between the two, tentatively. */
export const ALPHA_TENTATIVE = 0.667;

/** What an alpha means for comparing candidates, in a few words. */
export function alphaReading(alpha: number): string {
  if (alpha >= ALPHA_RELIABLE) return 'reliable';
  if (alpha >= ALPHA_TENTATIVE) return 'tentative';
  return 'not reliable enough to compare candidates';
}

/** What the numbers can and cannot say, shown beside them. */
export const INSIGHTS_NOTE: readonly string[] = [
  'Alpha (Krippendorff’s, for ordered levels) measures how far interviewers who scored the same answer agree beyond what chance alone would give: 1 is full agreement, 0 is no better than chance.',
  'Below about 0.67, a dimension’s levels are not reliable enough to compare candidates on; from 0.80 they are. With few loops alpha moves a lot from one candidate to the next.',
  'A lean compares an interviewer with colleagues on the same candidates. It says nothing about who is right, and over a few levels it may only reflect which candidates that person happened to see.',
  'Only submitted scorecards count, each at its latest revision; “not covered” is left out. Versions of a rubric whose dimensions, anchors, red flags and recommendation scale are the same count as one.',
];

/** The roles that have submitted scorecards, most first, each with how many. */
export function insightRoles(roles: readonly Pick<Role, 'id' | 'title'>[], revisions: readonly Scorecard[]): RoleChoice[] {
  const counts = new Map<string, number>();
  for (const card of latestSubmitted(revisions)) counts.set(card.roleId, (counts.get(card.roleId) ?? 0) + 1);
  return rolesBySubmitted(roles, counts);
}

/** The roles with submitted scorecards, given each role's count of scorecards (not revisions), the most first. */
export function rolesBySubmitted(roles: readonly Pick<Role, 'id' | 'title'>[], counts: ReadonlyMap<string, number>): RoleChoice[] {
  return roles
    .filter((role) => counts.has(role.id))
    .map((role) => ({ roleId: role.id, title: role.title, scorecards: counts.get(role.id) ?? 0 }))
    .sort((a, b) => b.scorecards - a.scorecards || a.title.localeCompare(b.title));
}

/**
 * The Insights screen's model for one role: per rubric group (versions with the same scored content
 * as one), each dimension's agreement and each interviewer's lean, over the latest submitted
 * revision of each scorecard of the role.
 */
export function roleInsights(role: Pick<Role, 'id' | 'title'>, revisions: readonly Scorecard[], rubrics: readonly Rubric[]): RoleInsights {
  const cards = latestSubmitted(revisions).filter((card) => card.roleId === role.id);
  const groupOf = scoredContentGroups(rubrics);
  const rubricByKey = new Map(rubrics.map((r) => [refKey(r), r]));
  const byGroup = new Map<string, Scorecard[]>();
  for (const card of cards) byGroup.set(groupOf(card.rubric), [...(byGroup.get(groupOf(card.rubric)) ?? []), card]);

  const groups = [...byGroup].map(([group, groupCards]): RubricGroupInsights => {
    const rubric = rubricByKey.get(group);
    const versions = [...new Set(groupCards.map((c) => c.rubric.version))].sort((a, b) => a - b);
    const perCandidate = new Map<string, number>();
    for (const card of groupCards) perCandidate.set(card.candidateId, (perCandidate.get(card.candidateId) ?? 0) + 1);
    const candidatesWithPanel = [...perCandidate.values()].filter((n) => n >= 2).length;
    const rows = dimensionAgreement(groupCards, groupOf);
    const order = rubric?.dimensions ?? [];
    const dimensions: DimensionRow[] = [
      ...order.map((d): DimensionRow => {
        const row = rows.find((r) => r.dimensionKey === d.key);
        return row
          ? { ...row, title: d.title }
          : { group, dimensionKey: d.key, title: d.title, loops: 0, pairable: 0, alpha: null, note: 'No interviewer gave this dimension a level yet.' };
      }),
      // A key the rubric does not have (a scorecard on a version not on this device): shown by its key.
      ...rows.filter((r) => !order.some((d) => d.key === r.dimensionKey)).map((r) => ({ ...r, title: r.dimensionKey })),
    ];
    return {
      group,
      title: rubric?.title ?? `Rubric ${groupCards[0]?.rubric.id ?? group} (not on this device)`,
      versions,
      candidates: perCandidate.size,
      candidatesWithPanel,
      singleInterviewerNote:
        candidatesWithPanel === 0
          ? `Each candidate had one interviewer on this rubric, so there are no two levels of the same answer to compare: agreement and leans need at least two interviewers on the same rubric in a loop.`
          : null,
      dimensions,
      interviewers: interviewerLean(groupCards, groupOf),
    };
  });
  groups.sort((a, b) => a.title.localeCompare(b.title) || (a.versions[0] ?? 0) - (b.versions[0] ?? 0) || a.group.localeCompare(b.group));
  return { roleId: role.id, roleTitle: role.title, scorecards: cards.length, groups };
}
