import type { LoopcardDb } from './db';
import { TEAM_SERVER_SETTING } from '../domain/device-settings';
import type { RepositoryContext } from './repository-context';
import { createRoleReads } from './role-reads';

/** Device settings the first screen reads. */
export function createSettingsReads({ db }: Pick<RepositoryContext, 'db'>) {
  return {
    /** Whether this device uses a team server (read without loading any sync code). */
    async teamServerConfigured(): Promise<boolean> {
      const row = await db.settings.get(TEAM_SERVER_SETTING);
      return typeof row?.value === 'object' && row.value !== null && typeof (row.value as { address?: unknown }).address === 'string';
    },
  };
}

/**
 * What the first screen (the roles list and the app's frame) reads, with no schema and no code of
 * the other screens: it paints with this while the full repositories (src/data/repositories.ts)
 * load. The full set includes every method here, from the same functions.
 */
export function createStartRepositories(db: LoopcardDb, now: () => Date = () => new Date()) {
  return {
    roles: createRoleReads({ db, now }),
    settings: createSettingsReads({ db }),
  };
}

export type StartRepositories = ReturnType<typeof createStartRepositories>;
