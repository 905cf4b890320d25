import { describe, expect, it } from 'vitest';
import packetV4 from '../fixtures/packet-v4.loopcard.json?raw';
import { MissingRubricError, aggregatePanel, groupByRubric, rubricVersionLabels } from '../../src/domain/aggregate';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { ML_SYSTEM_DESIGN_RUBRIC, ROLLBACK_SCENARIO_RUBRIC } from '../../src/domain/builtin-rubric-library';
import { ConsensusSchema, checkPanelConsensus, consensusScopes, type Consensus } from '../../src/domain/debrief';
import { readLoopcardFile } from '../../src/domain/file-reading';
import type { Interview } from '../../src/domain/interview';
import { PACKET_FORMAT, PACKET_MIGRATIONS, PACKET_VERSION, PacketContentSchema, assemblePacketContent, checkPacket, packetRecords, type Packet } from '../../src/domain/packet';
import { panelMatrixCsv } from '../../src/domain/csv';
import { reviseRecord } from '../../src/domain/revision';
import { NOT_COVERED, type Rubric, type RatingLevel } from '../../src/domain/rubric';
import type { Scorecard } from '../../src/domain/scorecard';
import { createDraftScorecard } from '../../src/domain/scorecard-rules';
import { NOW, candidate, debriefOf, role } from '../helpers/panel';

/** The incident review edited as a team's version 2: the same dimension keys, so `rollback` is shared with version 1. */
const INCIDENT_V2: Rubric = {
  ...BUILTIN_RUBRIC,
  id: 'team-incident-review-2',
  version: 2,
  lineage: BUILTIN_RUBRIC.id,
  basedOn: { id: BUILTIN_RUBRIC.id, version: 1 },
  author: 'Zofia Łukasiewicz',
  builtIn: false,
  title: BUILTIN_RUBRIC.title,
};

function interviewOn(id: string, interviewerName: string, rubric: Rubric): Interview {
  return reviseRecord({ id, candidateId: 'cand-1', roleId: 'role-1', rubric: { id: rubric.id, version: rubric.version }, interviewerName, plannedAt: '', createdAt: NOW });
}

/** A submitted scorecard on `rubric`, levels in that rubric's dimension order (missing ones are 3). */
function cardOn(interview: Interview, rubric: Rubric, levels: readonly (RatingLevel | typeof NOT_COVERED)[], overrides: Partial<Scorecard> = {}): Scorecard {
  const draft = createDraftScorecard(interview, rubric, `sc-${interview.id}`, NOW);
  return {
    ...draft,
    ratings: draft.ratings.map((r, i) => ({ ...r, level: levels[i] ?? 3, evidence: `${interview.interviewerName} on ${r.dimensionKey}.` })),
    recommendation: 'yes',
    status: 'submitted',
    submittedAt: NOW,
    contentHash: 'a'.repeat(64),
    ...overrides,
  };
}

// Loop order: Linh (rollback scenario), Ana (system design), Ben (system design), Zofia (incident review).
const linh = interviewOn('iv-linh', 'Linh Nguyễn', ROLLBACK_SCENARIO_RUBRIC);
const ana = interviewOn('iv-ana', 'Ana Lopez', ML_SYSTEM_DESIGN_RUBRIC);
const ben = interviewOn('iv-ben', 'Ben Okafor', ML_SYSTEM_DESIGN_RUBRIC);
const zofia = interviewOn('iv-zofia', 'Zofia Łukasiewicz', BUILTIN_RUBRIC);
const loop = [linh, ana, ben, zofia];
const RUBRICS = [BUILTIN_RUBRIC, ML_SYSTEM_DESIGN_RUBRIC, ROLLBACK_SCENARIO_RUBRIC];
const cards = [
  cardOn(ana, ML_SYSTEM_DESIGN_RUBRIC, [1, 3, 3, 3, 2], { recommendation: 'no', redFlags: [{ key: 'no-numbers', note: 'No p99 anywhere.' }] }),
  cardOn(ben, ML_SYSTEM_DESIGN_RUBRIC, [4, 3, 3, 3, 2], { recommendation: 'yes' }),
  cardOn(linh, ROLLBACK_SCENARIO_RUBRIC, [4, 4, 4, 4, 4], { recommendation: 'strong-yes' }),
  cardOn(zofia, BUILTIN_RUBRIC, [2, 2, 2, 1, 2], { recommendation: 'yes', redFlags: [{ key: 'no-rollback', note: '' }] }),
];

