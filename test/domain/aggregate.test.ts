import { describe, expect, it } from 'vitest';
import { DISAGREEMENT_RANGE, PanelAggregateSchema, aggregatePanel, formatMedian, latestSubmitted, median, panelRubricRefs } from '../../src/domain/aggregate';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { NOT_COVERED } from '../../src/domain/rubric';
import { all, cardFor, interviewOf } from '../helpers/panel';

const NC = NOT_COVERED;
const ana = interviewOf('iv-ana', 'Ana Lopez');
const ben = interviewOf('iv-ben', 'Ben Okafor');
const chen = interviewOf('iv-chen', 'Chen Wei');
const loop = [ana, ben, chen];

/** The aggregate of one dimension, by key. */
function dimension(aggregate: ReturnType<typeof aggregatePanel>, key: string) {
  const found = aggregate.byRubric[0]?.dimensions.find((d) => d.dimensionKey === key);
  if (!found) throw new Error(`no aggregate for ${key}`);
  return found;
}

describe('the median of the levels given', () => {
  it('is the middle level of an odd count, whatever order the levels come in', () => {
    expect(median([4, 1, 3])).toBe(3);
    expect(median([2])).toBe(2);
    expect(median([4, 4, 1, 1, 2])).toBe(2);
  });

  it('is the mean of the two middle levels of an even count', () => {
    expect(median([3, 2])).toBe(2.5);
    expect(median([1, 4, 4, 1])).toBe(2.5);
    expect(median([1, 2, 4, 4])).toBe(3);
  });

  it('is null when nobody gave a level', () => {
    expect(median([])).toBeNull();
  });

  it('does not reorder the levels it was given', () => {
    const levels = [4, 1, 3];
    median(levels);
    expect(levels).toEqual([4, 1, 3]);
  });

  it('reads as a whole level, a half level with one decimal, or a dash when there is none', () => {
    expect(formatMedian(3)).toBe('3');
    expect(formatMedian(2.5)).toBe('2.5');
    expect(formatMedian(null)).toBe('—');
  });
});

describe('the panel aggregate of three interviewers', () => {
  // trigger 1/3/4, diagnosis 3/3/3, mitigation 2/3/–, rollback –/4/2, prevention –/–/–
  const cards = [
    cardFor(ana, [1, 3, 2, NC, NC]),
    cardFor(ben, [3, 3, 3, 4, NC]),
    cardFor(chen, [4, 3, NC, 2, NC]),
  ];
  const aggregate = aggregatePanel([BUILTIN_RUBRIC], cards, loop);

  it('has one entry per rubric dimension, in rubric order, with its title', () => {
    expect(aggregate.byRubric[0]?.dimensions.map((d) => [d.dimensionKey, d.title])).toEqual([
      ['trigger', 'Trigger'],
      ['diagnosis', 'Diagnosis'],
      ['mitigation', 'Mitigation'],
      ['rollback', 'Rollback'],
      ['prevention', 'Prevention'],
    ]);
    expect(aggregate.submitted).toBe(3);
  });

  it('flags a spread of 1 to 4 as a disagreement, with median 3 and range 3', () => {
    expect(dimension(aggregate, 'trigger')).toEqual({
      dimensionKey: 'trigger',
      title: 'Trigger',
      levels: [1, 3, 4],
      median: 3,
      min: 1,
      max: 4,
      range: 3,
      notCovered: 0,
      disagreement: true,
    });
  });

  it('finds no disagreement when everyone gave 3', () => {
    expect(dimension(aggregate, 'diagnosis')).toMatchObject({ levels: [3, 3, 3], median: 3, min: 3, max: 3, range: 0, notCovered: 0, disagreement: false });
  });

  it('leaves "not covered" out of the levels and counts it, so 2 and 3 give a median of 2.5', () => {
    const mitigation = dimension(aggregate, 'mitigation');
    expect(mitigation).toMatchObject({ levels: [2, 3], median: 2.5, min: 2, max: 3, range: 1, notCovered: 1, disagreement: false });
    expect(formatMedian(mitigation.median)).toBe('2.5');
  });

  it('calls a spread of exactly two levels a disagreement', () => {
    expect(DISAGREEMENT_RANGE).toBe(2);
    expect(dimension(aggregate, 'rollback')).toMatchObject({ levels: [2, 4], median: 3, range: 2, notCovered: 1, disagreement: true });
  });

  it('has no median, minimum, maximum or range for a dimension everyone marked not covered, and no disagreement', () => {
    expect(dimension(aggregate, 'prevention')).toEqual({
      dimensionKey: 'prevention',
      title: 'Prevention',
      levels: [],
      median: null,
      min: null,
      max: null,
      range: null,
      notCovered: 3,
      disagreement: false,
    });
  });

  it('fits the schema the packet carries it in', () => {
    expect(PanelAggregateSchema.safeParse(aggregate).success).toBe(true);
  });
});

