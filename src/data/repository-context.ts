import type { LoopcardDb } from './db';
import type { TeamTransport } from './sync/sync-service';

/** What every repository needs: the database, a clock and an id source (both replaceable in tests). */
export type RepositoryContext = {
  db: LoopcardDb;
  now: () => Date;
  newId: () => string;
  /** How the team server is reached; tests pass a fetch with a cookie jar and the server's URL. */
  teamTransport?: TeamTransport;
};

export function defaultContext(db: LoopcardDb): RepositoryContext {
  return { db, now: () => new Date(), newId: () => crypto.randomUUID() };
}
