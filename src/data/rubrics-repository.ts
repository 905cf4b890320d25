import { RubricSchema, latestRubrics, type Rubric } from '../domain/rubric';
import type { RepositoryContext } from './repository-context';

/** Rubrics are read-only here: a change to a rubric in use is a new version, added by a later feature. */
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
  };
}

export type RubricsRepository = ReturnType<typeof createRubricsRepository>;
