import { z } from 'zod';
import { RoleSchema, daysOpen, type Role } from './role';
import { CandidateSchema, type Candidate } from './candidate';
import { InterviewSchema, type Interview } from './interview';
import { RubricSchema, sameRubricVersion, type Rubric, type RubricVersionRef } from './rubric';
import { ScorecardSchema, type Scorecard } from './scorecard';
import { DebriefSchema, type Debrief } from './debrief';
import { MissingRubricError, PanelAggregateSchema, aggregatePanel, latestSubmitted, panelRubricRefs } from './aggregate';
import { fileSlug as fileSlugFor } from './scorecard-rules';
import { envelopeSchema, type BodyMigration } from './file-envelope';
import { canonicalJson } from './canonical-json';
import { migrateBody } from './row-migrations';
import { emptyRecords, type Records } from './records';
import { nameKey } from './person-name';

export const PACKET_FORMAT = 'loopcard.packet';
/**
 * Version 2: the role, candidate, interviews and debrief carry revisions (database version 3).
 * Version 3: the rubric carries its agenda (database version 4). Version 4: the rubric carries its
 * lineage, basis and author (database version 5). Version 5: every rubric version the panel was
 * scored on (`rubrics`), and the aggregate per rubric version (`aggregate.byRubric`). Version 6: the
 * debrief may carry the decision's rationale and the offer's outcome (both optional: nothing to migrate).
 * Version 7: the role may carry the team's stack and the 90-day mission (database version 6).
 */
export const PACKET_VERSION = 7;

/** What the decision-maker and the archive receive: the three layers side by side, never merged. */
export const PacketContentSchema = z
  .object({
    role: RoleSchema,
    /** Days the role had been open on the day the packet was made. */
    daysOpen: z.number().int().min(0),
    /** Every rubric version the panel was scored on, in loop order of first use; the role's when none was. */
    rubrics: z.array(RubricSchema).min(1).max(12),
    candidate: CandidateSchema,
    interviews: z.array(InterviewSchema).max(12),
    /** Layer 1: each interviewer's scorecard as submitted, with every revision, oldest first. */
    scorecards: z.array(z.object({ interviewerName: z.string().min(1).max(80), revisions: z.array(ScorecardSchema).min(1).max(100) }).strict()).max(12),
    /** Layer 2: the mechanical aggregate of the latest revisions, per rubric version. */
    aggregate: PanelAggregateSchema,
    /** Layer 3: the consensus the lead recorded, and the decision. */
    debrief: DebriefSchema,
  })
  .strict();
export type PacketContent = z.infer<typeof PacketContentSchema>;

export const PacketSchema = envelopeSchema(PACKET_FORMAT, PACKET_VERSION, 'content', PacketContentSchema);
export type Packet = z.infer<typeof PacketSchema>;

export type PacketInput = {
  role: Role;
  /** Every rubric version the scorecards name, and the role's (for a panel with none yet). */
  rubrics: readonly Rubric[];
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
export function assemblePacketContent({ role, rubrics, candidate, interviews, revisions, debrief, today }: PacketInput): PacketContent {
  const latest = latestSubmitted(revisions);
  const submitted = revisions.filter((r) => r.status === 'submitted');
  const used = packetRubricRefs(latest, submitted, interviews, role.rubric).map((ref) => {
    const rubric = rubrics.find((r) => sameRubricVersion(r, ref));
    if (!rubric) throw new MissingRubricError(ref);
    return rubric;
  });
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
    rubrics: used,
    candidate,
    interviews: [...interviews],
    scorecards,
    aggregate: aggregatePanel(used, latest, interviews),
    debrief,
  };
}

/**
 * The rubric versions a packet carries: those of the latest scorecards in loop order of first use,
 * then any an earlier revision was scored on; the role's when there is no scorecard.
 */
export function packetRubricRefs(latest: readonly Scorecard[], submitted: readonly Scorecard[], interviews: readonly Interview[], roleRubric: RubricVersionRef): RubricVersionRef[] {
  const refs = panelRubricRefs(latest, interviews, roleRubric);
  for (const r of submitted) if (!refs.some((ref) => sameRubricVersion(ref, r.rubric))) refs.push({ id: r.rubric.id, version: r.rubric.version });
  return refs;
}

/** The records a packet's content embeds, by field, and the table each belongs to (up to version 4: one rubric). */
/** From version 5: every rubric version the panel was scored on. */
const EMBEDS = { role: 'roles', candidate: 'candidates', interviews: 'interviews', debrief: 'debriefs', rubrics: 'rubrics' } as const;