describe('a panel scored on three rubrics', () => {
  const aggregate = aggregatePanel(RUBRICS, cards, loop);

  it('is grouped by rubric version in loop order of first use, each group with its own interviewers', () => {
    const groups = groupByRubric(RUBRICS, cards, loop);
    expect(groups.map((g) => [g.rubric.id, g.scorecards.map((s) => s.interviewerName)])).toEqual([
      ['rollback-scenario', ['Linh Nguyễn']],
      ['ml-system-design', ['Ana Lopez', 'Ben Okafor']],
      ['production-incident-review', ['Zofia Łukasiewicz']],
    ]);
    expect(aggregate.byRubric.map((g) => [g.rubric, g.title])).toEqual([
      [{ id: 'rollback-scenario', version: 1 }, 'Rollback scenario'],
      [{ id: 'ml-system-design', version: 1 }, 'ML system design'],
      [{ id: 'production-incident-review', version: 1 }, 'Production incident review'],
    ]);
  });

  it('aggregates each rubric’s dimensions from its own scorecards only', () => {
    const design = aggregate.byRubric[1];
    expect(design?.dimensions.map((d) => [d.dimensionKey, d.levels, d.median, d.disagreement])).toEqual([
      ['requirements', [1, 4], 2.5, true],
      ['architecture', [3, 3], 3, false],
      ['capacity', [3, 3], 3, false],
      ['failure-modes', [3, 3], 3, false],
      ['rollout', [2, 2], 2, false],
    ]);
    expect(aggregate.byRubric[0]?.dimensions.every((d) => d.levels.length === 1 && d.median === 4)).toBe(true);
    expect(aggregate.byRubric[2]?.dimensions.map((d) => d.median)).toEqual([2, 2, 2, 1, 2]);
  });

  it('keeps red flags with the rubric that defines them', () => {
    expect(aggregate.byRubric.map((g) => g.redFlags.map((f) => [f.key, f.raisedBy.map((r) => r.interviewerName)]))).toEqual([
      [],
      [['no-numbers', ['Ana Lopez']]],
      [['no-rollback', ['Zofia Łukasiewicz']]],
    ]);
  });

  it('counts the submitted scorecards, the due interviews, the recommendations and the split for the whole panel', () => {
    expect(aggregate).toMatchObject({ submitted: 4, due: [], recommendations: { 'strong-no': 0, no: 1, yes: 2, 'strong-yes': 1 }, split: true });
    const partial = aggregatePanel(RUBRICS, cards.slice(0, 2), loop);
    expect(partial.due).toEqual(['Linh Nguyễn', 'Zofia Łukasiewicz']);
    expect(partial.byRubric.map((g) => g.rubric.id)).toEqual(['ml-system-design']);
  });

  it('with no scorecard, is one empty aggregate on the first rubric given (the role’s)', () => {
    const empty = aggregatePanel([ML_SYSTEM_DESIGN_RUBRIC], [], loop);
    expect(empty.byRubric).toHaveLength(1);
    expect(empty.byRubric[0]?.dimensions.every((d) => d.levels.length === 0 && d.median === null)).toBe(true);
  });

  it('refuses to guess when a scorecard’s rubric version is not given', () => {
    expect(() => aggregatePanel([BUILTIN_RUBRIC, ML_SYSTEM_DESIGN_RUBRIC], cards, loop)).toThrow(MissingRubricError);
  });
});

