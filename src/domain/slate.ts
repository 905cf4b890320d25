/**
 * Slate health (the guide: "most candidates have shipped or operated production ML systems"):
 * counts and shares over the role's screens, a plain verdict with the counts behind it, and the
 * sources ranked by how many of their candidates advanced. Pure; the screener's confirmations in,
 * numbers out.
 */

export const SCREEN_OUTCOMES = ['advance', 'hold', 'decline'] as const;
export type ScreenOutcome = (typeof SCREEN_OUTCOMES)[number];

/** Below this many screens the slate is not judged. */
export const SLATE_MIN_SCREENED = 3;
/** "Most": strictly more than this share shows production signals. */
export const SLATE_PRODUCTION_MOST_SHARE = 0.5;
/** "Over half": strictly more than this share is flagged wrong pool. */
export const SLATE_WRONG_POOL_SHARE = 0.5;
export const NO_SOURCE_LABEL = 'No source recorded';

export type ScreenForSlate = {
  source: string;
  /** Production signals the screener confirmed. */
  productionSignals: readonly string[];
  /** Wrong-pool signals the screener confirmed. */
  wrongPoolSignals: readonly string[];
  outcome: ScreenOutcome;
};

export type SlateVerdict = 'too-few' | 'production' | 'wrong-pool' | 'mixed';

export type SourceRank = { source: string; screened: number; advanced: number };

export type SlateHealth = {
  screened: number;
  withProduction: number;
  wrongPool: number;
  outcomes: Record<ScreenOutcome, number>;
  /** 0 to 1; 0 when nothing is screened. */
  productionShare: number;
  wrongPoolShare: number;
  verdict: SlateVerdict;
  message: string;
  sources: SourceRank[];
};

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * A slate where most show production ML reads as healthy even when some are also flagged (a
 * notebook beside a shipped system is fine); otherwise over half flagged wrong pool says to revisit
 * the keywords.
 */
export function slateHealth(screens: readonly ScreenForSlate[]): SlateHealth {
  const screened = screens.length;
  const withProduction = screens.filter((s) => s.productionSignals.length > 0).length;
  const wrongPool = screens.filter((s) => s.wrongPoolSignals.length > 0).length;
  const outcomes: Record<ScreenOutcome, number> = { advance: 0, hold: 0, decline: 0 };
  for (const s of screens) outcomes[s.outcome] += 1;
  const productionShare = share(withProduction, screened);
  const wrongPoolShare = share(wrongPool, screened);

  let verdict: SlateVerdict;
  let message: string;
  if (screened < SLATE_MIN_SCREENED) {
    verdict = 'too-few';
    message = `Too few screened to judge (${screened}); screen at least ${SLATE_MIN_SCREENED}.`;
  } else if (productionShare > SLATE_PRODUCTION_MOST_SHARE) {
    verdict = 'production';
    message = `Most of this slate has operated production ML (${withProduction} of ${screened}).`;
  } else if (wrongPoolShare > SLATE_WRONG_POOL_SHARE) {
    verdict = 'wrong-pool';
    message = `Over half the slate looks like adjacent roles: revisit the keywords (${wrongPool} of ${screened}).`;
  } else {
    verdict = 'mixed';
    message = `Only ${withProduction} of ${screened} show production ML; most of a slate should. Search with the lane's keywords.`;
  }

  return {
    screened,
    withProduction,
    wrongPool,
    outcomes,
    productionShare,
    wrongPoolShare,
    verdict,
    message,
    sources: rankSources(screens),
  };
}

/** Sources by candidates advanced, then share advanced, then screened, then name; same source in any case counts once. */
export function rankSources(screens: readonly ScreenForSlate[]): SourceRank[] {
  const bySource = new Map<string, SourceRank>();
  for (const s of screens) {
    const name = s.source.trim().replace(/\s+/gu, ' ') || NO_SOURCE_LABEL;
    const key = name.toLowerCase();
    const rank = bySource.get(key) ?? { source: name, screened: 0, advanced: 0 };
    rank.screened += 1;
    if (s.outcome === 'advance') rank.advanced += 1;
    bySource.set(key, rank);
  }
  return [...bySource.values()].sort(
    (a, b) =>
      b.advanced - a.advanced ||
      share(b.advanced, b.screened) - share(a.advanced, a.screened) ||
      b.screened - a.screened ||
      (a.source < b.source ? -1 : a.source > b.source ? 1 : 0),
  );
}
