import { describe, expect, it } from 'vitest';
import {
  NO_SOURCE_LABEL,
  SLATE_MIN_SCREENED,
  rankSources,
  slateHealth,
  type ScreenForSlate,
  type ScreenOutcome,
} from '../../src/domain/slate';

function screen(source: string, production: string[], wrongPool: string[], outcome: ScreenOutcome): ScreenForSlate {
  return { source, productionSignals: production, wrongPoolSignals: wrongPool, outcome };
}

const shipped = ['shipped or operated production ML'];
const adjacent = ['adjacent role title'];

describe('slateHealth', () => {
  it('says most of the slate has operated production ML, with the counts', () => {
    const health = slateHealth([
      screen('Referral', shipped, [], 'advance'),
      screen('Referral', ['on-call'], [], 'advance'),
      screen('LinkedIn search', shipped, ['notebooks only'], 'hold'),
      screen('Meetup', ['feature pipelines'], [], 'advance'),
      screen('LinkedIn search', [], adjacent, 'decline'),
    ]);
    expect(health).toMatchObject({
      screened: 5,
      withProduction: 4,
      wrongPool: 2,
      outcomes: { advance: 3, hold: 1, decline: 1 },
      productionShare: 0.8,
      wrongPoolShare: 0.4,
      verdict: 'production',
      message: 'Most of this slate has operated production ML (4 of 5).',
    });
  });

  it('says to revisit the keywords when over half look like adjacent roles', () => {
    const health = slateHealth([
      screen('Job board', [], adjacent, 'decline'),
      screen('Job board', [], ['stats packages'], 'decline'),
      screen('Job board', [], ['generic Terraform, no ML stack'], 'decline'),
      screen('Referral', shipped, [], 'advance'),
      screen('Referral', [], [], 'hold'),
    ]);
    expect(health.verdict).toBe('wrong-pool');
    expect(health.message).toBe('Over half the slate looks like adjacent roles: revisit the keywords (3 of 5).');
  });

  it('does not judge fewer than the minimum', () => {
    const health = slateHealth([screen('Referral', shipped, [], 'advance'), screen('Referral', shipped, [], 'advance')]);
    expect(health.verdict).toBe('too-few');
    expect(health.message).toBe(`Too few screened to judge (2); screen at least ${SLATE_MIN_SCREENED}.`);
  });

  it('handles an empty slate without dividing by zero', () => {
    expect(slateHealth([])).toMatchObject({ screened: 0, productionShare: 0, wrongPoolShare: 0, verdict: 'too-few', sources: [] });
  });

  it('calls exactly half neither "most" nor "over half"', () => {
    const health = slateHealth([
      screen('A', shipped, [], 'advance'),
      screen('A', shipped, [], 'advance'),
      screen('B', [], adjacent, 'decline'),
      screen('B', [], adjacent, 'decline'),
    ]);
    expect(health.verdict).toBe('mixed');
    expect(health.message).toBe("Only 2 of 4 show production ML; most of a slate should. Search with the lane's keywords.");
  });
});

describe('rankSources', () => {
  it('ranks sources by candidates advanced, the same source in any case counted once', () => {
    const ranked = rankSources([
      screen('LinkedIn search', [], adjacent, 'decline'),
      screen('Referral', shipped, [], 'advance'),
      screen('linkedin  search', shipped, [], 'advance'),
      screen('Meetup', shipped, [], 'advance'),
      screen('Referral', shipped, [], 'advance'),
      screen('  ', [], [], 'hold'),
    ]);
    expect(ranked).toEqual([
      { source: 'Referral', screened: 2, advanced: 2 },
      { source: 'Meetup', screened: 1, advanced: 1 },
      { source: 'LinkedIn search', screened: 2, advanced: 1 },
      { source: NO_SOURCE_LABEL, screened: 1, advanced: 0 },
    ]);
  });
});
