import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { ML_SYSTEM_DESIGN_RUBRIC } from '../../src/domain/builtin-rubric-library';
import { INSIGHTS_NOTE, alphaReading, insightRoles, roleInsights, scoredContentGroups, signedLevels } from '../../src/domain/insights';
import { NOT_COVERED, type Rubric } from '../../src/domain/rubric';
import type { Scorecard } from '../../src/domain/scorecard';
import { all, cardFor, interviewOf, type Answer } from '../helpers/panel';

/** Version 2 changed only the prompt's wording; version 3 changed a level's anchor. */
const V1 = BUILTIN_RUBRIC;
const V2: Rubric = { ...V1, id: 'incident-v2', version: 2, basedOn: { id: V1.id, version: 1 }, prompt: `${V1.prompt} Take your time.` };
const V3: Rubric = {
  ...V1,
  id: 'incident-v3',
  version: 3,
  basedOn: { id: V2.id, version: 2 },
  dimensions: V1.dimensions.map((d, i) => (i === 0 ? { ...d, anchors: { ...d.anchors, 4: 'Names the exact signal and the detection gap in minutes.' } } : d)),
};
/** A duplicate: the same content as version 1, but a rubric of its own. */
const COPY: Rubric = { ...V1, id: 'incident-copy', lineage: 'incident-copy', version: 1, basedOn: { id: V1.id, version: 1 }, title: 'Incident review (team copy)', builtIn: false };
const RUBRICS = [V1, V2, V3, COPY, ML_SYSTEM_DESIGN_RUBRIC];

const ROLE = { id: 'role-1', title: 'Senior MLOps Engineer, Serving' };
const ref = (r: Rubric) => ({ id: r.id, version: r.version });

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('Expected a value.');
  return value;
}

let seq = 0;
/** A submitted scorecard of `name` on candidate `c`, on rubric `rubric`: `answers` in the rubric's order. */
function card(c: string, name: string, answers: readonly (Answer | null)[], rubric: Rubric = V1, overrides: Partial<Scorecard> = {}): Scorecard {
  seq += 1;
  const base = cardFor(interviewOf(`i-${seq}`, name), [], { id: `sc-${seq}`, candidateId: c, roleId: ROLE.id, rubric: ref(rubric), ...overrides });
  return { ...base, ratings: rubric.dimensions.map((d, i) => ({ dimensionKey: d.key, level: answers[i] === undefined ? 3 : answers[i], evidence: answers[i] === null ? '' : 'Said so.', probesCovered: [] })) };
}

/**
 * Four loops of three: Ana and Ben agree, Linh scores one level above them on the first three
 * dimensions. (With three interviewers, the others' median is the mean of two: a colleague one level
 * above on everything would put Ana and Ben half a level below, a lean of their own.)
 */
function lenientPanel(rubricOf: (loop: number) => Rubric = () => V1): Scorecard[] {
  return [1, 2, 3, 4].flatMap((loop) => {
    const level = (((loop - 1) % 3) + 1) as 1 | 2 | 3;
    return [card(`c${loop}`, 'Ana Lopez', all(level), rubricOf(loop)), card(`c${loop}`, 'Ben Okafor', all(level), rubricOf(loop)), card(`c${loop}`, 'Linh Nguyễn', [level + 1, level + 1, level + 1, level, level] as Answer[], rubricOf(loop))];
  });
}

describe('rubric versions that count as one', () => {
  const groupOf = scoredContentGroups(RUBRICS);

  it('maps a version to the first of its lineage with the same scored content', () => {
    expect(groupOf(ref(V1))).toBe('production-incident-review#1');
    expect(groupOf(ref(V2))).toBe('production-incident-review#1');
    expect(groupOf(ref(V3))).toBe('incident-v3#3');
  });

  it('never merges versions of different rubrics, even when identical', () => {
    expect(groupOf(ref(COPY))).toBe('incident-copy#1');
    expect(groupOf(ref(ML_SYSTEM_DESIGN_RUBRIC))).toBe('ml-system-design#1');
  });

  it('keeps a version that is not on the device as its own group, and a later version back to its first equal', () => {
    expect(groupOf({ id: 'gone', version: 7 })).toBe('gone#7');
    const v4: Rubric = { ...V3, id: 'incident-v4', version: 4, prompt: 'Reworded again.' };
    expect(scoredContentGroups([...RUBRICS, v4])({ id: 'incident-v4', version: 4 })).toBe('incident-v3#3');
  });
});

