import { z } from 'zod';
import type { Candidate } from './candidate';
import type { Debrief, Decision } from './debrief';

export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3_650;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long a decided candidate is kept on this device. `days` is kept even while retention is off,
 * so turning it back on restores the period the person chose.
 */
export const RetentionSettingSchema = z
  .object({
    enabled: z.boolean({ error: 'Say whether old candidates are removed: on or off.' }),
    days: z
      .number({ error: 'Enter the number of days as a number.' })
      .int('Enter a whole number of days.')
      .min(RETENTION_MIN_DAYS, `Keep decided candidates for at least ${RETENTION_MIN_DAYS} days.`)
      .max(RETENTION_MAX_DAYS, `Keep decided candidates for at most ${RETENTION_MAX_DAYS.toLocaleString('en-US')} days (ten years).`),
  })
  .strict();
export type RetentionSetting = z.infer<typeof RetentionSettingSchema>;

/** Off until someone turns it on: nothing is ever removed without a person choosing a period. */
export const DEFAULT_RETENTION: RetentionSetting = { enabled: false, days: 365 };

/** A decided candidate whose decision is older than the retention period. */
export type RetentionCandidate = {
  candidateId: string;
  name: string;
  roleId: string;
  decision: Decision;
  decidedAt: string;
  /** Whole days between the decision and `today`. */
  ageDays: number;
};

/** Whole days from `decidedAt` to `today`; NaN when `decidedAt` is not a timestamp. */
export function decisionAgeDays(decidedAt: string, today: Date): number {
  const decided = Date.parse(decidedAt);
  if (Number.isNaN(decided) || Number.isNaN(today.getTime())) return Number.NaN;
  return Math.floor((today.getTime() - decided) / DAY_MS);
}

/**
 * The candidates whose debrief has a decision more than `days` whole days old on `today`, oldest
 * decision first. A candidate with no debrief, no decision, a decision in the future or a decision
 * time that cannot be read is never selected: when in doubt, nothing is removed.
 */
export function candidatesPastRetention(
  candidates: readonly Pick<Candidate, 'id' | 'name' | 'roleId'>[],
  debriefs: readonly Pick<Debrief, 'candidateId' | 'decision' | 'decidedAt'>[],
  days: number,
  today: Date,
): RetentionCandidate[] {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`The retention period must be a whole number of days, not ${String(days)}.`);
  if (Number.isNaN(today.getTime())) throw new RangeError('The date to measure the retention period from is not a real date.');
  const debriefByCandidate = new Map(debriefs.map((d) => [d.candidateId, d]));
  const selected: RetentionCandidate[] = [];
  for (const candidate of candidates) {
    const debrief = debriefByCandidate.get(candidate.id);
    if (!debrief || debrief.decision === null || debrief.decidedAt === null) continue;
    const ageDays = decisionAgeDays(debrief.decidedAt, today);
    if (!(ageDays > days)) continue;
    selected.push({ candidateId: candidate.id, name: candidate.name, roleId: candidate.roleId, decision: debrief.decision, decidedAt: debrief.decidedAt, ageDays });
  }
  return selected.sort(
    (a, b) => Date.parse(a.decidedAt) - Date.parse(b.decidedAt) || a.name.localeCompare(b.name) || a.candidateId.localeCompare(b.candidateId),
  );
}
