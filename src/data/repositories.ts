import type { LoopcardDb } from './db';
import { defaultContext, type RepositoryContext } from './repository-context';
import { createRolesRepository } from './roles-repository';
import { createRubricsRepository } from './rubrics-repository';
import { createCandidatesRepository } from './candidates-repository';
import { createInterviewsRepository } from './interviews-repository';
import { createStorageRepository } from './storage-repository';
import { createScorecardsRepository } from './scorecards-repository';
import { createSettingsRepository } from './settings-repository';
import { createImportRepository } from './import-repository';
import { createDebriefsRepository } from './debriefs-repository';
import { createPacketRepository } from './packet-repository';
import { createExampleDataRepository } from './example-data';

/** Everything the UI may ask of the database, and nothing else. */
export function createRepositories(db: LoopcardDb, overrides: Partial<Omit<RepositoryContext, 'db'>> = {}) {
  const ctx: RepositoryContext = { ...defaultContext(db), ...overrides };
  return {
    roles: createRolesRepository(ctx),
    rubrics: createRubricsRepository(ctx),
    candidates: createCandidatesRepository(ctx),
    interviews: createInterviewsRepository(ctx),
    storage: createStorageRepository(ctx),
    scorecards: createScorecardsRepository(ctx),
    settings: createSettingsRepository(ctx),
    imports: createImportRepository(ctx),
    debriefs: createDebriefsRepository(ctx),
    packets: createPacketRepository(ctx),
    exampleData: createExampleDataRepository(ctx),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
