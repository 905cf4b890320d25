import { canonicalJson } from '../domain/canonical-json';
import { IMPORT_MAX_BYTES } from '../domain/file-reading';
import { sameInterviewer } from '../domain/interview';
import { readScorecardFile, type ScorecardFile } from '../domain/scorecard-file';
import { LOOP_FILE_FORMAT, LOOP_FILE_VERSION, LoopFileSchema, loopFileName, readLoopFile, type LoopFile } from '../domain/loop-file';
import { CandidateSchema } from '../domain/candidate';
import { RoleSchema } from '../domain/role';
import { RubricSchema } from '../domain/rubric';
import { InterviewSchema } from '../domain/interview';
import { ConflictError } from './validation';
import { hashedContent } from '../domain/scorecard-rules';
import type { Scorecard } from '../domain/scorecard';
import type { RepositoryContext } from './repository-context';
import { sha256OfCanonical } from './hash';
import { sealEnvelope } from './envelope';

export type ImportOutcome = {
  fileName: string;
  outcome: 'added' | 'updated' | 'unchanged' | 'rejected';
  /** Plain words: what was added, or why the file was refused. */
  detail: string;
  candidateId?: string;
};

/** Refuses one file; thrown inside its transaction, so nothing of that file is written. */
class ImportRefusal extends Error {}