describe('a dimension key two rubric versions share', () => {
  const v1 = interviewOn('iv-v1', 'Ana Lopez', BUILTIN_RUBRIC);
  const v2 = interviewOn('iv-v2', 'Ben Okafor', INCIDENT_V2);
  const panel = [cardOn(v1, BUILTIN_RUBRIC, [3, 3, 3, 1, 3]), cardOn(v2, INCIDENT_V2, [3, 3, 3, 4, 3])];
  const aggregate = aggregatePanel([BUILTIN_RUBRIC, INCIDENT_V2], panel, [v1, v2]);

  it('stays two rows, one per version, never averaged into one', () => {
    const rollbacks = aggregate.byRubric.map((g) => g.dimensions.find((d) => d.dimensionKey === 'rollback'));
    expect(rollbacks.map((d) => [d?.levels, d?.median, d?.range, d?.disagreement])).toEqual([
      [[1], 1, 0, false],
      [[4], 4, 0, false],
    ]);
    // Averaged, the panel would read a 2.5 with a disagreement of 3 levels: that row must not exist.
    expect(aggregate.byRubric.flatMap((g) => g.dimensions).some((d) => d.levels.length > 1)).toBe(false);
  });

  it('names the two versions apart: same title, version 1 and version 2', () => {
    expect(rubricVersionLabels([BUILTIN_RUBRIC, INCIDENT_V2])).toEqual(['Production incident review · version 1', 'Production incident review · version 2']);
  });

  it('tells two sibling versions with the same number apart by author, then by id', () => {
    const sibling = { ...INCIDENT_V2, id: 'other-device-2', author: 'Ben Okafor' };
    expect(rubricVersionLabels([INCIDENT_V2, sibling])).toEqual(['Production incident review · version 2 by Zofia Łukasiewicz', 'Production incident review · version 2 by Ben Okafor']);
    const sameAuthor = { ...INCIDENT_V2, id: 'other-device-3' };
    expect(rubricVersionLabels([INCIDENT_V2, sameAuthor])).toEqual([
      'Production incident review · version 2 by Zofia Łukasiewicz (team-incident-review-2)',
      'Production incident review · version 2 by Zofia Łukasiewicz (other-device-3)',
    ]);
  });
});

