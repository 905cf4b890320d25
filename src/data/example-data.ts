import type { RepositoryContext } from './repository-context';
import { EXAMPLE_KEY } from './example-data-key';

/** Example data to explore a debrief with, marked as such and removable in one click. */
export function createExampleDataRepository(ctx: RepositoryContext) {
  const { db } = ctx;
  return {
    async current(): Promise<{ roleId: string; candidateId: string } | null> {
      const row = await db.settings.get(EXAMPLE_KEY);
      const value = row?.value as { roleId?: unknown; candidateId?: unknown } | undefined;
      return typeof value?.roleId === 'string' && typeof value.candidateId === 'string' ? { roleId: value.roleId, candidateId: value.candidateId } : null;
    },

    /** One role, one candidate, three submitted scorecards that disagree on rollback. */
    async create(): Promise<{ roleId: string; candidateId: string }> {
      const existing = await this.current();
      if (existing) return existing;
      const { createExampleData } = await import('./example-data-content');
      return createExampleData(ctx);
    },

    /** Removes the example role and everything under it, in one transaction. */
    async remove(): Promise<void> {
      const example = await this.current();
      if (!example) return;
      await db.transaction('rw', [db.settings, db.roles, db.candidates, db.interviews, db.scorecards, db.scorecardRevisions, db.debriefs], async () => {
        const candidateIds = (await db.candidates.where('roleId').equals(example.roleId).primaryKeys()) as string[];
        for (const candidateId of candidateIds) {
          await db.interviews.where('candidateId').equals(candidateId).delete();
          await db.scorecards.where('candidateId').equals(candidateId).delete();
          await db.scorecardRevisions.where('candidateId').equals(candidateId).delete();
          await db.debriefs.where('candidateId').equals(candidateId).delete();
        }
        await db.candidates.bulkDelete(candidateIds);
        await db.roles.delete(example.roleId);
        await db.settings.delete(EXAMPLE_KEY);
      });
    },
  };
}

export type ExampleDataRepository = ReturnType<typeof createExampleDataRepository>;