describe('the Insights model of a role', () => {
  it('gives alpha per dimension with titles in rubric order, and shows the lenient interviewer', () => {
    const model = roleInsights(ROLE, lenientPanel(), RUBRICS);
    expect(model).toMatchObject({ roleId: 'role-1', scorecards: 12 });
    expect(model.groups).toHaveLength(1);
    const group = defined(model.groups[0]);
    expect(group).toMatchObject({ title: 'Production incident review', versions: [1], candidates: 4, candidatesWithPanel: 4, singleInterviewerNote: null });
    expect(group.dimensions.map((d) => d.title)).toEqual(V1.dimensions.map((d) => d.title));
    expect(group.dimensions[0]).toMatchObject({ loops: 4, pairable: 12, note: null });
    expect(group.dimensions[0]?.alpha).toBeGreaterThan(0);
    expect(group.interviewers.map((i) => [i.interviewerName, i.lean, i.n])).toEqual([
      ['Ana Lopez', 'in line', 20],
      ['Ben Okafor', 'in line', 20],
      ['Linh Nguyễn', 'lenient', 20],
    ]);
  });

  it('pools two versions with the same scored content, and keeps a changed version apart', () => {
    const merged = roleInsights(ROLE, lenientPanel((loop) => (loop <= 2 ? V1 : V2)), RUBRICS);
    expect(merged.groups.map((g) => [g.title, g.versions, g.candidates])).toEqual([['Production incident review', [1, 2], 4]]);
    const apart = roleInsights(ROLE, lenientPanel((loop) => (loop <= 2 ? V1 : V3)), RUBRICS);
    expect(apart.groups.map((g) => [g.group, g.versions, g.candidates])).toEqual([
      ['production-incident-review#1', [1], 2],
      ['incident-v3#3', [3], 2],
    ]);
    // Two loops each: not enough data on either, never a figure.
    expect(apart.groups.flatMap((g) => g.dimensions.map((d) => d.alpha))).toEqual(Array(10).fill(null));
    expect(apart.groups[0]?.dimensions[0]?.note).toMatch(/^Not enough data: 2 loops and 6 pairable levels/);
  });

  it('counts only the latest submitted revision and only the chosen role', () => {
    const panel = lenientPanel();
    const first = defined(panel[8]); // Linh on c3, at revision 1: one level above on three dimensions.
    const amended = { ...first, revision: 2, ratings: first.ratings.map((r) => ({ ...r, level: 3 as const })) };
    const draft = { ...card('c9', 'Ana Lopez', all(1)), status: 'draft' as const };
    const other = card('c5', 'Ana Lopez', all(4), V1, { roleId: 'role-2' });
    const model = roleInsights(ROLE, [...panel, amended, draft, other], RUBRICS);
    expect(model.scorecards).toBe(12);
    expect(model.groups[0]?.interviewers.find((i) => i.interviewerName === 'Linh Nguyễn')?.meanDistance).toBeCloseTo(9 / 20, 5);
  });

  it('says "not enough data" on one loop, and on all-equal levels, never NaN', () => {
    const one = roleInsights(ROLE, lenientPanel().filter((c) => c.candidateId === 'c1'), RUBRICS);
    expect(one.groups[0]?.dimensions.every((d) => d.alpha === null && /^Not enough data: 1 loop/.test(d.note ?? ''))).toBe(true);
    expect(one.groups[0]?.interviewers.every((i) => i.lean === 'not enough data')).toBe(true);

    const same = [1, 2, 3, 4].flatMap((loop) => ['Ana Lopez', 'Ben Okafor', 'Linh Nguyễn'].map((n) => card(`c${loop}`, n, all(3))));
    const flat = defined(roleInsights(ROLE, same, RUBRICS).groups[0]);
    expect(flat.dimensions.every((d) => d.alpha === null && /same/.test(d.note ?? ''))).toBe(true);
    expect(flat.interviewers.every((i) => i.lean === 'in line' && i.meanDistance === 0)).toBe(true);
    expect(JSON.stringify(flat)).not.toMatch(/NaN|Infinity/);
  });

  it('lists an interviewer who rated nothing with no lean, and leaves their card out of alpha', () => {
    const silent = [1, 2, 3, 4].map((loop) => card(`c${loop}`, 'Zofia Łukasiewicz', all(NOT_COVERED)));
    const unanswered = [card('c1', 'Jonas Weiß', [null, null, null, null, null])];
    const base = defined(roleInsights(ROLE, lenientPanel(), RUBRICS).groups[0]);
    const model = defined(roleInsights(ROLE, [...lenientPanel(), ...silent, ...unanswered], RUBRICS).groups[0]);
    expect(model.dimensions.map((d) => [d.alpha, d.loops, d.pairable])).toEqual(base.dimensions.map((d) => [d.alpha, d.loops, d.pairable]));
    expect(model.interviewers.find((i) => i.interviewerName === 'Zofia Łukasiewicz')).toMatchObject({ n: 0, meanDistance: null, lean: 'not enough data' });
    expect(model.interviewers.find((i) => i.interviewerName === 'Jonas Weiß')).toMatchObject({ n: 0, lean: 'not enough data' });
  });

  it('says so where each candidate had one interviewer on a rubric, and never pairs levels across rubrics', () => {
    const split = [1, 2, 3, 4].flatMap((loop) => [card(`c${loop}`, 'Ana Lopez', all(2)), card(`c${loop}`, 'Ben Okafor', all(4), ML_SYSTEM_DESIGN_RUBRIC)]);
    const model = roleInsights(ROLE, split, RUBRICS);
    expect(model.groups.map((g) => [g.title, g.candidatesWithPanel])).toEqual([
      ['ML system design', 0],
      ['Production incident review', 0],
    ]);
    expect(model.groups[0]?.singleInterviewerNote).toMatch(/one interviewer on this rubric/);
    expect(model.groups[0]?.dimensions.map((d) => d.title)).toEqual(ML_SYSTEM_DESIGN_RUBRIC.dimensions.map((d) => d.title));
  });

  it('names a rubric the device does not have, and is empty for a role with no submitted scorecards', () => {
    const gone = [1, 2].map((loop) => card(`c${loop}`, 'Ana Lopez', all(3), { ...V1, id: 'gone', version: 4 }));
    expect(roleInsights(ROLE, gone, RUBRICS).groups[0]?.title).toBe('Rubric gone (not on this device)');
    expect(roleInsights(ROLE, [], RUBRICS)).toEqual({ roleId: 'role-1', roleTitle: ROLE.title, scorecards: 0, groups: [] });
  });
});