describe('the consensus of a panel on several rubrics', () => {
  const v1 = interviewOn('iv-v1', 'Ana Lopez', BUILTIN_RUBRIC);
  const v2 = interviewOn('iv-v2', 'Ben Okafor', INCIDENT_V2);
  const rubrics = [BUILTIN_RUBRIC, INCIDENT_V2];
  const aggregate = aggregatePanel(rubrics, [cardOn(v1, BUILTIN_RUBRIC, [3, 3, 3, 1, 3]), cardOn(v2, INCIDENT_V2, [3, 3, 3, 4, 3])], [v1, v2]);
  const ref1 = { id: BUILTIN_RUBRIC.id, version: 1 };
  const ref2 = { id: INCIDENT_V2.id, version: 2 };
  const entries = (ref: { id: string; version: number }, rollback: 1 | 3 | 4, rationale = ''): Consensus[] =>
    BUILTIN_RUBRIC.dimensions.map((d) => ({ dimensionKey: d.key, level: d.key === 'rollback' ? rollback : 3, rationale: d.key === 'rollback' ? rationale : '', rubric: ref }));

  it('asks for a level per dimension of each rubric, named with its rubric version', () => {
    const issues = checkPanelConsensus(entries(ref1, 1), aggregate, rubrics);
    expect(issues).toHaveLength(5);
    expect(issues[3]).toEqual({ field: 'consensus-r2-rollback', message: 'Production incident review · version 2, Rollback: record the panel’s consensus level.' });
  });

  it('checks each rubric’s consensus against that rubric’s own median', () => {
    // Level 1 is version 1's median, and departs from version 2's 4: only version 2 needs a reason.
    const issues = checkPanelConsensus([...entries(ref1, 1), ...entries(ref2, 1)], aggregate, rubrics);
    expect(issues).toEqual([{ field: 'consensus-r2-rollback-rationale', message: 'Production incident review · version 2, Rollback: the consensus departs from the panel median, so say why.' }]);
    expect(checkPanelConsensus([...entries(ref1, 1), ...entries(ref2, 1, 'The second incident was the team’s, not theirs.')], aggregate, rubrics)).toEqual([]);
  });

  it('does not let an entry without a rubric (recorded before) stand for either of several rubrics', () => {
    const legacy = entries(ref1, 1).map(({ rubric: _rubric, ...rest }) => rest);
    expect(checkPanelConsensus(legacy, aggregate, rubrics)).toHaveLength(10);
  });

  it('lets an entry without a rubric stand for the panel’s only rubric, with the plain field names and messages', () => {
    const only = aggregatePanel([BUILTIN_RUBRIC], [cardOn(v1, BUILTIN_RUBRIC, [3, 3, 3, 1, 3])], [v1]);
    const legacy = entries(ref1, 1).map(({ rubric: _rubric, ...rest }) => rest);
    expect(checkPanelConsensus(legacy, only, [BUILTIN_RUBRIC])).toEqual([]);
    expect(consensusScopes(only, [BUILTIN_RUBRIC])[0]).toMatchObject({ fieldPrefix: 'consensus', label: null, onlyRubric: true });
    expect(checkPanelConsensus([], only, [BUILTIN_RUBRIC])[0]).toEqual({ field: 'consensus-trigger', message: 'Trigger: record the panel’s consensus level.' });
  });

  it('takes an entry that names a rubric version as it is, without one as before, and refuses a malformed reference', () => {
    expect(ConsensusSchema.safeParse({ dimensionKey: 'rollback', level: 3, rationale: '' }).success).toBe(true);
    expect(ConsensusSchema.safeParse({ dimensionKey: 'rollback', level: 3, rationale: '', rubric: ref2 }).success).toBe(true);
    expect(ConsensusSchema.safeParse({ dimensionKey: 'rollback', level: 3, rationale: '', rubric: { id: 'x', version: 0 } }).success).toBe(false);
    expect(ConsensusSchema.safeParse({ dimensionKey: 'rollback', level: 3, rationale: '', rubric: { id: 'x', version: 1, title: 'x' } }).success).toBe(false);
  });
});

