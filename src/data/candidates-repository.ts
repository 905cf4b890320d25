import { CandidateInputSchema, CandidateSchema, type Candidate, type CandidateInput } from '../domain/candidate';
import { reviseRecord } from '../domain/revision';
import type { RepositoryContext } from './repository-context';
import { ConflictError, validate } from './validation';

export function createCandidatesRepository({ db, now, newId }: RepositoryContext) {
  return {
    async list(): Promise<Candidate[]> {
      return (await db.candidates.orderBy('updatedAt').reverse().toArray()).map((c) => CandidateSchema.parse(c));
    },

    async listByRole(roleId: string): Promise<Candidate[]> {
      const rows = await db.candidates.where('roleId').equals(roleId).toArray();
      return rows.map((c) => CandidateSchema.parse(c)).sort((a, b) => a.name.localeCompare(b.name));
    },

    async get(id: string): Promise<Candidate | undefined> {
      const row = await db.candidates.get(id);
      return row && CandidateSchema.parse(row);
    },

    async create(input: CandidateInput): Promise<Candidate> {
      const fields = validate('Candidate', CandidateInputSchema, input);
      const stamp = now().toISOString();
      const candidate = validate('Candidate', CandidateSchema, reviseRecord({ ...fields, id: newId(), createdAt: stamp, updatedAt: stamp }));
      await db.transaction('rw', db.roles, db.candidates, async () => {
        if (!(await db.roles.get(candidate.roleId))) throw new ConflictError('Choose a role that exists on this device.');
        await db.candidates.add(candidate);
      });
      return candidate;
    },

    async update(id: string, input: CandidateInput): Promise<Candidate> {
      const fields = validate('Candidate', CandidateInputSchema, input);
      return db.transaction('rw', db.roles, db.candidates, db.interviews, async () => {
        const existing = await db.candidates.get(id);
        if (!existing) throw new ConflictError('This candidate no longer exists on this device.');
        if (!(await db.roles.get(fields.roleId))) throw new ConflictError('Choose a role that exists on this device.');
        if (fields.roleId !== existing.roleId && (await db.interviews.where('candidateId').equals(id).count()) > 0) {
          throw new ConflictError('This candidate already has a loop for their role; the role cannot change.');
        }
        const candidate = validate('Candidate', CandidateSchema, reviseRecord({ ...existing, ...fields, updatedAt: now().toISOString() }, existing));
        await db.candidates.put(candidate);
        return candidate;
      });
    },
  };
}

export type CandidatesRepository = ReturnType<typeof createCandidatesRepository>;
