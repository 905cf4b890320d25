import Dexie from 'dexie';

/**
 * What kind of storage failure an error is, asked of Dexie's own error classes: only src/data
 * may import Dexie, and the UI needs to tell a full disk from a closed database. A browser's
 * DOMException arrives either as itself (a write outside Dexie) or as the `inner` of a Dexie
 * error (a transaction aborted by the quota), so both are looked at.
 */
function errorAndInner(error: unknown): unknown[] {
  return error instanceof Dexie.DexieError && error.inner !== undefined && error.inner !== null ? [error, error.inner] : [error];
}

// A DOMException is not an Error in every realm (jsdom, other frames): compare names, not classes.
const nameOf = (error: unknown): string => (typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '');

/** The device (or the browser's share of it) is out of storage space. */
export function isQuotaError(error: unknown): boolean {
  return errorAndInner(error).some((e) => e instanceof Dexie.QuotaExceededError || nameOf(e) === Dexie.errnames.QuotaExceeded);
}

/** The database was closed under us: another tab upgraded it, the browser shut it, or an update. */
export function isDatabaseClosedError(error: unknown): boolean {
  return errorAndInner(error).some(
    (e) => e instanceof Dexie.DatabaseClosedError || nameOf(e) === Dexie.errnames.DatabaseClosed || nameOf(e) === Dexie.errnames.InvalidState,
  );
}