describe('a packet of a panel on three rubrics', () => {
  const revisions = cards;
  const content = assemblePacketContent({ role, rubrics: RUBRICS, candidate, interviews: loop, revisions, debrief: debriefOf({ decision: 'hire', decidedBy: 'Dana Whitfield', nextStep: 'Offer.' }), today: new Date('2026-11-02T12:00:00.000Z') });
  const packet: Packet = { format: PACKET_FORMAT, version: PACKET_VERSION, exportedAt: '2026-11-02T12:00:00.000Z', app: { name: 'Loopcard', version: '0.1.0' }, sha256: 'b'.repeat(64), content };
  const changed = (change: (p: Packet) => void) => {
    const copy = structuredClone(packet);
    change(copy);
    return checkPacket(copy);
  };

  it('carries every rubric version the panel was scored on, in loop order of first use, and fits the schema', () => {
    expect(PACKET_VERSION).toBe(7);
    expect(content.rubrics.map((r) => r.id)).toEqual(['rollback-scenario', 'ml-system-design', 'production-incident-review']);
    expect(PacketContentSchema.safeParse(content).success).toBe(true);
    expect(checkPacket(packet)).toBeNull();
    expect(packetRecords(packet).rubrics.map((r) => r.id)).toEqual(['rollback-scenario', 'ml-system-design', 'production-incident-review']);
  });

  it('carries the role’s rubric when no scorecard is in yet', () => {
    const empty = assemblePacketContent({ role, rubrics: RUBRICS, candidate, interviews: loop, revisions: [], debrief: debriefOf(), today: new Date('2026-11-02T12:00:00.000Z') });
    expect(empty.rubrics.map((r) => r.id)).toEqual([role.rubric.id]);
  });

  it.each([
    ['a revision whose rubric version the packet does not carry', (p: Packet) => p.content.rubrics.splice(1, 1), /Ana Lopez’s scorecard was scored on a rubric version the packet does not carry/],
    ['the same rubric version twice', (p: Packet) => p.content.rubrics.push(structuredClone(ML_SYSTEM_DESIGN_RUBRIC)), /same rubric version twice/],
    ['two rubrics’ aggregates merged into one', (p: Packet) => p.content.aggregate.byRubric.splice(2, 1), /aggregate in the packet does not follow/],
    ['a revision moved to another rubric version', (p: Packet) => ((p.content.scorecards[0]?.revisions[0] as { rubric: { id: string } }).rubric.id = 'ml-system-design'), /aggregate in the packet does not follow/],
  ])('refuses %s, in a sentence', (_what, change, message) => {
    expect(changed(change)).toMatch(message);
  });

  it('makes one CSV block per rubric version, each saying which one, and no column mixes two', () => {
    const lines = panelMatrixCsv(content).split('\r\n');
    // One cell each, quoted for its comma.
    expect(lines.filter((l) => l.startsWith('"Scored on'))).toEqual(['"Scored on Rollback scenario, version 1"', '"Scored on ML system design, version 1"', '"Scored on Production incident review, version 1"']);
    expect(lines.filter((l) => l === '')).toHaveLength(3);
    expect(lines[1]).toBe('Interviewer,Detection,Decision to roll back,Rollback mechanics,Verification,Follow-up,Recommendation');
    expect(lines[2]).toBe('Linh Nguyễn,4,4,4,4,4,Strong yes');
    expect(lines).toContain('Ana Lopez,1,3,3,3,2,No');
    expect(lines).toContain('Zofia Łukasiewicz,2,2,2,1,2,Yes');
  });
});

describe('packet format version 4 to 5', () => {
  const migrate = PACKET_MIGRATIONS[4];
  const raw = JSON.parse(packetV4) as { content: { rubric: Rubric; aggregate: Record<string, unknown> } };

  it('turns the one rubric into the list of one, and the aggregate into that rubric’s entry, without touching its input', () => {
    if (!migrate) throw new Error('no step from version 4');
    const before = structuredClone(raw.content);
    const after = migrate(raw.content) as { rubrics: Rubric[]; aggregate: { byRubric: unknown[] } & Record<string, unknown> };
    expect(raw.content).toEqual(before);
    expect('rubric' in after).toBe(false);
    expect(after.rubrics).toEqual([raw.content.rubric]);
    const { dimensions, redFlags, ...panelWide } = raw.content.aggregate;
    expect(after.aggregate).toEqual({ ...panelWide, byRubric: [{ rubric: { id: raw.content.rubric.id, version: raw.content.rubric.version }, title: raw.content.rubric.title, dimensions, redFlags }] });
  });

  it('leaves a body it does not recognise as it is, for the schema to refuse', () => {
    if (!migrate) throw new Error('no step from version 4');
    expect(migrate(null)).toBeNull();
    expect(migrate([1])).toEqual([1]);
    expect(migrate({ rubrics: [] })).toEqual({ rubrics: [] });
  });

  it('reads the frozen version 4 packet as the current version, its aggregate still following from its scorecards', () => {
    const read = readLoopcardFile(packetV4);
    if (!read.ok || read.value.kind !== 'packet') throw new Error('The frozen version 4 packet was refused.');
    expect(read.value.file.version).toBe(PACKET_VERSION);
    expect(read.value.file.content.rubrics.map((r) => [r.id, r.version])).toEqual([['production-incident-review', 1]]);
    expect(read.value.file.content.aggregate.byRubric[0]?.dimensions).toEqual(raw.content.aggregate.dimensions);
  });
});
