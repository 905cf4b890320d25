import type { KeywordMatch } from './sourcing';
import type { Screen } from './screen';

/**
 * The rules of the screen page that are not the screen record itself: where candidates commonly
 * come from, how much of a pasted text is shown highlighted, the marks the scan's suggestions
 * carry until the screener confirms them, and the one line that sums a screen up.
 */

/** Common sources, offered beside the ones the role's screens already used. */
export const COMMON_SOURCES: readonly string[] = ['Referral', 'LinkedIn search', 'GitHub', 'Conference', 'Inbound application', 'Agency'];

/** The sources to suggest: the role's own first (as typed, most used first), then the common ones; each once, whatever its case. */
export function sourceSuggestions(used: readonly string[]): string[] {
  const counts = new Map<string, { source: string; n: number }>();
  for (const raw of used) {
    const source = raw.trim().replace(/\s+/gu, ' ');
    if (source === '') continue;
    const key = source.toLowerCase();
    const seen = counts.get(key);
    counts.set(key, { source: seen?.source ?? source, n: (seen?.n ?? 0) + 1 });
  }
  const own = [...counts.values()].sort((a, b) => b.n - a.n || a.source.localeCompare(b.source)).map((c) => c.source);
  return [...own, ...COMMON_SOURCES.filter((c) => !counts.has(c.toLowerCase()))];
}

/**
 * How much of a pasted text is shown with its keywords highlighted: enough for any résumé, small
 * enough that a 200,000-character paste renders at once.
 */
export const HIGHLIGHT_MAX_CHARS = 20_000;

export type TextSegment = { text: string; keyword: string | null };
export type Highlighted = { segments: TextSegment[]; shownChars: number; truncated: boolean; matchesShown: number };

/** True for the first half of a UTF-16 surrogate pair: a cut after it would split a character. */
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * The text cut into plain and matched pieces, for rendering as text (never as HTML). At most
 * `maxChars` characters are shown; the cut never splits a match or a character. Matches that
 * overlap an earlier one or fall outside the text are skipped.
 */
export function highlightSegments(text: string, matches: readonly KeywordMatch[], maxChars: number = HIGHLIGHT_MAX_CHARS): Highlighted {
  let limit = Math.min(text.length, Math.max(0, maxChars));
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  // A match that straddles the cut is left out whole, not split.
  const straddling = sorted.find((m) => m.start < limit && m.end > limit);
  if (straddling) limit = straddling.start;
  if (limit > 0 && limit < text.length && isHighSurrogate(text.charCodeAt(limit - 1))) limit -= 1;
  const segments: TextSegment[] = [];
  let at = 0;
  let matchesShown = 0;
  for (const m of sorted) {
    if (m.start < at || m.end > limit || m.start >= m.end) continue;
    if (m.start > at) segments.push({ text: text.slice(at, m.start), keyword: null });
    segments.push({ text: text.slice(m.start, m.end), keyword: m.keyword });
    matchesShown += 1;
    at = m.end;
  }
  if (at < limit) segments.push({ text: text.slice(at, limit), keyword: null });
  return { segments, shownChars: limit, truncated: limit < text.length, matchesShown };
}

/**
 * The signals a scan ticked that the screener has not yet confirmed or unticked: the app suggests,
 * the screener decides, so a screen is not saved while any remains.
 */
export function unconfirmedSuggestionsMessage(labels: readonly string[]): string | null {
  if (labels.length === 0) return null;
  const list = labels.length === 1 ? `“${labels[0]}”` : `${labels.slice(0, -1).map((l) => `“${l}”`).join(', ')} and “${labels[labels.length - 1]}”`;
  return `Confirm or untick what the text suggested first: ${list}. Loopcard only suggests; you decide.`;
}

const OUTCOME_WORDS = { advance: 'advance to the loop', hold: 'on hold', decline: 'declined' } as const;

/** The screen in one line, for the candidate's page: "Screened: on hold — waiting for the referral's call". */
export function screenSummary(screen: Pick<Screen, 'outcome' | 'reason' | 'source'>): string {
  if (screen.outcome === null) return 'Screen started, no outcome yet.';
  const reason = screen.reason.trim();
  return `Screened: ${OUTCOME_WORDS[screen.outcome]}${reason ? ` — ${reason}` : ''}`;
}
