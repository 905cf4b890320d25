import { CLEAN_SEARCH_WEEKS, STALLED_SEARCH_DAYS, daysOpen } from './role-facts';
import type { Role } from './role';

/**
 * A role's search clock, for the roles list (the first screen): its own module with no schemas, so
 * the list can tell open searches from closed ones without loading the rest of the pipeline.
 */

/** Another candidate of the same role whose offer was accepted. */
export type AcceptedOffer = { candidateId: string; candidateName: string; recordedAt: string };

export function firstAccepted(offers: readonly AcceptedOffer[]): AcceptedOffer | undefined {
  return [...offers].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))[0];
}

// ---------------------------------------------------------------------------------------------
// The search clock: open from the role's opening date until the first accepted offer.
// ---------------------------------------------------------------------------------------------

export type RoleSearch =
  | { state: 'open'; days: number; week: number; targetWeeks: number; text: string }
  | { state: 'closed'; days: number; weeks: number; targetWeeks: number; closedAt: string; candidateId: string; text: string };

export function roleSearch(role: Pick<Role, 'openedOn' | 'targetCloseWeeks'>, acceptedForRole: readonly AcceptedOffer[], today: Date): RoleSearch {
  const target = role.targetCloseWeeks;
  const first = firstAccepted(acceptedForRole);
  if (!first) {
    const days = daysOpen(role.openedOn, today);
    const week = Math.floor(days / 7) + 1;
    const text = week <= target ? `Week ${week} of ${target}` : `Week ${week}, ${plural(week - target, 'week')} past the ${target}-week target`;
    return { state: 'open', days, week, targetWeeks: target, text };
  }
  const days = daysOpen(role.openedOn, new Date(first.recordedAt));
  // Whole weeks, to the nearest; a search closed within its first days counts as one week.
  const weeks = Math.max(1, Math.round(days / 7));
  return { state: 'closed', days, weeks, targetWeeks: target, closedAt: first.recordedAt, candidateId: first.candidateId, text: closedText(days, weeks, target) };
}

function closedText(days: number, weeks: number, target: number): string {
  const window = `${CLEAN_SEARCH_WEEKS.min}–${CLEAN_SEARCH_WEEKS.max} week window`;
  const againstWindow =
    days > STALLED_SEARCH_DAYS
      ? `past ${STALLED_SEARCH_DAYS} days, well beyond the ${window}`
      : weeks < CLEAN_SEARCH_WEEKS.min
        ? `faster than the ${window}`
        : weeks > CLEAN_SEARCH_WEEKS.max
          ? `past the ${window}`
          : `within the ${window}`;
  const againstTarget =
    weeks === target ? `on the ${target}-week target` : weeks < target ? `${plural(target - weeks, 'week')} before the ${target}-week target` : `${plural(weeks - target, 'week')} after the ${target}-week target`;
  return `Closed in ${plural(weeks, 'week')} — ${againstWindow}, ${againstTarget}`;
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
