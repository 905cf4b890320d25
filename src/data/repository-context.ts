import type { LoopcardDb } from './db';

/** What every repository needs: the database, a clock and an id source (both replaceable in tests). */
export type RepositoryContext = {
  db: LoopcardDb;
  now: () => Date;
  newId: () => string;
};

export function defaultContext(db: LoopcardDb): RepositoryContext {
  return { db, now: () => new Date(), newId: () => crypto.randomUUID() };
}