describe('small and unanimous panels', () => {
  it('gives one interviewer’s levels as the median, with range 0', () => {
    const aggregate = aggregatePanel([BUILTIN_RUBRIC], [cardFor(ana, [1, 2, 3, 4, NC])], loop);
    expect(aggregate.byRubric[0]?.dimensions.map((d) => [d.median, d.range, d.disagreement])).toEqual([
      [1, 0, false],
      [2, 0, false],
      [3, 0, false],
      [4, 0, false],
      [null, null, false],
    ]);
    expect(aggregate.submitted).toBe(1);
  });

  it('finds no disagreement anywhere when all three gave the same levels', () => {
    const aggregate = aggregatePanel([BUILTIN_RUBRIC], [cardFor(ana, all(2)), cardFor(ben, all(2)), cardFor(chen, all(2))], loop);
    for (const d of aggregate.byRubric[0]?.dimensions ?? []) expect(d).toMatchObject({ levels: [2, 2, 2], median: 2, range: 0, disagreement: false });
  });

  it('is all empty with no scorecards: every interviewer due, no medians, nothing split', () => {
    const aggregate = aggregatePanel([BUILTIN_RUBRIC], [], loop);
    expect(aggregate.submitted).toBe(0);
    expect(aggregate.due).toEqual(['Ana Lopez', 'Ben Okafor', 'Chen Wei']);
    expect(aggregate.byRubric[0]?.dimensions.every((d) => d.median === null && d.notCovered === 0 && !d.disagreement)).toBe(true);
    expect(aggregate.recommendations).toEqual({ 'strong-no': 0, no: 0, yes: 0, 'strong-yes': 0 });
    expect(aggregate.split).toBe(false);
    expect(aggregate.byRubric[0]?.redFlags).toEqual([]);
  });

  it('treats a dimension a scorecard has no rating for as unanswered, neither a level nor not covered', () => {
    const card = cardFor(ana, all(3));
    const aggregate = aggregatePanel([BUILTIN_RUBRIC], [{ ...card, ratings: card.ratings.filter((r) => r.dimensionKey !== 'rollback') }], loop);
    expect(dimension(aggregate, 'rollback')).toMatchObject({ levels: [], median: null, notCovered: 0 });
  });
});

describe('the recommendations', () => {
  it('are tallied per point of the scale', () => {
    const aggregate = aggregatePanel(
      [BUILTIN_RUBRIC],
      [cardFor(ana, all(3), { recommendation: 'strong-yes' }), cardFor(ben, all(3), { recommendation: 'strong-yes' }), cardFor(chen, all(3), { recommendation: 'no' })],
      loop,
    );
    expect(aggregate.recommendations).toEqual({ 'strong-no': 0, no: 1, yes: 0, 'strong-yes': 2 });
  });

  it('are split when one says yes and another no', () => {
    const aggregate = aggregatePanel([BUILTIN_RUBRIC], [cardFor(ana, all(3), { recommendation: 'yes' }), cardFor(ben, all(3), { recommendation: 'no' })], loop);
    expect(aggregate.split).toBe(true);
  });

  it('are split when one says strong yes and another strong no', () => {
    const aggregate = aggregatePanel([BUILTIN_RUBRIC], [cardFor(ana, all(3), { recommendation: 'strong-yes' }), cardFor(ben, all(3), { recommendation: 'strong-no' })], loop);
    expect(aggregate.split).toBe(true);
  });

  it('are not split when everyone leans the same way, however strongly', () => {
    const yesSide = aggregatePanel([BUILTIN_RUBRIC], [cardFor(ana, all(3), { recommendation: 'strong-yes' }), cardFor(ben, all(3), { recommendation: 'yes' })], loop);
    expect(yesSide.split).toBe(false);
    const noSide = aggregatePanel([BUILTIN_RUBRIC], [cardFor(ana, all(3), { recommendation: 'strong-no' }), cardFor(ben, all(3), { recommendation: 'no' })], loop);
    expect(noSide.split).toBe(false);
  });

  it('do not count a card without a recommendation', () => {
    const aggregate = aggregatePanel([BUILTIN_RUBRIC], [cardFor(ana, all(3), { recommendation: null }), cardFor(ben, all(3), { recommendation: 'no' })], loop);
    expect(aggregate.recommendations).toEqual({ 'strong-no': 0, no: 1, yes: 0, 'strong-yes': 0 });
    expect(aggregate.split).toBe(false);
  });
});

describe('the red flags', () => {
  it('are grouped per flag in rubric order, each with who raised it and their note', () => {
    const aggregate = aggregatePanel(
      [BUILTIN_RUBRIC],
      [
        cardFor(ana, all(3), { redFlags: [{ key: 'no-rollback', note: 'Hot-fixed in prod, no way back.' }, { key: 'no-ownership', note: 'Only "we".' }] }),
        cardFor(ben, all(3), { redFlags: [{ key: 'no-ownership', note: 'Could not say what they decided.' }] }),
        cardFor(chen, all(3)),
      ],
      loop,
    );
    expect(aggregate.byRubric[0]?.redFlags).toEqual([
      {
        key: 'no-ownership',
        label: 'No personal ownership',
        raisedBy: [
          { interviewerName: 'Ana Lopez', note: 'Only "we".' },
          { interviewerName: 'Ben Okafor', note: 'Could not say what they decided.' },
        ],
      },
      { key: 'no-rollback', label: 'No rollback path', raisedBy: [{ interviewerName: 'Ana Lopez', note: 'Hot-fixed in prod, no way back.' }] },
    ]);
  });

  it('leave out a flag the rubric does not have', () => {
    const aggregate = aggregatePanel([BUILTIN_RUBRIC], [cardFor(ana, all(3), { redFlags: [{ key: 'bad-vibes', note: 'x' }] })], loop);
    expect(aggregate.byRubric[0]?.redFlags).toEqual([]);
  });
});

