import { RoleInputSchema, RoleSchema, loopPlanOf, type Role, type RoleInput } from '../domain/role';
import { liveQuery } from 'dexie';
import { createRoleReads, type RolesOverview } from './role-reads';
import { reviseRecord } from '../domain/revision';
import type { RepositoryContext } from './repository-context';
import { ConflictError, validate } from './validation';

export function createRolesRepository({ db, now, newId }: RepositoryContext) {
  const reads = createRoleReads({ db, now });
  return {
    ...reads,

    /**
     * The roles list now and after every change to what it read, for the first screen, which does
     * not wait for the React hooks of the database code. Returns the way to stop.
     */
    watchOverview(next: (overview: RolesOverview) => void, error: (error: unknown) => void): () => void {
      const subscription = liveQuery(reads.overview).subscribe({ next, error });
      return () => subscription.unsubscribe();
    },

    // Every screen but the first checks what it reads: a row that does not pass the schema (an old
    // bug, a row written around the repositories) is refused rather than handed to the UI.
    async list(): Promise<Role[]> {
      return (await reads.list()).map((r) => RoleSchema.parse(r));
    },

    async get(id: string): Promise<Role | undefined> {
      const row = await reads.get(id);
      return row && RoleSchema.parse(row);
    },

    async create(input: RoleInput): Promise<Role> {
      const fields = validate('Role', RoleInputSchema, input);
      const stamp = now().toISOString();
      const role = validate('Role', RoleSchema, reviseRecord({ ...fields, id: newId(), createdAt: stamp, updatedAt: stamp }));
      await db.transaction('rw', db.roles, db.rubrics, async () => {
        await assertRubricsExist(db, role);
        await db.roles.add(role);
      });
      return role;
    },

    async update(id: string, input: RoleInput): Promise<Role> {
      const fields = validate('Role', RoleInputSchema, input);
      return db.transaction('rw', db.roles, db.rubrics, async () => {
        const existing = await db.roles.get(id);
        if (!existing) throw new ConflictError('This role no longer exists on this device.');
        // An input without a plan (a caller that only knows the default rubric) keeps the saved plan.
        // The stack and the mission are the form's to keep or clear: absent from the input, absent from the role.
        const { stack: _stack, mission: _mission, ...kept } = existing;
        const role = validate('Role', RoleSchema, reviseRecord({ ...kept, ...fields, updatedAt: now().toISOString() }, existing));
        await assertRubricsExist(db, role);
        await db.roles.put(role);
        return role;
      });
    },

    /** How many candidates of the role have a scorecard, draft or submitted: a plan change after the first is asked about. */
    async countCandidatesWithScorecards(roleId: string): Promise<number> {
      const scorecards = await db.scorecards.where('roleId').equals(roleId).toArray();
      return new Set(scorecards.map((s) => s.candidateId)).size;
    },
  };
}

/** The role's default rubric and every planned interview's rubric version must be on the device. */
async function assertRubricsExist(db: RepositoryContext['db'], role: Pick<Role, 'rubric' | 'loopPlan'>): Promise<void> {
  const plan = loopPlanOf(role);
  const refs = [role.rubric, ...plan.map((s) => s.rubric)];
  const rows = await db.rubrics.bulkGet(refs.map((ref) => [ref.id, ref.version]));
  const index = rows.findIndex((row) => !row);
  const ref = refs[index];
  if (!ref) return;
  if (index === 0) throw new ConflictError(`The rubric ${ref.id} version ${ref.version} is not on this device.`);
  throw new ConflictError(`Interview ${index} of the loop plan uses the rubric ${ref.id} version ${ref.version}, which is not on this device.`);
}

export type RolesRepository = ReturnType<typeof createRolesRepository>;
