import type { Debrief, Decision, Offer, OfferOutcome } from './debrief';
import { firstAccepted, type AcceptedOffer } from './role-search';
import { plannedInstant } from './scorecards-due';
import type { ScreenOutcome } from './slate';

/**
 * Where a candidate is, read from the data rather than set by hand: the screen, the loop, the
 * scorecards submitted on this device, the decision and the offer. Later stages win over earlier ones.
 */
export const STAGES = [
  'no-loop',
  'screen-hold',
  'screen-declined',
  'loop-planned',
  'interviewing',
  'ready-for-debrief',
  'hire',
  'no-hire',
  'more-signal',
  'offer-accepted',
  'offer-declined',
] as const;
export type Stage = (typeof STAGES)[number];

export type CandidateStage = {
  stage: Stage;
  /** Planned interviews in the loop, and how many of them have a submitted scorecard on this device. */
  planned: number;
  submitted: number;
};

export type StageInput = {
  interviews: readonly { id: string; plannedAt: string }[];
  /** Interviews with a submitted scorecard on this device. */
  submittedInterviewIds: ReadonlySet<string>;
  debrief: Pick<Debrief, 'decision' | 'offer'> | null | undefined;
  /** The candidate's screen, when someone screened them. */
  screen?: { outcome: ScreenOutcome | null } | null | undefined;
  now: Date;
};

export function candidateStage({ interviews, submittedInterviewIds, debrief, screen, now }: StageInput): CandidateStage {
  const planned = interviews.length;
  const submitted = interviews.filter((i) => submittedInterviewIds.has(i.id)).length;
  const at = (stage: Stage): CandidateStage => ({ stage, planned, submitted });
  if (debrief?.offer) return at(debrief.offer.outcome === 'accepted' ? 'offer-accepted' : 'offer-declined');
  if (debrief?.decision) return at(debrief.decision);
  if (planned === 0) return at(screen?.outcome === 'hold' ? 'screen-hold' : screen?.outcome === 'decline' ? 'screen-declined' : 'no-loop');
  if (submitted === planned) return at('ready-for-debrief');
  const started = interviews.some((i) => {
    const instant = plannedInstant(i.plannedAt);
    return instant !== null && instant <= now.getTime();
  });
  return at(submitted > 0 || started ? 'interviewing' : 'loop-planned');
}

export const STAGE_LABELS: Record<Stage, string> = {
  'no-loop': 'No loop planned',
  'screen-hold': 'On hold at screen',
  'screen-declined': 'Declined at screen',
  'loop-planned': 'Loop planned',
  interviewing: 'Interviewing',
  'ready-for-debrief': 'Ready for debrief',
  hire: 'Decided: hire',
  'no-hire': 'Decided: no hire',
  'more-signal': 'Decided: more signal',
  'offer-accepted': 'Offer accepted',
  'offer-declined': 'Offer declined',
};

/** The stage in a few words, with the scorecards still out while interviewing ("Interviewing · 1 of 3 scorecards"). */
export function stageText({ stage, planned, submitted }: CandidateStage): string {
  if (stage === 'interviewing') return `${STAGE_LABELS[stage]} · ${submitted} of ${planned} ${planned === 1 ? 'scorecard' : 'scorecards'}`;
  return STAGE_LABELS[stage];
}

// ---------------------------------------------------------------------------------------------
// Offers. The rule, kept as simple as it can be while staying honest:
// - an offer's outcome is recorded only on a Hire decision;
// - it may be changed (accepted ↔ declined) or cleared (recorded by mistake) by the lead;
// - an accepted offer closes the role's search; the first accepted offer's date is the closing
//   date, and a second accepted offer for the same role is refused (a role closes once);
// - while an offer is accepted, the decision stays Hire: clear the offer first. After a declined
//   offer the lead may record a new decision; a decision other than Hire clears the declined offer,
//   since an offer belongs to a Hire decision.
// ---------------------------------------------------------------------------------------------

/** Why this offer outcome cannot be recorded; null when it can. */
export function checkOffer(
  decision: Decision | null,
  outcome: OfferOutcome,
  acceptedForRole: readonly AcceptedOffer[],
  candidateId: string,
): string | null {
  if (decision === null) return 'Record the decision first: an offer follows a Hire decision.';
  if (decision === 'no-hire') return 'The decision for this candidate is No hire, so no offer can be recorded. Record a Hire decision first if the panel has changed its mind.';
  if (decision === 'more-signal') return 'The decision for this candidate is More signal needed, so no offer can be recorded yet. Record a Hire decision first.';
  if (outcome === 'accepted') {
    const other = firstAccepted(acceptedForRole.filter((o) => o.candidateId !== candidateId));
    if (other) {
      return `This role’s search already closed on ${localDate(other.recordedAt)}, when ${other.candidateName} accepted an offer, and a role closes once. Clear that offer first if it was recorded by mistake.`;
    }
  }
  return null;
}

/** Why the decision cannot change to this one while the offer stands; null when it can. */
export function checkDecisionAgainstOffer(offer: Offer | null | undefined, decision: Decision | null): string | null {
  if (offer?.outcome === 'accepted' && decision !== 'hire') {
    return 'The candidate has accepted an offer, which closed the role’s search. Clear the offer on the candidate’s page before changing the decision.';
  }
  return null;
}

/** The offer a newly recorded decision keeps: a Hire keeps it; any other decision clears a declined one. */
export function offerAfterDecision(offer: Offer | null | undefined, decision: Decision | null): Offer | null {
  return decision === 'hire' ? (offer ?? null) : null;
}

/** A timestamp's calendar date on this device (YYYY-MM-DD). */
function localDate(timestamp: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export { roleSearch, type AcceptedOffer, type RoleSearch } from './role-search';
