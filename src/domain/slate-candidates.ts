import type { Screen } from './screen';

/**
 * The role's candidates as the sourcing page lists them: each with where their screen stands (not
 * screened, in progress, or its outcome with the screener's reason), and the plain words the page
 * uses around the slate's figures. Pure.
 */

export const SCREEN_STATUSES = ['not-screened', 'in-progress', 'advance', 'hold', 'decline'] as const;
export type ScreenStatus = (typeof SCREEN_STATUSES)[number];

export const SCREEN_STATUS_LABELS: Record<ScreenStatus, string> = {
  'not-screened': 'Not screened',
  'in-progress': 'Screen in progress',
  advance: 'Advanced',
  hold: 'On hold',
  decline: 'Declined',
};

export type CandidateScreenStatus = {
  candidateId: string;
  name: string;
  status: ScreenStatus;
  label: string;
  /** The screener's reason; empty when none was given (or nothing is decided yet). */
  reason: string;
};

/** Where one candidate's screen stands: no screen, a screen without an outcome, or its outcome. */
export function screenStatusOf(screen: Pick<Screen, 'outcome' | 'reason'> | undefined): { status: ScreenStatus; label: string; reason: string } {
  const status: ScreenStatus = screen === undefined ? 'not-screened' : (screen.outcome ?? 'in-progress');
  const reason = screen?.outcome ? screen.reason.trim() : '';
  return { status, label: SCREEN_STATUS_LABELS[status], reason };
}

/** Every candidate of the role with their screen's status, in the order given (the role's list order). */
export function slateCandidates(candidates: readonly { id: string; name: string }[], screens: readonly Pick<Screen, 'candidateId' | 'outcome' | 'reason'>[]): CandidateScreenStatus[] {
  const byCandidate = new Map(screens.map((s) => [s.candidateId, s]));
  return candidates.map((c) => ({ candidateId: c.id, name: c.name, ...screenStatusOf(byCandidate.get(c.id)) }));
}

/** "5 of 8 (63%)": the count behind a share, never a bare percentage; "0 of 0" when nothing is screened. */
export function shareText(part: number, whole: number): string {
  if (whole === 0) return '0 of 0';
  return `${part} of ${whole} (${Math.round((part / whole) * 100)}%)`;
}

/** Why the watch-for terms are not excluded (the guide: notebooks or Terraform beside a production stack are fine). */
export const WATCH_FOR_NOTE =
  'Watch for these on a résumé, but do not leave them out of the search: a notebook, Terraform or an adjacent job title beside a production ML stack is fine. They point to the wrong pool only when nothing shipped or operated in production stands beside them.';

/** Where the exclusion goes. */
export const EXCLUDE_NOTE = 'Append this to a search to leave out the stats-package pool.';
