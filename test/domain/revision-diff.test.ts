import { describe, expect, it } from 'vitest';
import packetV4 from '../fixtures/packet-v4.loopcard.json?raw';
import { DIFF_MAX_LINES, amendedRevision, describeDelta, diffLines, hasChanges, revisionChanges } from '../../src/domain/revision-diff';
import { NOT_COVERED } from '../../src/domain/rubric';
import type { Scorecard } from '../../src/domain/scorecard';
import { cardFor, interviewOf } from '../helpers/panel';

const interview = interviewOf('int-1', 'Zofia Łukasiewicz');
const first = cardFor(interview, [3, 3, 3, 2, 2], { takeaways: 'Operator.' });

function amend(from: Scorecard, change: Partial<Scorecard>): Scorecard {
  return { ...from, revision: from.revision + 1, amendReason: 'Re-read my notes.', submittedAt: '2026-11-03T10:00:00.000Z', ...change };
}
const withRating = (card: Scorecard, key: string, change: Partial<Scorecard['ratings'][number]>) => card.ratings.map((r) => (r.dimensionKey === key ? { ...r, ...change } : r));

describe('revisionChanges', () => {
  it('finds a level change and an evidence rewrite, with the reason', () => {
    const second = amend(first, { ratings: withRating(first, 'rollback', { level: 3, evidence: 'Registry pin + canary; rolled back in 4 minutes.' }) });
    const changes = revisionChanges(first, second);
    expect(changes).toMatchObject({ fromRevision: 1, toRevision: 2, reason: 'Re-read my notes.', recommendation: null, takeaways: null });
    expect(changes.levels).toEqual([{ dimensionKey: 'rollback', before: 2, after: 3 }]);
    expect(changes.evidence).toHaveLength(1);
    const [rollback] = changes.evidence;
    expect(rollback?.dimensionKey).toBe('rollback');
    expect(rollback?.before).toBe('Zofia Łukasiewicz on rollback: level 2.');
    expect(rollback?.after).toBe('Registry pin + canary; rolled back in 4 minutes.');
    expect(rollback?.delta).toBe('Registry pin + canary; rolled back in 4 minutes.'.length - 'Zofia Łukasiewicz on rollback: level 2.'.length);
    expect(rollback?.lines).toEqual([
      { kind: 'removed', text: 'Zofia Łukasiewicz on rollback: level 2.' },
      { kind: 'added', text: 'Registry pin + canary; rolled back in 4 minutes.' },
    ]);
    expect(hasChanges(changes)).toBe(true);
  });

  it('counts running-note lines filed under a dimension as its evidence, stamps included', () => {
    const second = amend(first, { pad: [{ id: 'l1', text: 'Rolled back by hand, twice.', stamp: '3 Nov 10:02', tag: 'rollback' }, { id: 'l2', text: 'Unsorted.', stamp: '', tag: null }] });
    const [rollback, ...rest] = revisionChanges(first, second).evidence;
    expect(rest).toEqual([]);
    expect(rollback?.lines).toEqual([
      { kind: 'same', text: 'Zofia Łukasiewicz on rollback: level 2.' },
      { kind: 'added', text: '3 Nov 10:02 — Rolled back by hand, twice.' },
    ]);
    expect(rollback?.delta).toBeGreaterThan(0);
  });

  it('names red flags raised, withdrawn and re-worded, the recommendation and the takeaways', () => {
    const one = { ...first, redFlags: [{ key: 'no-rollback', note: 'Manual only.' }, { key: 'we-not-i', note: '' }] };
    const two = amend(one, {
      redFlags: [{ key: 'no-rollback', note: 'Manual, and untested.' }, { key: 'theory-only', note: 'Whiteboard answer.' }],
      recommendation: 'no',
      takeaways: 'Operator, but no tested path back.',
    });
    const changes = revisionChanges(one, two);
    expect(changes.redFlags).toEqual({
      added: [{ key: 'theory-only', note: 'Whiteboard answer.' }],
      removed: [{ key: 'we-not-i', note: '' }],
      noteChanged: [{ key: 'no-rollback', before: 'Manual only.', after: 'Manual, and untested.' }],
    });
    expect(changes.recommendation).toEqual({ before: 'yes', after: 'no' });
    expect(changes.takeaways).toMatchObject({ before: 'Operator.', after: 'Operator, but no tested path back.', delta: 25 });
  });

  it('treats "not covered" and an unanswered dimension as levels of their own', () => {
    const two = amend(first, { ratings: withRating(withRatingCard(first, 'trigger', { level: null }), 'prevention', { level: NOT_COVERED, evidence: '' }) });
    expect(revisionChanges(first, two).levels).toEqual([
      { dimensionKey: 'trigger', before: 3, after: null },
      { dimensionKey: 'prevention', before: 2, after: NOT_COVERED },
    ]);
  });

  it('says nothing changed when only the reason differs, and reports a missing reason as empty', () => {
    const two = amend(first, { amendReason: '   ' });
    const changes = revisionChanges(first, two);
    expect(hasChanges(changes)).toBe(false);
    expect(changes.reason).toBe('');
  });

  it('keeps a dimension only the older revision has', () => {
    const two = amend(first, { ratings: first.ratings.filter((r) => r.dimensionKey !== 'prevention') });
    const changes = revisionChanges(first, two);
    expect(changes.levels).toEqual([{ dimensionKey: 'prevention', before: 2, after: null }]);
    expect(changes.evidence.map((e) => e.dimensionKey)).toEqual(['prevention']);
  });

  it('refuses to compare two different scorecards', () => {
    const other = cardFor(interviewOf('int-2', 'Ben Okafor'), [3]);
    expect(() => revisionChanges(first, other)).toThrow('different scorecards');
  });

  it('reads the frozen packet: Zofia’s revision 2 changed Rollback from 2 to 3 and its evidence, for the reason she gave', () => {
    const packet = JSON.parse(packetV4) as { content: { scorecards: { interviewerName: string; revisions: Scorecard[] }[] } };
    const zofia = packet.content.scorecards.find((s) => s.interviewerName === 'Zofia Łukasiewicz');
    const revisions = zofia?.revisions ?? [];
    const latest = revisions.find((r) => r.revision === 2) as Scorecard;
    const previous = amendedRevision(revisions, latest) as Scorecard;
    expect(previous.revision).toBe(1);
    const changes = revisionChanges(previous, latest);
    expect(changes.reason).toBe('Rollback was level 3 on a second read of my notes.');
    expect(changes.levels).toEqual([{ dimensionKey: 'rollback', before: 2, after: 3 }]);
    expect(changes.evidence.map((e) => [e.dimensionKey, e.after])).toEqual([['rollback', 'Registry pin + canary; rolled back in 4 minutes (re-read).']]);
    expect(changes.recommendation).toBeNull();
  });
});

