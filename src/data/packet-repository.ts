import { assemblePacketContent, PACKET_FORMAT, PACKET_VERSION, PacketSchema, readPacketFile, type Packet, type PacketContent } from '../domain/packet';
import { aggregatePanel, latestSubmitted } from '../domain/aggregate';
import { canonicalJson } from '../domain/canonical-json';
import { hashedContent } from '../domain/scorecard-rules';
import { CandidateSchema } from '../domain/candidate';
import { RoleSchema } from '../domain/role';
import { RubricSchema } from '../domain/rubric';
import { InterviewSchema } from '../domain/interview';
import { ScorecardSchema } from '../domain/scorecard';
import { DebriefSchema } from '../domain/debrief';
import type { RepositoryContext } from './repository-context';
import { sha256OfCanonical } from './hash';
import { sealEnvelope } from './envelope';
import { ConflictError } from './validation';

class PacketRefusal extends Error {}

/** The decision packet: assembled once from the database, hashed, and readable back on another device. */
export function createPacketRepository({ db, now }: RepositoryContext) {
  /** The packet's content as it stands, decided or not (a blank debrief before the lead records one). */
  async function loadContent(candidateId: string, requireDecision: boolean): Promise<PacketContent> {
    return db.transaction('r', [db.candidates, db.roles, db.rubrics, db.interviews, db.scorecardRevisions, db.debriefs], async () => {
        const candidate = await db.candidates.get(candidateId);
        if (!candidate) throw new ConflictError('This candidate is no longer on this device.');
        const [role, interviews, revisions, debrief] = await Promise.all([
          db.roles.get(candidate.roleId),
          db.interviews.where('candidateId').equals(candidateId).toArray(),
          db.scorecardRevisions.where('candidateId').equals(candidateId).toArray(),
          db.debriefs.where('candidateId').equals(candidateId).first(),
        ]);
        if (!role) throw new ConflictError('This candidate’s role is no longer on this device.');
        if (requireDecision && (!debrief || debrief.decision === null)) throw new ConflictError('Record the decision before exporting the packet.');
        const stamp = now().toISOString();
        const blank = { id: `debrief-${candidateId}`, candidateId, roleId: candidate.roleId, consensus: [], decision: null, decidedBy: '', nextStep: '', decidedAt: null, createdAt: stamp, updatedAt: stamp };
        const parsedRevisions = revisions.map((r) => ScorecardSchema.parse(r));
        const first = latestSubmitted(parsedRevisions)[0];
        if (!first) throw new ConflictError('No submitted scorecard has been gathered for this candidate.');
        const rubric = await db.rubrics.get([first.rubric.id, first.rubric.version]);
        if (!rubric) throw new ConflictError('The rubric of these scorecards is not on this device.');
        return assemblePacketContent({
          role: RoleSchema.parse(role),
          rubric: RubricSchema.parse(rubric),
          candidate: CandidateSchema.parse(candidate),
          interviews: interviews.map((i) => InterviewSchema.parse(i)).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
          revisions: parsedRevisions,
          debrief: DebriefSchema.parse(debrief ?? blank),
          today: now(),
        });
      });
  }

  return {
    /** For the spreadsheet: the panel matrix as it stands now. */
    async buildPanelContent(candidateId: string): Promise<PacketContent> {
      return loadContent(candidateId, false);
    },

    async buildPacket(candidateId: string, appVersion: string): Promise<Packet> {
      const content = await loadContent(candidateId, true);
      return sealEnvelope('Packet', PacketSchema, { format: PACKET_FORMAT, version: PACKET_VERSION, appVersion, exportedAt: now() }, { content });
    },

    /**
     * Reproduces a debrief from a packet on this device, in one transaction. Refused, with nothing
     * written, if the packet was altered, or if it disagrees with what is already here.
     */
    async importPacket(text: string): Promise<{ ok: true; candidateId: string; content: PacketContent } | { ok: false; reason: string }> {
      const read = readPacketFile(text);
      if (!read.ok) return read;
      const { content } = read.value;
      if ((await sha256OfCanonical(content)) !== read.value.sha256) return { ok: false, reason: 'The packet’s checksum does not match its contents: it was changed after export, or damaged.' };
      const revisions = content.scorecards.flatMap((s) => s.revisions);
      for (const r of revisions) {
        if (r.contentHash === null || (await sha256OfCanonical(hashedContent(r))) !== r.contentHash) return { ok: false, reason: `${r.interviewerName}’s revision ${r.revision} does not match its hash.` };
      }
      const recomputed = aggregatePanel(content.rubric, latestSubmitted(revisions), content.interviews);
      if (canonicalJson(recomputed) !== canonicalJson(content.aggregate)) return { ok: false, reason: 'The aggregate in the packet does not follow from its scorecards.' };
      try {
        await db.transaction('rw', [db.roles, db.candidates, db.rubrics, db.interviews, db.scorecards, db.scorecardRevisions, db.debriefs], async () => {
          const same = async <T>(existing: T | undefined, incoming: T, what: string) => {
            if (existing !== undefined && canonicalJson(existing) !== canonicalJson(incoming)) throw new PacketRefusal(`A different ${what} with the same identifier is already on this device.`);
            return existing === undefined;
          };
          if (await same(await db.rubrics.get([content.rubric.id, content.rubric.version]), content.rubric, 'rubric version')) await db.rubrics.add(content.rubric);
          if (!(await db.roles.get(content.role.id))) await db.roles.add(content.role);
          if (await same(await db.candidates.get(content.candidate.id), content.candidate, 'candidate')) await db.candidates.add(content.candidate);
          for (const interview of content.interviews) {
            if (await same(await db.interviews.get(interview.id), interview, 'interview')) await db.interviews.add(interview);
          }
          for (const r of revisions) {
            if (await same(await db.scorecardRevisions.get([r.id, r.revision]), r, 'scorecard revision')) await db.scorecardRevisions.add(r);
          }
          for (const latest of latestSubmitted(revisions)) {
            const local = await db.scorecards.get(latest.id);
            if (!local || local.revision < latest.revision) await db.scorecards.put(latest);
          }
          const localDebrief = await db.debriefs.where('candidateId').equals(content.candidate.id).first();
          if (localDebrief && localDebrief.id !== content.debrief.id) throw new PacketRefusal('This candidate already has a different debrief on this device.');
          await db.debriefs.put(content.debrief);
        });
      } catch (error) {
        if (error instanceof PacketRefusal) return { ok: false, reason: error.message };
        throw error;
      }
      return { ok: true, candidateId: content.candidate.id, content };
    },
  };
}

export type PacketRepository = ReturnType<typeof createPacketRepository>;