describe('who is still due', () => {
  it('lists the loop members without a submitted scorecard, in loop order', () => {
    const aggregate = aggregatePanel([BUILTIN_RUBRIC], [cardFor(ben, all(3))], loop);
    expect(aggregate.due).toEqual(['Ana Lopez', 'Chen Wei']);
  });

  it('counts a scorecard under the same name in another case or spacing as submitted', () => {
    const fromAnotherDevice = cardFor(interviewOf('iv-elsewhere', '  ana   LOPEZ '), all(3));
    const aggregate = aggregatePanel([BUILTIN_RUBRIC], [fromAnotherDevice], loop);
    expect(aggregate.due).toEqual(['Ben Okafor', 'Chen Wei']);
  });

  it('counts a scorecard for the interview as submitted even when the name on it differs', () => {
    const renamed = cardFor(chen, all(3), { interviewerName: 'Wei Chen' });
    expect(aggregatePanel([BUILTIN_RUBRIC], [renamed], loop).due).toEqual(['Ana Lopez', 'Ben Okafor']);
  });

  it('is empty when everyone has submitted', () => {
    expect(aggregatePanel([BUILTIN_RUBRIC], [cardFor(ana, all(3)), cardFor(ben, all(3)), cardFor(chen, all(3))], loop).due).toEqual([]);
  });
});

describe('the latest submitted revision of each scorecard', () => {
  it('keeps the highest submitted revision per scorecard, whatever order they come in', () => {
    const anaRev1 = cardFor(ana, all(1), { revision: 1 });
    const anaRev3 = cardFor(ana, all(3), { revision: 3 });
    const anaRev2 = cardFor(ana, all(2), { revision: 2 });
    const benRev1 = cardFor(ben, all(4), { revision: 1 });
    const latest = latestSubmitted([anaRev3, benRev1, anaRev1, anaRev2]);
    expect(latest).toEqual([anaRev3, benRev1]);
  });

  it('ignores drafts, even a newer one (an amendment in progress)', () => {
    const submitted = cardFor(ana, all(2), { revision: 1 });
    const amending = cardFor(ana, all(4), { revision: 2, status: 'draft', submittedAt: null, contentHash: null });
    const neverSubmitted = cardFor(ben, all(4), { status: 'draft', submittedAt: null, contentHash: null });
    expect(latestSubmitted([amending, submitted, neverSubmitted])).toEqual([submitted]);
  });

  it('is empty for no revisions or only drafts', () => {
    expect(latestSubmitted([])).toEqual([]);
    expect(latestSubmitted([cardFor(ana, all(3), { status: 'draft', submittedAt: null, contentHash: null })])).toEqual([]);
  });

  it('aggregates only the amended levels, not the first submission', () => {
    const revisions = [cardFor(ana, all(1), { revision: 1 }), cardFor(ana, all(4), { revision: 2 }), cardFor(ben, all(4))];
    const aggregate = aggregatePanel([BUILTIN_RUBRIC], latestSubmitted(revisions), loop);
    expect(aggregate.submitted).toBe(2);
    expect(dimension(aggregate, 'trigger')).toMatchObject({ levels: [4, 4], median: 4, disagreement: false });
  });
});

describe('the rubric versions a panel is read against', () => {
  const v2 = { id: BUILTIN_RUBRIC.id, version: 2 };
  it('are the ones the latest scorecards were scored on, or the role’s when none is in yet', () => {
    const anaCard = cardFor(interviewOf('iv-a', 'Ana Lopez'), all(3));
    const benCard = cardFor(interviewOf('iv-b', 'Ben Okafor'), all(2));
    expect(panelRubricRefs([anaCard, benCard], [], v2)).toEqual([{ id: BUILTIN_RUBRIC.id, version: 1 }]);
    expect(panelRubricRefs([], [], v2)).toEqual([v2]);
  });

  it('reads a panel scored against two versions as two, in loop order of first use, never as one', () => {
    const a = interviewOf('iv-a', 'Ana Lopez');
    const b = interviewOf('iv-b', 'Ben Okafor');
    const anaCard = cardFor(a, all(3));
    const benCard = cardFor(b, all(2), { rubric: v2 });
    expect(panelRubricRefs([anaCard, benCard], [a, b], null)).toEqual([{ id: BUILTIN_RUBRIC.id, version: 1 }, v2]);
    expect(panelRubricRefs([anaCard, benCard], [b, a], null)).toEqual([v2, { id: BUILTIN_RUBRIC.id, version: 1 }]);
  });
});
