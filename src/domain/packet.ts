import { z } from 'zod';
import { TimestampSchema } from './fields';
import { RoleSchema, daysOpen, type Role } from './role';
import { CandidateSchema, type Candidate } from './candidate';
import { InterviewSchema, type Interview } from './interview';
import { RubricSchema, type Rubric } from './rubric';
import { ScorecardSchema, type Scorecard } from './scorecard';
import { DebriefSchema, type Debrief } from './debrief';
import { PanelAggregateSchema, aggregatePanel, latestSubmitted } from './aggregate';
import { fileSlug as fileSlugFor } from './scorecard-rules';
import { EnvelopeAppSchema, IMPORT_MAX_BYTES, NO_HEADER_MESSAGE, readEnvelope, type Migration, type ReadResult } from './file-reading';

export const PACKET_FORMAT = 'loopcard.packet';
export const PACKET_VERSION = 1;

/** What the decision-maker and the archive receive: the three layers side by side, never merged. */
export const PacketContentSchema = z
  .object({
    role: RoleSchema,
    /** Days the role had been open on the day the packet was made. */
    daysOpen: z.number().int().min(0),
    rubric: RubricSchema,
    candidate: CandidateSchema,
    interviews: z.array(InterviewSchema).max(12),
    /** Layer 1: each interviewer's scorecard as submitted, with every revision, oldest first. */
    scorecards: z.array(z.object({ interviewerName: z.string().min(1).max(80), revisions: z.array(ScorecardSchema).min(1).max(100) }).strict()).max(12),
    /** Layer 2: the mechanical aggregate of the latest revisions. */
    aggregate: PanelAggregateSchema,
    /** Layer 3: the consensus the lead recorded, and the decision. */
    debrief: DebriefSchema,
  })
  .strict();
export type PacketContent = z.infer<typeof PacketContentSchema>;

export const PacketSchema = z
  .object({
    format: z.literal(PACKET_FORMAT),
    version: z.literal(PACKET_VERSION),
    exportedAt: TimestampSchema,
    app: EnvelopeAppSchema,
    /** SHA-256 of the canonical JSON of `content`. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    content: PacketContentSchema,
  })
  .strict();
export type Packet = z.infer<typeof PacketSchema>;

export type PacketInput = {
  role: Role;
  rubric: Rubric;
  candidate: Candidate;
  interviews: readonly Interview[];
  revisions: readonly Scorecard[];
  debrief: Debrief;
  today: Date;
};

/**
 * The one assembler both the JSON and the PDF come from, so they cannot disagree. Scorecards are
 * grouped per interviewer in loop order; the aggregate is computed here, never taken from the UI.
 */
export function assemblePacketContent({ role, rubric, candidate, interviews, revisions, debrief, today }: PacketInput): PacketContent {
  const latest = latestSubmitted(revisions);
  const order = (s: Scorecard) => {
    const i = interviews.findIndex((iv) => iv.id === s.interviewId);
    return i === -1 ? interviews.length : i;
  };
  const scorecards = [...latest]
    .sort((a, b) => order(a) - order(b) || a.interviewerName.localeCompare(b.interviewerName))
    .map((s) => ({
      interviewerName: s.interviewerName,
      revisions: revisions.filter((r) => r.id === s.id && r.status === 'submitted').sort((a, b) => a.revision - b.revision),
    }));
  return {
    role,
    daysOpen: daysOpen(role.openedOn, today),
    rubric,
    candidate,
    interviews: [...interviews],
    scorecards,
    aggregate: aggregatePanel(rubric, latest, interviews),
    debrief,
  };
}

export const PACKET_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Reads a packet file into a validated envelope (the hash is checked by the caller). */
export function readPacketFile(text: string): ReadResult<Packet> {
  return readEnvelope(text, {
    format: PACKET_FORMAT,
    version: PACKET_VERSION,
    what: 'decision packet',
    maxChars: IMPORT_MAX_BYTES * 4,
    tooLarge: 'The file is larger than 20 MB; a decision packet is never that large.',
    migrations: PACKET_MIGRATIONS,
    schema: PacketSchema,
    notThisFormat: (format) => (format === null ? NO_HEADER_MESSAGE : `This is not a decision packet (its format is “${format.slice(0, 60)}”).`),
    mismatch: (detail) => `The file does not match the packet format${detail}.`,
  });
}

export function packetFileName(candidateName: string, date: string, extension: 'json' | 'pdf' | 'csv'): string {
  return `${fileSlugFor(candidateName)}-decision-packet-${date}.${extension === 'json' ? 'loopcard.json' : extension}`;
}
