import { RubricSchema, latestRubrics, type Rubric } from '../domain/rubric';
import type { RepositoryContext } from './repository-context';

/**
 * Saved rubric versions, read-only: there is no update path. Editing (drafts, saving a version) and
 * where each version is used are in rubric-library-repository.ts, loaded on first use.
 */
export function createRubricsRepository({ db }: RepositoryContext) {
  return {
    async list(): Promise<Rubric[]> {
      return (await db.rubrics.toArray()).map((r) => RubricSchema.parse(r));
    },
    async listLatest(): Promise<Rubric[]> {
      return latestRubrics(await this.list());
    },
    async get(id: string, version: number): Promise<Rubric | undefined> {
      const row = await db.rubrics.get([id, version]);
      return row && RubricSchema.parse(row);
    },

    /** Every version of one rubric here, oldest first; siblings with the same number by when they were saved. */
    async listVersions(lineage: string): Promise<Rubric[]> {
      const rows = await db.rubrics.where('lineage').equals(lineage).toArray();
      return rows.map((r) => RubricSchema.parse(r)).sort((a, b) => a.version - b.version || a.createdAt.localeCompare(b.createdAt));
    },
  };
}

export type RubricsRepository = ReturnType<typeof createRubricsRepository>;
