import { describe, expect, it } from 'vitest';
import { aggregatePanel, latestSubmitted } from '../../src/domain/aggregate';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { PACKET_FORMAT, PACKET_VERSION, PacketContentSchema, assemblePacketContent, checkPacket, packetFileName, type Packet, type PacketInput } from '../../src/domain/packet';
import { NOT_COVERED } from '../../src/domain/rubric';
import { all, candidate, cardFor, debriefOf, interviewOf, role } from '../helpers/panel';

const NC = NOT_COVERED;
const ana = interviewOf('iv-ana', 'Ana Lopez');
const ben = interviewOf('iv-ben', 'Ben Okafor');
const chen = interviewOf('iv-chen', 'Chen Wei');
const zoe = interviewOf('iv-zoe', 'Zoe Adams');

const anaRev1 = cardFor(ana, all(2), { revision: 1 });
const anaRev2 = cardFor(ana, [1, 3, 2, NC, NC], { revision: 2, amendReason: 'Misread my trigger notes.' });
const anaRev3Draft = cardFor(ana, all(4), { revision: 3, status: 'draft', submittedAt: null, contentHash: null });
const chenRev1 = cardFor(chen, [4, 3, NC, 2, NC], { recommendation: 'strong-yes' });
const zoeRev1 = cardFor(zoe, all(3), { recommendation: 'no' });

/** Loop order is Zoe, Chen, Ana, Ben: not alphabetical, so the order is visibly the loop's. */
function input(overrides: Partial<PacketInput> = {}): PacketInput {
  return {
    role,
    rubrics: [BUILTIN_RUBRIC],
    candidate,
    interviews: [zoe, chen, ana, ben],
    revisions: [anaRev2, chenRev1, anaRev3Draft, zoeRev1, anaRev1],
    debrief: debriefOf({ decision: 'hire', decidedBy: 'Dana Whitfield', nextStep: 'Offer.', decidedAt: '2026-11-02T11:00:00.000Z' }),
    today: new Date('2026-11-02T12:00:00.000Z'),
    ...overrides,
  };
}

function packetOf(content = assemblePacketContent(input())): Packet {
  return { format: PACKET_FORMAT, version: PACKET_VERSION, exportedAt: '2026-11-02T12:00:00.000Z', app: { name: 'Loopcard', version: '0.1.0' }, sha256: 'b'.repeat(64), content };
}

describe('assembling the packet content', () => {
  const content = assemblePacketContent(input());

  it('groups the submitted revisions per interviewer, in loop order, oldest revision first', () => {
    expect(content.scorecards.map((s) => [s.interviewerName, s.revisions.map((r) => r.revision)])).toEqual([
      ['Zoe Adams', [1]],
      ['Chen Wei', [1]],
      ['Ana Lopez', [1, 2]],
    ]);
    expect(content.scorecards[2]?.revisions).toEqual([anaRev1, anaRev2]);
  });

  it('leaves out drafts, and interviewers who have not submitted', () => {
    const included = content.scorecards.flatMap((s) => s.revisions);
    expect(included.every((r) => r.status === 'submitted')).toBe(true);
    expect(content.scorecards.some((s) => s.interviewerName === 'Ben Okafor')).toBe(false);
  });

  it('puts a scorecard whose interview is not in the loop after the loop', () => {
    const stray = cardFor(interviewOf('iv-stray', 'Aaron Stray'), all(3));
    const withStray = assemblePacketContent(input({ revisions: [stray, zoeRev1] }));
    expect(withStray.scorecards.map((s) => s.interviewerName)).toEqual(['Zoe Adams', 'Aaron Stray']);
  });

  it('counts the days the role has been open up to today', () => {
    expect(content.daysOpen).toBe(32);
    expect(assemblePacketContent(input({ today: new Date('2026-10-01T12:00:00.000Z') })).daysOpen).toBe(0);
    expect(assemblePacketContent(input({ today: new Date('2027-01-01T12:00:00.000Z') })).daysOpen).toBe(92);
  });

  it('carries the aggregate of the latest submitted revisions, with the one not submitted still due', () => {
    expect(content.aggregate).toEqual(aggregatePanel([BUILTIN_RUBRIC], latestSubmitted(input().revisions), input().interviews));
    expect(content.aggregate.submitted).toBe(3);
    expect(content.aggregate.due).toEqual(['Ben Okafor']);
    expect(content.aggregate.byRubric[0]?.dimensions[0]).toMatchObject({ dimensionKey: 'trigger', levels: [1, 3, 4], median: 3, disagreement: true });
    expect(content.aggregate.split).toBe(true);
  });

  it('carries the role, rubric, candidate, loop and debrief as given', () => {
    expect(content.role).toEqual(role);
    expect(content.rubrics).toEqual([BUILTIN_RUBRIC]);
    expect(content.candidate).toEqual(candidate);
    expect(content.interviews).toEqual([zoe, chen, ana, ben]);
    expect(content.debrief).toEqual(input().debrief);
  });

  it('fits the packet content schema exactly', () => {
    const parsed = PacketContentSchema.safeParse(content);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(content);
  });

  it('fits the schema with no scorecards gathered yet', () => {
    const empty = assemblePacketContent(input({ revisions: [] }));
    expect(empty.scorecards).toEqual([]);
    expect(empty.aggregate.due).toEqual(['Zoe Adams', 'Chen Wei', 'Ana Lopez', 'Ben Okafor']);
    expect(PacketContentSchema.safeParse(empty).success).toBe(true);
  });
});