function withRatingCard(card: Scorecard, key: string, change: Partial<Scorecard['ratings'][number]>): Scorecard {
  return { ...card, ratings: withRating(card, key, change) };
}

describe('diffLines', () => {
  it.each([
    ['', '', []],
    ['a', '', [{ kind: 'removed', text: 'a' }]],
    ['', 'a', [{ kind: 'added', text: 'a' }]],
    ['a\nb\nc', 'a\nc', [{ kind: 'same', text: 'a' }, { kind: 'removed', text: 'b' }, { kind: 'same', text: 'c' }]],
    ['a\nc', 'a\nb\nc', [{ kind: 'same', text: 'a' }, { kind: 'added', text: 'b' }, { kind: 'same', text: 'c' }]],
    ['a\nb', 'b\na', [{ kind: 'removed', text: 'a' }, { kind: 'same', text: 'b' }, { kind: 'added', text: 'a' }]],
  ] as const)('%j → %j', (before, after, expected) => {
    expect(diffLines(before, after)).toEqual(expected);
  });

  it('gives up on the line diff past its limit and shows both texts whole', () => {
    const many = Array.from({ length: DIFF_MAX_LINES + 1 }, (_, i) => `line ${i}`).join('\n');
    const lines = diffLines(many, 'short');
    expect(lines.filter((l) => l.kind === 'removed')).toHaveLength(DIFF_MAX_LINES + 1);
    expect(lines.at(-1)).toEqual({ kind: 'added', text: 'short' });
  });
});

describe('describeDelta', () => {
  it.each([
    [120, '+120 characters'],
    [1, '+1 character'],
    [-4, '−4 characters'],
    [0, 'same length'],
  ])('%i → %s', (delta, text) => expect(describeDelta(delta)).toBe(text));
});

describe('amendedRevision', () => {
  it('finds the newest older submitted revision, and nothing for a first submission', () => {
    const two = amend(first, {});
    const three = amend(two, {});
    const draft = { ...amend(three, {}), status: 'draft' as const };
    expect(amendedRevision([first, three, two, draft], three)?.revision).toBe(2);
    expect(amendedRevision([first, two], first)).toBeUndefined();
    expect(amendedRevision([two], two)).toBeUndefined();
  });
});
