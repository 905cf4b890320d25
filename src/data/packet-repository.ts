import { assemblePacketContent, packetRubricRefs, PACKET_FORMAT, PACKET_VERSION, PacketSchema, type Packet, type PacketContent } from '../domain/packet';
import { reviseRecord } from '../domain/revision';
import { latestSubmitted } from '../domain/aggregate';
import { CandidateSchema } from '../domain/candidate';
import { RoleSchema } from '../domain/role';
import { InterviewSchema, sortLoop } from '../domain/interview';
import { ScorecardSchema } from '../domain/scorecard';
import { DebriefSchema } from '../domain/debrief';
import type { RepositoryContext } from './repository-context';
import { sealFile } from './envelope';
import { loadPanelRubrics } from './panel-rubrics';
import { ConflictError } from './validation';

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
        const blank = reviseRecord({ id: `debrief-${candidateId}`, candidateId, roleId: candidate.roleId, consensus: [], decision: null, decidedBy: '', nextStep: '', decidedAt: null, createdAt: stamp, updatedAt: stamp });
        const parsedRevisions = revisions.map((r) => ScorecardSchema.parse(r));
        const latest = latestSubmitted(parsedRevisions);
        if (latest.length === 0) throw new ConflictError('No submitted scorecard has been gathered for this candidate.');
        const loop = sortLoop(interviews.map((i) => InterviewSchema.parse(i)));
        const parsedRole = RoleSchema.parse(role);
        // Every rubric version the panel was scored on, each read on its own: a mixed panel is one
        // matrix per version, never refused and never averaged.
        const submitted = parsedRevisions.filter((r) => r.status === 'submitted');
        const rubrics = await loadPanelRubrics(db, packetRubricRefs(latest, submitted, loop, parsedRole.rubric), submitted);
        return assemblePacketContent({
          role: parsedRole,
          rubrics,
          candidate: CandidateSchema.parse(candidate),
          interviews: loop,
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
      return sealFile('Packet', PacketSchema, { format: PACKET_FORMAT, version: PACKET_VERSION, appVersion, exportedAt: now() }, { content });
    },
  };
}

export type PacketRepository = ReturnType<typeof createPacketRepository>;
