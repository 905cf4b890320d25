import { createDb, type LoopcardDb } from '../../src/data/db';
import { createRepositories } from '../../src/data/repositories';

let counter = 0;

/** A fresh database per test, with a fixed clock and predictable ids. */
export function freshDb(options: { now?: Date } = {}) {
  counter += 1;
  const db: LoopcardDb = createDb(`loopcard-test-${counter}-${Math.random().toString(36).slice(2)}`);
  let idSeq = 0;
  const now = options.now ?? new Date('2026-11-02T09:00:00.000Z');
  const repos = createRepositories(db, { now: () => now, newId: () => `id-${++idSeq}` });
  return { db, repos };
}