describe('what a packet must say of itself', () => {
  const good = packetOf();
  const changed = (change: (p: Packet) => void) => {
    const copy = structuredClone(good);
    change(copy);
    return checkPacket(copy);
  };

  it('accepts a packet assembled by the one assembler', () => {
    expect(checkPacket(good)).toBeNull();
  });

  it.each([
    ['a debrief of another candidate', (p: Packet) => (p.content.debrief.candidateId = 'cand-2'), /another candidate or role/],
    ['an interview of another candidate', (p: Packet) => ((p.content.interviews[0] as { candidateId: string }).candidateId = 'cand-2'), /another candidate or role/],
    ['a revision of another candidate', (p: Packet) => ((p.content.scorecards[0]?.revisions[0] as { candidateId: string }).candidateId = 'cand-2'), /another candidate or role/],
    ['a draft revision', (p: Packet) => ((p.content.scorecards[0]?.revisions[0] as { status: string }).status = 'draft'), /draft scorecard/],
    ['a revision listed under another interviewer', (p: Packet) => ((p.content.scorecards[0] as { interviewerName: string }).interviewerName = 'Someone Else'), /are not all Someone Else’s/],
    ['an aggregate that does not follow', (p: Packet) => (p.content.aggregate.submitted += 1), /aggregate in the packet does not follow/],
    ['a revision scored against another rubric version', (p: Packet) => ((p.content.scorecards[0]?.revisions[0] as { rubric: { version: number } }).rubric.version = 9), /rubric version the packet does not carry/],
  ])('refuses %s, in a sentence', (_what, change, message) => {
    expect(changed(change)).toMatch(message);
  });
});

describe('the packet file name', () => {
  it('is the candidate’s slug, the words decision packet and the date, for each kind of file', () => {
    expect(packetFileName('Priya Raman', '2026-11-02', 'json')).toBe('priya-raman-decision-packet-2026-11-02.loopcard.json');
    expect(packetFileName('Priya Raman', '2026-11-02', 'pdf')).toBe('priya-raman-decision-packet-2026-11-02.pdf');
    expect(packetFileName('Priya Raman', '2026-11-02', 'csv')).toBe('priya-raman-decision-packet-2026-11-02.csv');
  });

  it('spells accented and punctuated names in plain ASCII', () => {
    expect(packetFileName('Zofia Łukasiewicz-O’Brien', '2026-11-02', 'pdf')).toBe('zofia-lukasiewicz-o-brien-decision-packet-2026-11-02.pdf');
    expect(packetFileName('../../etc/passwd', '2026-11-02', 'csv')).toBe('etc-passwd-decision-packet-2026-11-02.csv');
  });
});
