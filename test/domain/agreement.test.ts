import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../src/domain/agreement';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
// twelve units, with missing values (null). Unit 12 has one value and is not pairable.
const _ = null;
const PAPER: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

describe('krippendorffAlpha', () => {
  it('gives the 2011 paper’s figures for its worked example with missing data, to three decimals', () => {
    expect(krippendorffAlpha(PAPER, 'nominal')?.toFixed(3)).toBe('0.743');
    expect(krippendorffAlpha(PAPER, 'ordinal')?.toFixed(3)).toBe('0.815');
    expect(krippendorffAlpha(PAPER, 'interval')?.toFixed(3)).toBe('0.849');
  });

  it('is 1 for perfect agreement with variation, and lower when raters disagree', () => {
    expect(krippendorffAlpha([[1, 2, 3, 4], [1, 2, 3, 4]], 'ordinal')).toBeCloseTo(1, 10);
    expect(krippendorffAlpha([[1, 2, 3, 4], [4, 3, 2, 1]], 'ordinal')).toBeLessThan(0);
  });

  it('is undefined (null), never NaN, with no variation, no pairable unit, or no data', () => {
    expect(krippendorffAlpha([[3, 3, 3], [3, 3, 3]], 'ordinal')).toBeNull();
    expect(krippendorffAlpha([[1, _, 3], [_, 2, _]], 'ordinal')).toBeNull();
    expect(krippendorffAlpha([], 'interval')).toBeNull();
    expect(krippendorffAlpha([[_, _], [_, _]], 'nominal')).toBeNull();
  });

  it('leaves out a rater who rated nothing and units with one rating', () => {
    const withSilent = [...PAPER, Array<number | null>(12).fill(null)];
    expect(krippendorffAlpha(withSilent, 'ordinal')).toBeCloseTo(krippendorffAlpha(PAPER, 'ordinal') as number, 12);
  });

  it('does not depend on the order of raters or units', () => {
    const reversed = [...PAPER].reverse().map((row) => [...row].reverse());
    expect(krippendorffAlpha(reversed, 'ordinal')).toBeCloseTo(krippendorffAlpha(PAPER, 'ordinal') as number, 12);
  });
});
