import type { RepositoryContext } from '../repository-context';
import { syncServiceFor, type SyncService } from './sync-service';

/** The team server, for the screens: the one sync service of this device. Loaded on first use. */
export function createTeamRepository(ctx: RepositoryContext) {
  return {
    async service(): Promise<SyncService> {
      return syncServiceFor(ctx, ctx.teamTransport);
    },
  };
}
export type TeamRepository = ReturnType<typeof createTeamRepository>;
