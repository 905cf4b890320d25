import { describe, expect, it } from 'vitest';
import { screenStatusOf, shareText, slateCandidates } from '../../src/domain/slate-candidates';

describe('where a candidate’s screen stands', () => {
  it.each([
    ['no screen', undefined, 'not-screened', 'Not screened', ''],
    ['a screen without an outcome', { outcome: null, reason: 'half typed' }, 'in-progress', 'Screen in progress', ''],
    ['advanced without a reason', { outcome: 'advance' as const, reason: '' }, 'advance', 'Advanced', ''],
    ['on hold, with a reason', { outcome: 'hold' as const, reason: '  Waiting for the team’s headcount.  ' }, 'hold', 'On hold', 'Waiting for the team’s headcount.'],
    ['declined, with a reason', { outcome: 'decline' as const, reason: 'Notebooks only, no production work.' }, 'decline', 'Declined', 'Notebooks only, no production work.'],
  ])('%s', (_, screen, status, label, reason) => {
    expect(screenStatusOf(screen)).toEqual({ status, label, reason });
  });

  it('lists every candidate of the role in the order given, screened or not, and ignores screens of others', () => {
    const rows = slateCandidates(
      [
        { id: 'c-1', name: 'Ada Byron' },
        { id: 'c-2', name: 'Priya Raman' },
      ],
      [
        { candidateId: 'c-2', outcome: 'decline', reason: 'Stats packages only.' },
        { candidateId: 'someone-else', outcome: 'advance', reason: '' },
      ],
    );
    expect(rows).toEqual([
      { candidateId: 'c-1', name: 'Ada Byron', status: 'not-screened', label: 'Not screened', reason: '' },
      { candidateId: 'c-2', name: 'Priya Raman', status: 'decline', label: 'Declined', reason: 'Stats packages only.' },
    ]);
    expect(slateCandidates([], [])).toEqual([]);
  });
});

describe('a share with its counts', () => {
  it.each([
    [0, 0, '0 of 0'],
    [0, 3, '0 of 3 (0%)'],
    [2, 3, '2 of 3 (67%)'],
    [5, 8, '5 of 8 (63%)'],
    [3, 3, '3 of 3 (100%)'],
  ])('%i of %i reads "%s"', (part, whole, text) => {
    expect(shareText(part, whole)).toBe(text);
  });
});