describe('choosing a role', () => {
  it('lists roles with submitted scorecards, the most first', () => {
    const panel = lenientPanel();
    const few = [card('c7', 'Ana Lopez', all(3), V1, { roleId: 'role-2' })];
    const roles = [{ id: 'role-2', title: 'Pipeline owner' }, ROLE, { id: 'role-3', title: 'Nobody scored yet' }];
    expect(insightRoles(roles, [...few, ...panel])).toEqual([
      { roleId: 'role-1', title: ROLE.title, scorecards: 12 },
      { roleId: 'role-2', title: 'Pipeline owner', scorecards: 1 },
    ]);
  });

  it('says what the numbers can and cannot say', () => {
    const note = INSIGHTS_NOTE.join(' ');
    expect(note).toMatch(/beyond what chance/);
    expect(note).toMatch(/0\.67/);
    expect(note).toMatch(/nothing about who is right/);
  });
});

describe('how the figures read', () => {
  it('signs a distance with a true minus, and never shows "-0.00"', () => {
    expect([0.6, -0.3, -0.001, 0].map(signedLevels)).toEqual(['+0.60', '\u22120.30', '0.00', '0.00']);
  });

  it('reads alpha against 0.667 and 0.80', () => {
    expect([0.85, 0.8, 0.7, 0.667, 0.66, -0.2].map(alphaReading)).toEqual(['reliable', 'reliable', 'tentative', 'tentative', 'not reliable enough to compare candidates', 'not reliable enough to compare candidates']);
  });
});
