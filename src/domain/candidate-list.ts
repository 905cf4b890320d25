import type { Candidate } from './candidate';
import { nameKey } from './person-name';

/** A candidate with the key their name is searched by, worked out once per list, not per keystroke. */
export type SearchableCandidate = Readonly<{ candidate: Candidate; nameKey: string }>;

/** What the candidates list is narrowed by: a role (empty: every role) and text typed into the search. */
export type CandidateFilter = Readonly<{ roleId: string; text: string }>;

/** Prepares a list of candidates for filtering: each name's search key, in the list's order. */
export function searchableCandidates(candidates: readonly Candidate[]): SearchableCandidate[] {
  return candidates.map((candidate) => ({ candidate, nameKey: nameKey(candidate.name) }));
}

/**
 * The candidates that match, in the list's order. Text matches any part of the name, compared as
 * names are everywhere (case, spacing and invisible characters ignored; accents kept), so
 * "weiss" finds "Jonas Weiß". Blank text matches everyone.
 */
export function filterCandidates(list: readonly SearchableCandidate[], { roleId, text }: CandidateFilter): Candidate[] {
  const wanted = nameKey(text);
  const matches: Candidate[] = [];
  for (const { candidate, nameKey: key } of list) {
    if (roleId && candidate.roleId !== roleId) continue;
    if (wanted && !key.includes(wanted)) continue;
    matches.push(candidate);
  }
  return matches;
}
