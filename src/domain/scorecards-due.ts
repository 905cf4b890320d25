import { wallClockOf, type Interview } from './interview';
import { nameKey } from './person-name';

/** Past its planned time by more than this, a missing scorecard is overdue. */
export const OVERDUE_AFTER_MS = 24 * 60 * 60 * 1000;

export type DueInterview = {
  interviewId: string;
  candidateId: string;
  candidateName: string;
  roleTitle: string;
  plannedAt: string;
  /** Time since the planned time, in milliseconds (negative: still to come). */
  sinceMs: number;
  overdue: boolean;
};

export type DueByInterviewer = { interviewerName: string; interviews: DueInterview[] };

export type DueInput = {
  interviews: readonly Interview[];
  candidates: ReadonlyMap<string, { name: string; decided: boolean }>;
  roles: ReadonlyMap<string, { title: string }>;
  /** Interviews that have a submitted scorecard on this device. */
  submitted: ReadonlySet<string>;
  /** Wall-clock now on this device, in the same local form as `plannedAt` takes (`YYYY-MM-DDTHH:mm`), and its instant. */
  now: Date;
};

/** A planned wall-clock time (`YYYY-MM-DDTHH:mm`) as an instant, on this device's clock and time zone. */
export function plannedInstant(plannedAt: string): number | null {
  const t = wallClockOf(plannedAt);
  return t && new Date(t.year, t.month - 1, t.day, t.hour, t.minute).getTime();
}

/**
 * The latest planned time, as stored (`YYYY-MM-DDTHH:mm`), that can be due at `now`: such text
 * sorts as the clock reads, so interviews can be read by their planned time up to it. A day past
 * now, so an hour repeated when the clocks go back never hides one; `scorecardsDue` still decides
 * on the instant.
 */
export function latestDuePlannedAt(now: Date): string {
  const t = new Date(now.getTime() + OVERDUE_AFTER_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(t.getFullYear()).padStart(4, '0')}-${two(t.getMonth() + 1)}-${two(t.getDate())}T${two(t.getHours())}:${two(t.getMinutes())}`;
}

/**
 * Every interview whose planned time has passed with no submitted scorecard on this device, across
 * all loops, grouped by interviewer (the most overdue first). Candidates already decided are left
 * out: their missing scorecards no longer hold anything up. Unplanned interviews are not due.
 */
export function scorecardsDue({ interviews, candidates, roles, submitted, now }: DueInput): DueByInterviewer[] {
  const groups = new Map<string, DueByInterviewer>();
  for (const interview of interviews) {
    if (submitted.has(interview.id)) continue;
    const candidate = candidates.get(interview.candidateId);
    if (!candidate || candidate.decided) continue;
    const at = plannedInstant(interview.plannedAt);
    if (at === null || at > now.getTime()) continue;
    const sinceMs = now.getTime() - at;
    const key = nameKey(interview.interviewerName);
    const group = groups.get(key) ?? { interviewerName: interview.interviewerName, interviews: [] };
    group.interviews.push({
      interviewId: interview.id,
      candidateId: interview.candidateId,
      candidateName: candidate.name,
      roleTitle: roles.get(interview.roleId)?.title ?? '',
      plannedAt: interview.plannedAt,
      sinceMs,
      overdue: sinceMs > OVERDUE_AFTER_MS,
    });
    groups.set(key, group);
  }
  const most = (g: DueByInterviewer) => Math.max(...g.interviews.map((i) => i.sinceMs));
  return [...groups.values()]
    .map((g) => ({ ...g, interviews: g.interviews.sort((a, b) => b.sinceMs - a.sinceMs) }))
    .sort((a, b) => most(b) - most(a) || a.interviewerName.localeCompare(b.interviewerName));
}

/** "3 hours", "2 days": how long a scorecard has been due, in words. */
export function dueForText(sinceMs: number): string {
  const hours = Math.floor(sinceMs / 3_600_000);
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return hours === 1 ? '1 hour' : `${hours} hours`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}