const EMBEDS_V4 = { role: 'roles', candidate: 'candidates', interviews: 'interviews', debrief: 'debriefs', rubric: 'rubrics' } as const;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Version 4 to 5: the one rubric becomes the list of one, and the aggregate's dimensions and red
 * flags become that rubric's entry (version 4 packets were refused unless every scorecard was on it).
 */
function oneRubricPerPacketToList(body: unknown): unknown {
  if (!isRecord(body) || !isRecord(body.rubric)) return body;
  const { rubric, aggregate, ...rest } = body;
  if (!isRecord(aggregate)) return { ...rest, rubrics: [rubric], aggregate };
  const { dimensions, redFlags, ...panelWide } = aggregate;
  return { ...rest, rubrics: [rubric], aggregate: { ...panelWide, byRubric: [{ rubric: { id: rubric.id, version: rubric.version }, title: rubric.title, dimensions, redFlags }] } };
}

/** Each step turns the content of version n into version n + 1, through the row step of a database version. */
export const PACKET_MIGRATIONS: Readonly<Record<number, BodyMigration>> = {
  1: (body) => migrateBody(body, 3, EMBEDS_V4),
  2: (body) => migrateBody(body, 4, EMBEDS_V4),
  3: (body) => migrateBody(body, 5, EMBEDS_V4),
  4: oneRubricPerPacketToList,
  5: (body) => body,
  6: (body) => migrateBody(body, 6, EMBEDS),
};

/**
 * What a packet must say of itself beyond its schema: every record is the candidate's, every
 * revision is submitted, names agree, every revision's rubric is in the packet, and the aggregate
 * follows from the scorecards.
 */
export function checkPacket(packet: Packet): string | null {
  const { role, rubrics, candidate, interviews, scorecards, aggregate, debrief } = packet.content;
  const notTheirs = 'The packet holds records of another candidate or role. It may have been edited by hand; ask for a fresh export.';
  if (candidate.roleId !== role.id || debrief.candidateId !== candidate.id || debrief.roleId !== role.id) return notTheirs;
  if (interviews.some((i) => i.candidateId !== candidate.id || i.roleId !== role.id)) return notTheirs;
  const revisions = scorecards.flatMap((s) => s.revisions);
  if (revisions.some((r) => r.candidateId !== candidate.id || r.roleId !== role.id)) return notTheirs;
  if (revisions.some((r) => r.status !== 'submitted')) return 'The packet holds a draft scorecard; a packet carries submitted scorecards only. Ask for a fresh export.';
  if (rubrics.some((r, i) => rubrics.findIndex((other) => sameRubricVersion(other, r)) !== i)) return 'The packet lists the same rubric version twice. It may have been edited by hand; ask for a fresh export.';
  const stray = revisions.find((r) => !rubrics.some((rubric) => sameRubricVersion(rubric, r.rubric)));
  if (stray) return `${stray.interviewerName}’s scorecard was scored on a rubric version the packet does not carry. Ask for a fresh export.`;
  for (const group of scorecards) {
    const ids = new Set(group.revisions.map((r) => r.id));
    if (ids.size !== 1 || group.revisions.some((r) => nameKey(r.interviewerName) !== nameKey(group.interviewerName))) {
      return `The scorecards listed under ${group.interviewerName} are not all ${group.interviewerName}’s. Ask for a fresh export.`;
    }
  }
  const recomputed = aggregatePanel(rubrics, latestSubmitted(revisions), interviews);
  if (canonicalJson(recomputed) !== canonicalJson(aggregate)) return 'The aggregate in the packet does not follow from its scorecards. It may have been edited by hand; ask for a fresh export.';
  return null;
}

/** The records a packet brings: the whole debrief, reproducible on this device. */
export function packetRecords(packet: Packet): Records {
  const { role, rubrics, candidate, interviews, scorecards, debrief } = packet.content;
  return { ...emptyRecords(), roles: [role], rubrics: [...rubrics], candidates: [candidate], interviews, scorecardRevisions: scorecards.flatMap((s) => s.revisions), debriefs: [debrief] };
}

export function packetFileName(candidateName: string, date: string, extension: 'json' | 'pdf' | 'csv'): string {
  return `${fileSlugFor(candidateName)}-decision-packet-${date}.${extension === 'json' ? 'loopcard.json' : extension}`;
}
