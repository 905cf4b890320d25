import { sha256OfCanonical } from './hash';
import { REV_HISTORY_MAX, REV_PATTERN, type RevisionFields } from './fields';

/**
 * Revisions of the records a person edits (role, candidate, interview, debrief), shaped like
 * CouchDB's `_rev`: `n-<32 hex digits>`, where n counts edits and the digits are a hash of the
 * content and its history. Each record also keeps its ancestors, newest first, so that another
 * device's copy can be placed without comparing clocks: it is this record (same), an ancestor
 * (older: keep ours), a descendant (newer: take it), or neither (a conflict the person resolves).
 */
export { REV_HISTORY_MAX, REV_PATTERN, RevisionFieldsSchema, type RevisionFields } from './fields';

type Revised = RevisionFields & Record<string, unknown>;

/** The edit count of a revision (the n of `n-…`). */
export function revNumber(rev: string): number {
  const match = REV_PATTERN.exec(rev);
  return match ? Number(match[1]) : 0;
}

function withoutRevision<T extends object>(row: T): Omit<T, 'rev' | 'revHistory'> {
  const { rev: _rev, revHistory: _history, ...content } = row as T & Partial<RevisionFields>;
  return content;
}

function revFor(content: object, revHistory: readonly string[], n: number): string {
  return `${n}-${sha256OfCanonical({ content, revHistory }).slice(0, 32)}`;
}

/**
 * Gives a record its next revision: the first (`1-…`) when it has none, otherwise one that
 * descends from its current revision. Deterministic: the same content on the same history gives
 * the same revision on any device.
 */
export function reviseRecord<T extends object>(row: T, previous?: RevisionFields | null): Omit<T, 'rev' | 'revHistory'> & RevisionFields {
  const content = withoutRevision(row);
  const revHistory = previous ? [previous.rev, ...previous.revHistory].slice(0, REV_HISTORY_MAX) : [];
  const n = previous ? revNumber(previous.rev) + 1 : 1;
  return { ...content, rev: revFor(content, revHistory, n), revHistory };
}

/**
 * Resolves a conflict: the chosen content becomes one revision that descends from both copies,
 * so neither comes back as a conflict when it arrives again.
 */
export function mergeRevisions<T extends Revised>(chosen: T, other: RevisionFields): T {
  const content = withoutRevision(chosen);
  const seen = new Set<string>();
  const revHistory: string[] = [];
  for (const rev of [chosen.rev, other.rev, ...chosen.revHistory, ...other.revHistory]) {
    if (!seen.has(rev)) {
      seen.add(rev);
      revHistory.push(rev);
    }
  }
  const n = Math.max(revNumber(chosen.rev), revNumber(other.rev)) + 1;
  const kept = revHistory.slice(0, REV_HISTORY_MAX);
  return { ...chosen, rev: revFor(content, kept, n), revHistory: kept } as T;
}

/** Whether a record's revision is the one its content and history give (not edited by hand). */
export function hasConsistentRevision(row: Revised): boolean {
  return revFor(withoutRevision(row), row.revHistory, revNumber(row.rev)) === row.rev;
}

export type RevisionOrder = 'same' | 'incoming-newer' | 'local-newer' | 'conflict';

/** How another device's copy of a record stands to this device's, by revision history alone. */
export function compareRevisions(local: RevisionFields, incoming: RevisionFields): RevisionOrder {
  if (local.rev === incoming.rev) return 'same';
  if (incoming.revHistory.includes(local.rev)) return 'incoming-newer';
  if (local.revHistory.includes(incoming.rev)) return 'local-newer';
  return 'conflict';
}
