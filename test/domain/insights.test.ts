import { describe, expect, it } from 'vitest';
import { dimensionAgreement, interviewerLean, type ScoredCard } from '../../src/domain/insights';
import { NOT_COVERED } from '../../src/domain/rubric';

const INCIDENT = { id: 'production-incident-review', version: 1 };
const DESIGN = { id: 'ml-system-design', version: 1 };
const byId = (ref: { id: string }) => ref.id;

function card(candidateId: string, interviewerName: string, levels: Record<string, number | typeof NOT_COVERED | null>, rubric = INCIDENT): ScoredCard {
  return {
    candidateId,
    interviewerName,
    rubric,
    ratings: Object.entries(levels).map(([dimensionKey, level]) => ({ dimensionKey, level: level as 1, evidence: 'e', probesCovered: [] })),
  };
}

/** Four loops of four interviewers: Ana, Ben and Carl agree; Linh scores one level above them. */
const PANEL: ScoredCard[] = ['c1', 'c2', 'c3', 'c4'].flatMap((c, i) => {
  const base = (i % 3) + 1;
  return [
    card(c, 'Ana Lopez', { trigger: base, rollback: base }),
    card(c, 'Ben Okafor', { trigger: base, rollback: base }),
    card(c, 'Carl Jensen', { trigger: base, rollback: base }),
    card(c, 'Linh Nguyễn', { trigger: base + 1, rollback: base + 1 }),
  ];
});

describe('agreement per rubric and dimension', () => {
  it('gives ordinal alpha with its basis when there are enough loops and levels', () => {
    const rows = dimensionAgreement(PANEL, byId);
    const trigger = rows.find((r) => r.dimensionKey === 'trigger');
    expect(trigger).toMatchObject({ group: 'production-incident-review', loops: 4, pairable: 16, note: null });
    expect(trigger?.alpha).toBeGreaterThan(0);
    expect(trigger?.alpha).toBeLessThan(1);
  });

  it('says "not enough data" on one loop, and never gives NaN on all-equal levels', () => {
    const one = dimensionAgreement(PANEL.filter((c) => c.candidateId === 'c1'), byId);
    expect(one[0]?.alpha).toBeNull();
    expect(one[0]?.note).toMatch(/^Not enough data: 1 loop and 4 pairable levels/);
    const same = ['c1', 'c2', 'c3', 'c4'].flatMap((c) => ['Ana Lopez', 'Ben Okafor', 'Linh Nguyễn'].map((n) => card(c, n, { trigger: 3 })));
    expect(dimensionAgreement(same, byId)[0]).toMatchObject({ alpha: null, note: expect.stringMatching(/same/) });
  });

  it('says so where each rubric of a loop had one interviewer, and never pairs levels across rubrics', () => {
    const split = ['c1', 'c2', 'c3', 'c4'].flatMap((c) => [card(c, 'Ana Lopez', { rollback: 2 }), card(c, 'Ben Okafor', { rollback: 4 }, DESIGN)]);
    const rows = dimensionAgreement(split, byId);
    expect(rows.map((r) => [r.group, r.loops, r.alpha])).toEqual([
      ['ml-system-design', 0, null],
      ['production-incident-review', 0, null],
    ]);
    expect(rows[0]?.note).toMatch(/one interviewer/);
  });

  it('leaves out "not covered" and an interviewer who rated nothing', () => {
    const withSilent = [...PANEL, ...['c1', 'c2', 'c3', 'c4'].map((c) => card(c, 'Zofia Łukasiewicz', { trigger: NOT_COVERED, rollback: null }))];
    expect(dimensionAgreement(withSilent, byId)).toEqual(dimensionAgreement(PANEL, byId));
  });
});

describe('interviewer calibration', () => {
  it('names the lenient interviewer and the others in line, with n', () => {
    const more = [...PANEL, ...PANEL.map((c) => ({ ...c, candidateId: `${c.candidateId}-b` }))];
    const lean = interviewerLean(more, byId);
    expect(lean.map((l) => [l.interviewerName, l.lean, l.n])).toEqual([
      ['Ana Lopez', 'in line', 16],
      ['Ben Okafor', 'in line', 16],
      ['Carl Jensen', 'in line', 16],
      ['Linh Nguyễn', 'lenient', 16],
    ]);
    expect(lean[3]?.meanDistance).toBe(1);
    expect(lean[3]?.sentence).toBe('Scores +1.00 levels above colleagues on the same answers, on average over 16 levels: more lenient.');
  });

  it('says "not enough data" below the minimum, and for someone with no colleague on the same answers', () => {
    const lean = interviewerLean(PANEL.filter((c) => c.candidateId === 'c1'), byId);
    expect(lean.every((l) => l.lean === 'not enough data')).toBe(true);
    const alone = interviewerLean([card('c1', 'Ana Lopez', { trigger: 3 })], byId);
    expect(alone[0]).toMatchObject({ n: 0, meanDistance: null, lean: 'not enough data' });
  });
});
