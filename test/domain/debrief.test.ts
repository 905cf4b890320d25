import { describe, expect, it } from 'vitest';
import { checkConsensus, checkDecision, departsFromMedian, type Consensus } from '../../src/domain/debrief';
import { NOT_COVERED } from '../../src/domain/rubric';

describe('whether a consensus level departs from the panel median', () => {
  it('departs from a whole median at any other level', () => {
    expect(departsFromMedian(3, 3)).toBe(false);
    expect(departsFromMedian(2, 3)).toBe(true);
    expect(departsFromMedian(4, 3)).toBe(true);
    expect(departsFromMedian(1, 3)).toBe(true);
    expect(departsFromMedian(1, 1)).toBe(false);
    expect(departsFromMedian(4, 4)).toBe(false);
  });

  it('does not depart from a half median at either neighbouring level, and departs beyond them', () => {
    expect(departsFromMedian(2, 2.5)).toBe(false);
    expect(departsFromMedian(3, 2.5)).toBe(false);
    expect(departsFromMedian(1, 2.5)).toBe(true);
    expect(departsFromMedian(4, 2.5)).toBe(true);
    expect(departsFromMedian(3, 3.5)).toBe(false);
    expect(departsFromMedian(4, 3.5)).toBe(false);
    expect(departsFromMedian(2, 3.5)).toBe(true);
  });

  it('departs when the panel rated the dimension but the consensus says not covered', () => {
    expect(departsFromMedian(NOT_COVERED, 3)).toBe(true);
    expect(departsFromMedian(NOT_COVERED, 2.5)).toBe(true);
  });

  it('departs when nobody rated the dimension but the consensus gives it a level', () => {
    expect(departsFromMedian(NOT_COVERED, null)).toBe(false);
    expect(departsFromMedian(1, null)).toBe(true);
    expect(departsFromMedian(4, null)).toBe(true);
  });

  it('does not depart while no level has been chosen', () => {
    expect(departsFromMedian(null, 3)).toBe(false);
    expect(departsFromMedian(null, null)).toBe(false);
  });
});

describe('checking the consensus', () => {
  const dimensions = [
    { key: 'trigger', title: 'Trigger', median: 3 },
    { key: 'diagnosis', title: 'Diagnosis', median: 2.5 },
    { key: 'prevention', title: 'Prevention', median: null },
  ];
  const entry = (dimensionKey: string, level: Consensus['level'], rationale = ''): Consensus => ({ dimensionKey, level, rationale });

  it('asks for a level on every dimension that has none, in dimension order', () => {
    expect(checkConsensus([entry('diagnosis', null)], dimensions)).toEqual([
      { field: 'consensus-trigger', message: 'Trigger: record the panel’s consensus level.' },
      { field: 'consensus-diagnosis', message: 'Diagnosis: record the panel’s consensus level.' },
      { field: 'consensus-prevention', message: 'Prevention: record the panel’s consensus level.' },
    ]);
  });

  it('asks why when the consensus departs from the median without a rationale', () => {
    const issues = checkConsensus([entry('trigger', 1), entry('diagnosis', 3), entry('prevention', NOT_COVERED)], dimensions);
    expect(issues).toEqual([{ field: 'consensus-trigger-rationale', message: 'Trigger: the consensus departs from the panel median, so say why.' }]);
  });

  it('treats a rationale of only spaces and newlines as none', () => {
    const issues = checkConsensus([entry('trigger', 3), entry('diagnosis', 4, '  \n\t '), entry('prevention', NOT_COVERED)], dimensions);
    expect(issues.map((i) => i.field)).toEqual(['consensus-diagnosis-rationale']);
  });

  it('accepts a departing level that comes with a rationale', () => {
    const consensus = [
      entry('trigger', 1, 'Ben’s 4 rested on a story the candidate later said was a colleague’s.'),
      entry('diagnosis', NOT_COVERED, 'Nobody actually probed the diagnosis.'),
      entry('prevention', 2, 'The postmortem came up in the debrief from the recruiter screen.'),
    ];
    expect(checkConsensus(consensus, dimensions)).toEqual([]);
  });

  it('accepts levels that match the median with no rationale at all', () => {
    expect(checkConsensus([entry('trigger', 3), entry('diagnosis', 2), entry('prevention', NOT_COVERED)], dimensions)).toEqual([]);
  });

  it('ignores consensus entries for dimensions that are not in the list', () => {
    expect(checkConsensus([entry('trigger', 3), entry('diagnosis', 3), entry('prevention', NOT_COVERED), entry('charisma', 1)], dimensions)).toEqual([]);
  });
});

describe('checking the decision', () => {
  const complete = { decision: 'hire' as const, decisionRationale: 'Strongest operator of the slate; the rollback gap is coachable.', decidedBy: 'Dana Whitfield', nextStep: 'Offer at the top of the band by Friday.' };

  it('finds nothing missing in a complete decision', () => {
    expect(checkDecision(complete)).toEqual([]);
  });

  it('asks for the decision', () => {
    expect(checkDecision({ ...complete, decision: null })).toEqual([{ field: 'decision', message: 'Choose the decision.' }]);
  });

  it('asks who decided, and does not take whitespace for a name', () => {
    expect(checkDecision({ ...complete, decidedBy: '' })).toEqual([{ field: 'decidedBy', message: 'Name the decision-maker.' }]);
    expect(checkDecision({ ...complete, decidedBy: '   ' })).toEqual([{ field: 'decidedBy', message: 'Name the decision-maker.' }]);
  });

  it('asks what happens next, and does not take whitespace for a step', () => {
    expect(checkDecision({ ...complete, nextStep: '\n ' })).toEqual([{ field: 'nextStep', message: 'Say what happens next.' }]);
  });

  it('lists everything missing at once, in field order', () => {
    expect(checkDecision({ decision: null, decisionRationale: '', decidedBy: '', nextStep: '' }).map((i) => i.field)).toEqual(['decision', 'decisionRationale', 'decidedBy', 'nextStep']);
  });

  it('accepts every kind of decision, including more signal', () => {
    for (const decision of ['hire', 'no-hire', 'more-signal'] as const) expect(checkDecision({ ...complete, decision })).toEqual([]);
  });
});
