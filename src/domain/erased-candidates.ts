import { IdSchema, TimestampSchema } from './fields';
import { sha256Hex } from './hash';
import { emptyRecords, type Records, type Setting } from './records';

/**
 * An erased candidate never comes back: not from the team server, not from a file, not from a
 * backup made before the erasure. This device remembers each erased candidate by a mark made from
 * their id (a SHA-256, so nothing with their id is left behind) as a setting of its own, one per
 * candidate, and every arrival sets aside the records of a remembered candidate before the
 * incoming-records rules see it.
 *
 * One setting per candidate rather than one list: the set then travels in backups and merges by
 * the ordinary rule for settings (a key this device lacks is added), so restoring a backup made
 * after an erasure onto another device carries the erasure with it, and restoring one made before
 * it cannot bring the candidate back.
 */

export const ERASED_CANDIDATE_PREFIX = 'erasedCandidate:';

/** The mark an erased candidate is remembered by: a hash of their id, never the id itself. */
export function erasureMark(candidateId: string): string {
  return sha256Hex(`loopcard erased candidate ${candidateId}`);
}

const MARK_PATTERN = /^[0-9a-f]{64}$/;

/** The setting that remembers one erased candidate: the mark of their id and the day of the erasure. */
export function erasedCandidateSetting(candidateId: string, erasedAt: Date): Setting {
  return { key: `${ERASED_CANDIDATE_PREFIX}${erasureMark(IdSchema.parse(candidateId))}`, value: { erasedAt: erasedAt.toISOString() } };
}

/** Whether a setting's key is an erased candidate's. */
export function isErasedCandidateKey(key: string): boolean {
  return key.startsWith(ERASED_CANDIDATE_PREFIX);
}

/** The marks of the erased candidates these settings remember (any other setting is ignored). */
export function erasedCandidateMarks(settings: readonly Setting[]): Set<string> {
  const marks = new Set<string>();
  for (const setting of settings) {
    if (!isErasedCandidateKey(setting.key)) continue;
    const mark = setting.key.slice(ERASED_CANDIDATE_PREFIX.length);
    const value = setting.value as { erasedAt?: unknown } | null;
    if (MARK_PATTERN.test(mark) && TimestampSchema.safeParse(value?.erasedAt).success) marks.add(mark);
  }
  return marks;
}

/** Records of erased candidates that arrived and were kept out, counted per candidate. */
export type SetAside = { candidateId: string; records: number };

/**
 * The arrival without the records of erased candidates (the candidate, their interviews,
 * scorecards, revisions, debrief and screen), and what was kept out. Roles and rubrics hold no
 * one's data and pass.
 */
export function setAsideErased(incoming: Records, erasedMarks: ReadonlySet<string>): { kept: Records; setAside: SetAside[] } {
  if (erasedMarks.size === 0) return { kept: incoming, setAside: [] };
  const counts = new Map<string, number>();
  const marks = new Map<string, boolean>();
  const isErased = (id: string) => {
    let erased = marks.get(id);
    if (erased === undefined) marks.set(id, (erased = erasedMarks.has(erasureMark(id))));
    return erased;
  };
  const keep = <T>(rows: readonly T[], candidateOf: (row: T) => string): T[] =>
    rows.filter((row) => {
      const id = candidateOf(row);
      if (!isErased(id)) return true;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      return false;
    });
  const kept: Records = {
    ...emptyRecords(),
    roles: incoming.roles,
    rubrics: incoming.rubrics,
    settings: incoming.settings,
    candidates: keep(incoming.candidates, (c) => c.id),
    interviews: keep(incoming.interviews, (i) => i.candidateId),
    scorecards: keep(incoming.scorecards, (s) => s.candidateId),
    scorecardRevisions: keep(incoming.scorecardRevisions, (s) => s.candidateId),
    debriefs: keep(incoming.debriefs, (d) => d.candidateId),
    screens: keep(incoming.screens, (s) => s.candidateId),
  };
  return { kept, setAside: [...counts].map(([candidateId, records]) => ({ candidateId, records })) };
}

export type ArrivalSourceKind = 'file' | 'backup' | 'team-server';

/** What was kept out, in one sentence for the person; null when nothing was. */
export function describeSetAside(setAside: readonly SetAside[], source: ArrivalSourceKind): string | null {
  if (setAside.length === 0) return null;
  const who = setAside.length === 1 ? 'a candidate who was erased' : `${setAside.length} candidates who were erased`;
  switch (source) {
    case 'file':
      return `This file holds records of ${who} from this device. An erased candidate is never brought back, so nothing of the file was imported.`;
    case 'backup':
      return `The backup holds records of ${who} from this device after it was made. An erased candidate is never brought back: their records are left out of the restore.`;
    case 'team-server':
      return `The team server still holds records of ${who} from this device. They were not saved here; ask the loop’s lead to erase the loop on the team server too.`;
  }
}
