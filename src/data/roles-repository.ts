import { RoleInputSchema, RoleSchema, type Role, type RoleInput } from '../domain/role';
import { reviseRecord } from '../domain/revision';
import type { RepositoryContext } from './repository-context';
import { ConflictError, validate } from './validation';

export function createRolesRepository({ db, now, newId }: RepositoryContext) {
  return {
    /** Newest first: the role someone is working on is usually the last one touched. */
    async list(): Promise<Role[]> {
      return (await db.roles.orderBy('updatedAt').reverse().toArray()).map((r) => RoleSchema.parse(r));
    },

    async get(id: string): Promise<Role | undefined> {
      const row = await db.roles.get(id);
      return row && RoleSchema.parse(row);
    },

    async create(input: RoleInput): Promise<Role> {
      const fields = validate('Role', RoleInputSchema, input);
      const stamp = now().toISOString();
      const role = validate('Role', RoleSchema, reviseRecord({ ...fields, id: newId(), createdAt: stamp, updatedAt: stamp }));
      await db.transaction('rw', db.roles, db.rubrics, async () => {
        await assertRubricExists(db, role.rubric);
        await db.roles.add(role);
      });
      return role;
    },

    async update(id: string, input: RoleInput): Promise<Role> {
      const fields = validate('Role', RoleInputSchema, input);
      return db.transaction('rw', db.roles, db.rubrics, async () => {
        const existing = await db.roles.get(id);
        if (!existing) throw new ConflictError('This role no longer exists on this device.');
        await assertRubricExists(db, fields.rubric);
        const role = validate('Role', RoleSchema, reviseRecord({ ...existing, ...fields, updatedAt: now().toISOString() }, existing));
        await db.roles.put(role);
        return role;
      });
    },
  };
}

async function assertRubricExists(db: RepositoryContext['db'], ref: Role['rubric']): Promise<void> {
  const rubric = await db.rubrics.get([ref.id, ref.version]);
  if (!rubric) throw new ConflictError(`The rubric ${ref.id} version ${ref.version} is not on this device.`);
}

export type RolesRepository = ReturnType<typeof createRolesRepository>;
