import { ScreenInputSchema, ScreenSchema, screenForSlate, type Screen, type ScreenInput } from '../domain/screen';
import { slateHealth, type ScreenForSlate, type SlateHealth } from '../domain/slate';
import { reviseRecord } from '../domain/revision';
import type { RepositoryContext } from './repository-context';
import { ConflictError, validate } from './validation';

/**
 * Candidates' screens and the slate they make. A screen is the candidate's (its id is theirs), stays
 * on this device and in its backups, and goes when the candidate is erased. Loaded on first use.
 */
export function createSourcingRepository({ db, now }: RepositoryContext) {
  const read = (row: unknown): Screen => ScreenSchema.parse(row);

  return {
    /** The candidate's screen; undefined before anyone screened them. */
    async getScreen(candidateId: string): Promise<Screen | undefined> {
      const row = await db.screens.get(candidateId);
      return row && read(row);
    },

    /** Every screen of the role's candidates, finished or not. */
    async listScreens(roleId: string): Promise<Screen[]> {
      return (await db.screens.where('roleId').equals(roleId).toArray()).map(read);
    },

    /**
     * Saves what the screener confirmed, as a new revision of the candidate's screen. Refused when the
     * candidate is gone (erased in another tab, say), so a screen never outlives its candidate.
     */
    async saveScreen(candidateId: string, input: ScreenInput): Promise<Screen> {
      const checked = validate('Screen', ScreenInputSchema, input);
      return db.transaction('rw', db.screens, db.candidates, async () => {
        const candidate = await db.candidates.get(candidateId);
        if (!candidate) throw new ConflictError('This candidate is no longer on this device.');
        const existing = await db.screens.get(candidateId);
        const stamp = now().toISOString();
        const base = { id: candidateId, candidateId, roleId: candidate.roleId, createdAt: existing?.createdAt ?? stamp };
        const next = validate('Screen', ScreenSchema, reviseRecord({ ...base, ...checked, updatedAt: stamp }, existing ?? null));
        await db.screens.put(next);
        return next;
      });
    },

    /** The role's slate: finished screens only (an outcome recorded). */
    async slate(roleId: string): Promise<SlateHealth> {
      const screens = await db.screens.where('roleId').equals(roleId).toArray();
      return slateHealth(screens.map((s) => screenForSlate(read(s))).filter((s): s is ScreenForSlate => s !== null));
    },
  };
}

export type SourcingRepository = ReturnType<typeof createSourcingRepository>;