export function createImportRepository({ db, now }: RepositoryContext) {
  async function verifyHashes(file: ScorecardFile): Promise<string | null> {
    if ((await sha256OfCanonical(file.payload)) !== file.sha256) {
      return 'The file’s checksum does not match its contents: it was changed after it was exported, or damaged on the way. Ask for a fresh export.';
    }
    for (const revision of file.payload.revisions) {
      if (revision.status !== 'submitted' || revision.contentHash === null) return `Revision ${revision.revision} in the file is not a submitted revision.`;
      if ((await sha256OfCanonical(hashedContent(revision))) !== revision.contentHash) {
        return `Revision ${revision.revision} was changed after it was submitted: its content no longer matches its hash.`;
      }
    }
    return null;
  }

  function checkConsistency(file: ScorecardFile): string | null {
    const { role, candidate, interview, rubric, scorecard, revisions } = file.payload;
    if (revisions.length === 0) return 'The file holds no submitted revision.';
    const belongs = (s: Scorecard) =>
      s.id === scorecard.id && s.interviewId === interview.id && s.candidateId === candidate.id && s.roleId === role.id && s.rubric.id === rubric.id && s.rubric.version === rubric.version;
    if (!belongs(scorecard) || !revisions.every(belongs)) return 'The scorecard, its revisions and its interview, candidate, role and rubric do not belong together.';
    if (interview.candidateId !== candidate.id || candidate.roleId !== role.id) return 'The interview, candidate and role in the file do not belong together.';
    if (new Set(revisions.map((r) => r.revision)).size !== revisions.length) return 'The file lists the same revision twice.';
    return null;
  }

  /** Writes one verified file in one transaction: all of it, or (on a refusal) none of it. */
  async function write(file: ScorecardFile): Promise<Pick<ImportOutcome, 'outcome' | 'detail'>> {
    const { role, candidate, interview, rubric, revisions } = file.payload;
    const latest = revisions.reduce((a, b) => (b.revision > a.revision ? b : a));
    return db.transaction('rw', [db.roles, db.candidates, db.rubrics, db.interviews, db.scorecards, db.scorecardRevisions], async () => {
      const localRubric = await db.rubrics.get([rubric.id, rubric.version]);
      if (localRubric && canonicalJson(localRubric) !== canonicalJson(rubric)) {
        throw new ImportRefusal(`The rubric “${rubric.title}” version ${rubric.version} in this file differs from the one on this device with the same version. Scores against different rubrics cannot be compared.`);
      }
      const localCandidate = await db.candidates.get(candidate.id);
      if (localCandidate && localCandidate.roleId !== candidate.roleId) throw new ImportRefusal('This candidate is on this device for a different role.');
      const localInterview = await db.interviews.get(interview.id);
      if (localInterview && (localInterview.candidateId !== interview.candidateId || !sameInterviewer(localInterview.interviewerName, interview.interviewerName))) {
        throw new ImportRefusal('An interview with the same identifier but another candidate or interviewer is on this device.');
      }
      if (!localInterview) {
        const loop = await db.interviews.where('candidateId').equals(candidate.id).toArray();
        if (loop.some((i) => sameInterviewer(i.interviewerName, interview.interviewerName))) {
          throw new ImportRefusal(`${interview.interviewerName} already has a different interview with this candidate on this device.`);
        }
      }
      const local = await db.scorecards.get(latest.id);
      if (local && local.interviewId !== latest.interviewId) throw new ImportRefusal('A different scorecard with the same identifier is on this device.');
      const forInterview = await db.scorecards.where('interviewId').equals(interview.id).first();
      if (forInterview && forInterview.id !== latest.id) throw new ImportRefusal('Another scorecard for this interview is already on this device.');

      let newRevisions = 0;
      for (const revision of revisions) {
        const existing = await db.scorecardRevisions.get([revision.id, revision.revision]);
        if (existing) {
          if (existing.contentHash !== revision.contentHash) throw new ImportRefusal(`Revision ${revision.revision} on this device differs from the one in the file.`);
          continue;
        }
        await db.scorecardRevisions.add(revision);
        newRevisions += 1;
      }
      if (!localRubric) await db.rubrics.add(rubric);
      if (!(await db.roles.get(role.id))) await db.roles.add(role);
      if (!localCandidate) await db.candidates.add(candidate);
      if (!localInterview) await db.interviews.add(interview);
      if (!local || local.revision < latest.revision) await db.scorecards.put(latest);

      const who = `${latest.interviewerName}’s scorecard for ${candidate.name}`;
      if (!local) return { outcome: 'added' as const, detail: `${who}, revision ${latest.revision}.` };
      if (newRevisions > 0) return { outcome: 'updated' as const, detail: `${who}: ${newRevisions === 1 ? 'a newer revision' : `${newRevisions} newer revisions`} (now revision ${Math.max(latest.revision, local.revision)}).` };
      return { outcome: 'unchanged' as const, detail: `${who} is already here, revision ${local.revision}.` };
    });
  }

  /** Adds what a loop file brings and this device lacks; refuses anything that contradicts it. */
  async function writeLoop(file: LoopFile): Promise<Pick<ImportOutcome, 'outcome' | 'detail'>> {
    const { role, candidate, rubric, interviews } = file.payload;
    return db.transaction('rw', [db.roles, db.candidates, db.rubrics, db.interviews], async () => {
      const localRubric = await db.rubrics.get([rubric.id, rubric.version]);
      if (localRubric && canonicalJson(localRubric) !== canonicalJson(rubric)) throw new ImportRefusal(`The rubric “${rubric.title}” version ${rubric.version} differs from the one on this device with the same version.`);
      const localCandidate = await db.candidates.get(candidate.id);
      if (localCandidate && localCandidate.roleId !== candidate.roleId) throw new ImportRefusal('This candidate is on this device for a different role.');
      const loop = await db.interviews.where('candidateId').equals(candidate.id).toArray();
      let added = 0;
      for (const interview of interviews) {
        const local = await db.interviews.get(interview.id);
        if (local) {
          if (local.candidateId !== interview.candidateId || !sameInterviewer(local.interviewerName, interview.interviewerName)) throw new ImportRefusal('An interview in the file clashes with a different one on this device.');
          continue;
        }
        if (loop.some((i) => sameInterviewer(i.interviewerName, interview.interviewerName))) {
          throw new ImportRefusal(`${interview.interviewerName} already has a different interview with ${candidate.name} on this device.`);
        }
        await db.interviews.add(interview);
        added += 1;
      }
      if (!localRubric) await db.rubrics.add(rubric);
      if (!(await db.roles.get(role.id))) await db.roles.add(role);
      if (!localCandidate) await db.candidates.add(candidate);
      const names = interviews.map((i) => i.interviewerName).join(', ');
      if (!localCandidate) return { outcome: 'added' as const, detail: `The loop for ${candidate.name} (${names}). Each interviewer can now open their interview on this device.` };
      if (added > 0) return { outcome: 'updated' as const, detail: `${added} more interview${added === 1 ? '' : 's'} on ${candidate.name}’s loop.` };
      return { outcome: 'unchanged' as const, detail: `The loop for ${candidate.name} is already here.` };
    });
  }

  return {
    /** A candidate's loop as a file, for the interviewers' devices. */
    async buildLoopFile(candidateId: string, appVersion: string): Promise<{ fileName: string; json: string }> {
      const payload = await db.transaction('r', [db.candidates, db.roles, db.rubrics, db.interviews], async () => {
        const candidate = await db.candidates.get(candidateId);
        if (!candidate) throw new ConflictError('This candidate is no longer on this device.');
        const role = await db.roles.get(candidate.roleId);
        if (!role) throw new ConflictError('This candidate’s role is no longer on this device.');
        const interviews = await db.interviews.where('candidateId').equals(candidateId).toArray();
        if (interviews.length === 0) throw new ConflictError('Plan the loop first: add the interviewers.');
        const rubric = await db.rubrics.get([role.rubric.id, role.rubric.version]);
        if (!rubric) throw new ConflictError('The role’s rubric is not on this device.');
        const rubrics = await Promise.all(interviews.map((i) => db.rubrics.get([i.rubric.id, i.rubric.version])));
        if (rubrics.some((r) => !r || r.version !== rubric.version || r.id !== rubric.id)) throw new ConflictError('The interviews on this loop use different rubric versions; share them one version at a time.');
        return { role: RoleSchema.parse(role), candidate: CandidateSchema.parse(candidate), rubric: RubricSchema.parse(rubric), interviews: interviews.map((i) => InterviewSchema.parse(i)) };
      });
      const stamp = now();
      const file = await sealEnvelope('Loop file', LoopFileSchema, { format: LOOP_FILE_FORMAT, version: LOOP_FILE_VERSION, appVersion, exportedAt: stamp }, { payload });
      return { fileName: loopFileName(payload.candidate.name, stamp.toISOString().slice(0, 10)), json: JSON.stringify(file, null, 2) };
    },

    /** Reads a loop file onto this device: checks, then one transaction. */
    async importLoopFile(fileName: string, text: string, size = text.length): Promise<ImportOutcome> {
      const refuse = (detail: string): ImportOutcome => ({ fileName, outcome: 'rejected', detail });
      if (size > IMPORT_MAX_BYTES) return refuse('The file is larger than 5 MB; a loop file is never that large.');
      const read = readLoopFile(text);
      if (!read.ok) return refuse(read.reason);
      if ((await sha256OfCanonical(read.value.payload)) !== read.value.sha256) return refuse('The file’s checksum does not match its contents: it was changed after export, or damaged.');
      try {
        return { fileName, ...(await writeLoop(read.value)), candidateId: read.value.payload.candidate.id };
      } catch (error) {
        if (error instanceof ImportRefusal) return refuse(error.message);
        throw error;
      }
    },

    /**
     * Gathers one scorecard file: size cap, JSON, envelope and version, strict schema, hashes, then
     * one transaction. Importing the same file again changes nothing.
     */
    async importScorecardFile(fileName: string, text: string, size = text.length): Promise<ImportOutcome> {
      const refuse = (detail: string): ImportOutcome => ({ fileName, outcome: 'rejected', detail });
      if (size > IMPORT_MAX_BYTES) return refuse('The file is larger than 5 MB; a scorecard file is never that large.');
      const read = readScorecardFile(text);
      if (!read.ok) return refuse(read.reason);
      const problem = checkConsistency(read.value) ?? (await verifyHashes(read.value));
      if (problem) return refuse(problem);
      try {
        const written = await write(read.value);
        return { fileName, ...written, candidateId: read.value.payload.candidate.id };
      } catch (error) {
        if (error instanceof ImportRefusal) return refuse(error.message);
        throw error;
      }
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
