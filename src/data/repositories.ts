import type { LoopcardDb } from './db';
import { defaultContext, type RepositoryContext } from './repository-context';
import { createRolesRepository } from './roles-repository';
import { createRubricsRepository } from './rubrics-repository';
import { createCandidatesRepository } from './candidates-repository';
import { createInterviewsRepository } from './interviews-repository';
import { createStorageRepository } from './storage-repository';
import { createScorecardsRepository } from './scorecards-repository';
import { createSettingsRepository } from './settings-repository';
import { lazyRepository } from './lazy-repository';
import type { ImportRepository } from './import-repository';
import type { DebriefsRepository } from './debriefs-repository';
import type { PacketRepository } from './packet-repository';
import type { ErasureRepository } from './erasure-repository';
import type { BackupRepository } from './backup-repository';
import { createExampleDataRepository } from './example-data';
import type { DueRepository } from './due-repository';
import type { RubricLibraryRepository } from './rubric-library-repository';
import type { InsightsRepository } from './insights-repository';
import type { PipelineRepository } from './pipeline-repository';
import type { SourcingRepository } from './sourcing-repository';
import type { TeamRepository } from './sync/team-repository';

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
    exampleData: createExampleDataRepository(ctx),
    // Loaded on first use, since the first screen does not need them. Never call these inside a
    // live query: the dynamic import would break Dexie's tracking of what the query read.
    imports: lazyRepository<ImportRepository>(() => import('./import-repository').then((m) => m.createImportRepository(ctx))),
    packets: lazyRepository<PacketRepository>(() => import('./packet-repository').then((m) => m.createPacketRepository(ctx))),
    erasure: lazyRepository<ErasureRepository>(() => import('./erasure-repository').then((m) => m.createErasureRepository(ctx))),
    // Used inside live queries: preload() it first (see useLiveQueryOf in src/lib).
    debriefs: lazyRepository<DebriefsRepository>(() => import('./debriefs-repository').then((m) => m.createDebriefsRepository(ctx))),
    rubricLibrary: lazyRepository<RubricLibraryRepository>(() => import('./rubric-library-repository').then((m) => m.createRubricLibraryRepository(ctx))),
    due: lazyRepository<DueRepository>(() => import('./due-repository').then((m) => m.createDueRepository(ctx))),
    insights: lazyRepository<InsightsRepository>(() => import('./insights-repository').then((m) => m.createInsightsRepository(ctx))),
    pipeline: lazyRepository<PipelineRepository>(() => import('./pipeline-repository').then((m) => m.createPipelineRepository(ctx))),
    sourcing: lazyRepository<SourcingRepository>(() => import('./sourcing-repository').then((m) => m.createSourcingRepository(ctx))),
    backup: lazyRepository<BackupRepository>(() => import('./backup-repository').then((m) => m.createBackupRepository(ctx))),
    team: lazyRepository<TeamRepository>(() => import('./sync/team-repository').then((m) => m.createTeamRepository(ctx))),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
