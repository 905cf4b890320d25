/**
 * The database's name and current version, apart from the Dexie code: the first screen reads the
 * database before that code has loaded (first-screen-read.ts). db.ts checks that its schema
 * history ends at this version.
 */
export const DEFAULT_DB_NAME = 'loopcard';

/** The last version in db.ts `SCHEMA_HISTORY`. */
export const CURRENT_DB_VERSION = 7;

/** Dexie keeps version n in IndexedDB as n × 10. */
export const indexedDbVersionOf = (version: number): number => Math.round(version * 10);
