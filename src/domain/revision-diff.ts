import { evidenceFor } from './evidence';
import type { Scorecard } from './scorecard';

/**
 * What an amendment changed between two submitted revisions of one scorecard: levels, evidence
 * (typed text and running-note lines, read as every other reader reads them), red flags, the
 * recommendation and the takeaways, with the reason the interviewer gave. Pure, so the debrief,
 * a packet or a test can all say the same thing about the same two revisions.
 */

type Revision = Pick<Scorecard, 'id' | 'revision' | 'ratings' | 'pad' | 'redFlags' | 'recommendation' | 'takeaways' | 'amendReason' | 'submittedAt'>;
type Level = Scorecard['ratings'][number]['level'];

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

export type LevelChange = { dimensionKey: string; before: Level; after: Level };

export type TextChange = {
  before: string;
  after: string;
  /** Characters after minus characters before: "+120 characters". */
  delta: number;
  /** Line by line, in order: unchanged, removed and added lines. */
  lines: DiffLine[];
};

export type EvidenceChange = TextChange & { dimensionKey: string };

export type RedFlagChanges = {
  added: { key: string; note: string }[];
  removed: { key: string; note: string }[];
  noteChanged: { key: string; before: string; after: string }[];
};

export type RevisionChanges = {
  fromRevision: number;
  toRevision: number;
  /** The amendment's reason, as the interviewer wrote it ('' when none was given). */
  reason: string;
  submittedAt: string | null;
  levels: LevelChange[];
  evidence: EvidenceChange[];
  redFlags: RedFlagChanges;
  recommendation: { before: Scorecard['recommendation']; after: Scorecard['recommendation'] } | null;
  takeaways: TextChange | null;
};

/** Beyond this many lines on either side, a line diff is not worth its cost: show both texts as replaced. */
export const DIFF_MAX_LINES = 2_000;

const splitLines = (text: string) => (text === '' ? [] : text.split('\n'));

/** A line-level diff by longest common subsequence: what stayed, what went, what came. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length > DIFF_MAX_LINES || b.length > DIFF_MAX_LINES) {
    return [...a.map((text) => ({ kind: 'removed' as const, text })), ...b.map((text) => ({ kind: 'added' as const, text }))];
  }
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const below = lcs[i + 1] as number[];
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] as string });
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) {
      out.push({ kind: 'removed', text: a[i] as string });
      i++;
    } else {
      out.push({ kind: 'added', text: b[j] as string });
      j++;
    }
  }
  for (; i < a.length; i++) out.push({ kind: 'removed', text: a[i] as string });
  for (; j < b.length; j++) out.push({ kind: 'added', text: b[j] as string });
  return out;
}

function textChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  return { before, after, delta: [...after].length - [...before].length, lines: diffLines(before, after) };
}

/** The dimension keys of both revisions, in the order the newer one lists them, then any only the older has. */
function dimensionKeys(previous: Revision, current: Revision): string[] {
  const keys = current.ratings.map((r) => r.dimensionKey);
  for (const r of previous.ratings) if (!keys.includes(r.dimensionKey)) keys.push(r.dimensionKey);
  return keys;
}

const levelOf = (revision: Revision, key: string): Level => revision.ratings.find((r) => r.dimensionKey === key)?.level ?? null;

/** What changed from `previous` to `current` (two revisions of the same scorecard, older first). */
export function revisionChanges(previous: Revision, current: Revision): RevisionChanges {
  if (previous.id !== current.id) throw new Error('Two revisions of different scorecards cannot be compared.');
  const keys = dimensionKeys(previous, current);
  const levels: LevelChange[] = keys.flatMap((dimensionKey) => {
    const before = levelOf(previous, dimensionKey);
    const after = levelOf(current, dimensionKey);
    return before === after ? [] : [{ dimensionKey, before, after }];
  });
  const evidence: EvidenceChange[] = keys.flatMap((dimensionKey) => {
    const change = textChange(evidenceFor(previous, dimensionKey), evidenceFor(current, dimensionKey));
    return change ? [{ dimensionKey, ...change }] : [];
  });
  const beforeFlags = new Map(previous.redFlags.map((f) => [f.key, f.note]));
  const afterFlags = new Map(current.redFlags.map((f) => [f.key, f.note]));
  const redFlags: RedFlagChanges = {
    added: current.redFlags.filter((f) => !beforeFlags.has(f.key)).map(({ key, note }) => ({ key, note })),
    removed: previous.redFlags.filter((f) => !afterFlags.has(f.key)).map(({ key, note }) => ({ key, note })),
    noteChanged: current.redFlags.flatMap((f) => {
      const before = beforeFlags.get(f.key);
      return before !== undefined && before !== f.note ? [{ key: f.key, before, after: f.note }] : [];
    }),
  };
  return {
    fromRevision: previous.revision,
    toRevision: current.revision,
    reason: current.amendReason.trim(),
    submittedAt: current.submittedAt,
    levels,
    evidence,
    redFlags,
    recommendation: previous.recommendation === current.recommendation ? null : { before: previous.recommendation, after: current.recommendation },
    takeaways: textChange(previous.takeaways, current.takeaways),
  };
}

/** Whether an amendment changed anything a reader of the debrief would see. */
export function hasChanges(changes: RevisionChanges): boolean {
  const { levels, evidence, redFlags, recommendation, takeaways } = changes;
  return levels.length + evidence.length + redFlags.added.length + redFlags.removed.length + redFlags.noteChanged.length > 0 || recommendation !== null || takeaways !== null;
}

/** "+120 characters", "−4 characters", "same length": the size of a text change at a glance. */
export function describeDelta(delta: number): string {
  if (delta === 0) return 'same length';
  const count = Math.abs(delta);
  return `${delta > 0 ? '+' : '−'}${count} character${count === 1 ? '' : 's'}`;
}

/**
 * The revision a submitted revision amended: the newest older revision of the same scorecard, or
 * undefined for a first submission (or when the older one is not on this device).
 */
export function amendedRevision<T extends Pick<Scorecard, 'id' | 'revision' | 'status'>>(revisions: readonly T[], current: Pick<Scorecard, 'id' | 'revision'>): T | undefined {
  let found: T | undefined;
  for (const r of revisions) {
    if (r.id !== current.id || r.status !== 'submitted' || r.revision >= current.revision) continue;
    if (!found || r.revision > found.revision) found = r;
  }
  return found;
}
