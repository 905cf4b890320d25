import { describe, expect, it } from 'vitest';
import { assessCompBand, checkCompBand } from '../../src/domain/comp-check';
import type { CompBand } from '../../src/domain/role';

const usd = (min: number, max: number, basis: CompBand['basis'] = 'base'): Partial<CompBand> => ({ min, max, currency: 'USD', basis });
const eur = (min: number, max: number, basis: CompBand['basis'] = 'base'): Partial<CompBand> => ({ min, max, currency: 'EUR', basis });

describe('a base-salary band in US dollars', () => {
  it('has nothing to say inside the 2026 reference, and says what it was compared with', () => {
    expect(assessCompBand(usd(240_000, 310_000), 'senior')).toEqual([]);
    expect(assessCompBand(usd(235_000, 325_000), 'senior')).toEqual([]);
    expect(assessCompBand(usd(170_000, 230_000), 'mid')).toEqual([]);
    expect(checkCompBand(usd(240_000, 310_000), 'senior').comparedWith).toBe('Base salary compared with the 2026 senior base reference of $235K–$325K.');
  });

  it('warns when the whole band is below or above the reference, or straddles an edge', () => {
    const below = assessCompBand(usd(150_000, 200_000), 'senior');
    expect(below).toEqual([{ code: 'below-reference', message: 'This band is below the 2026 senior reference of $235K–$325K. Expect strong candidates to decline.' }]);
    expect(assessCompBand(usd(240_000, 300_000), 'mid')[0]?.message).toBe('This band is above the 2026 mid-level reference of $170K–$230K. Check the level: this may be a senior or staff role.');
    expect(assessCompBand(usd(200_000, 300_000), 'senior').map((w) => w.code)).toEqual(['partly-outside-reference']);
    expect(assessCompBand(usd(200_000, 235_000), 'senior').map((w) => w.code)).toEqual(['partly-outside-reference']);
    expect(assessCompBand(usd(300_000, 400_000), 'senior').map((w) => w.code)).toEqual(['partly-outside-reference']);
  });

  it('ignores a factor or a rate it does not need', () => {
    expect(checkCompBand(usd(240_000, 310_000), 'senior', { factor: 2, usdPerUnit: 3 })).toMatchObject({ warnings: [], needsFactor: false, needsRate: false });
  });

  it('says nothing while the band is incomplete, inverted or the level is unknown', () => {
    expect(assessCompBand(usd(300_000, 250_000), 'senior')).toEqual([]);
    expect(assessCompBand(usd(100, 200), undefined)).toEqual([]);
    expect(assessCompBand({ max: 200 }, 'senior')).toEqual([]);
    expect(assessCompBand({ min: 100 }, 'senior')).toEqual([]);
    expect(assessCompBand(usd(Number.NaN, 200), 'senior')).toEqual([]);
  });
});

describe('total cash and a full package: the reference is base only', () => {
  it('compares nothing without a factor, and says so plainly', () => {
    const check = checkCompBand(usd(260_000, 360_000, 'total-cash'), 'senior');
    expect(check).toMatchObject({ comparedWith: null, warnings: [], needsFactor: true, needsRate: false });
    expect(check.notCompared).toBe(
      'The 2026 reference is base salary only, and this band covers total cash: no comparison is made. Enter the factor you use from base to total cash to compare it.',
    );
    // Even a band that would be "below" base is not called below.
    expect(assessCompBand(usd(100_000, 120_000, 'package'), 'senior').map((w) => w.code)).toEqual(['not-compared']);
  });

  it('compares total cash with base × the stated factor', () => {
    const check = checkCompBand(usd(275_000, 370_000, 'total-cash'), 'senior', { factor: 1.15 });
    expect(check.comparedWith).toBe('Total cash compared with base × 1.15: $270K–$374K.');
    expect(check.warnings).toEqual([]);
    // The same band on base would straddle the top of the reference; as total cash it fits.
    expect(assessCompBand(usd(275_000, 370_000), 'senior').map((w) => w.code)).toEqual(['partly-outside-reference']);
  });

  it('names the adjusted reference in its advice for a package', () => {
    expect(assessCompBand(usd(200_000, 260_000, 'package'), 'senior', { factor: 1.4 })).toEqual([
      { code: 'below-reference', message: 'This band is below the 2026 senior reference as full package (equity and bonus) (base × 1.4) of $329K–$455K. Expect strong candidates to decline.' },
    ]);
  });

  it('refuses a factor outside 1 to 3, or not a number, and compares nothing', () => {
    for (const factor of [0, 0.8, -1, 3.5, Number.POSITIVE_INFINITY]) {
      expect(checkCompBand(usd(270_000, 370_000, 'total-cash'), 'senior', { factor }).notCompared).toBe(
        'The factor must be from 1 to 3, so this total cash band is not compared with the base-salary reference.',
      );
    }
    expect(checkCompBand(usd(270_000, 370_000, 'total-cash'), 'senior', { factor: Number.NaN }).notCompared).toMatch(/^The 2026 reference is base salary only/);
  });
});

describe('a band in another currency', () => {
  it('compares nothing without the exchange rate used, and says so plainly', () => {
    const check = checkCompBand(eur(200_000, 260_000), 'senior');
    expect(check).toMatchObject({ comparedWith: null, needsRate: true, needsFactor: false });
    expect(check.notCompared).toBe('The 2026 reference is in US dollars, and this band is in EUR: no comparison is made. Enter the exchange rate you use to compare it.');
  });

  it('converts at the stated rate and compares', () => {
    const check = checkCompBand(eur(200_000, 260_000), 'senior', { usdPerUnit: 1.08 });
    expect(check.comparedWith).toBe('EUR band converted at 1 EUR = 1.08 USD: $216K–$281K.');
    expect(check.warnings.map((w) => w.code)).toEqual(['partly-outside-reference']);
    expect(assessCompBand({ min: 20_000_000, max: 30_000_000, currency: 'JPY', basis: 'base' }, 'senior', { usdPerUnit: 0.0067 })[0]?.code).toBe('below-reference');
  });

  it('needs both for a total-cash band in euros, and says what is missing', () => {
    const both = checkCompBand(eur(250_000, 330_000, 'total-cash'), 'senior');
    expect(both.notCompared).toMatch(/covers total cash: no comparison is made\. .* this band is in EUR: no comparison is made\./);
    expect(checkCompBand(eur(250_000, 330_000, 'total-cash'), 'senior', { usdPerUnit: 1.08 }).notCompared).toMatch(/^The 2026 reference is base salary only/);
    expect(checkCompBand(eur(250_000, 330_000, 'total-cash'), 'senior', { usdPerUnit: 1.08, factor: 1.15 }).comparedWith).toBe(
      'EUR band converted at 1 EUR = 1.08 USD: $270K–$356K. Total cash compared with base × 1.15: $270K–$374K.',
    );
  });

  it('refuses a rate of zero, below zero or absurdly high', () => {
    for (const usdPerUnit of [0, -1.08, 1_000]) {
      expect(checkCompBand(eur(200_000, 260_000), 'senior', { usdPerUnit }).notCompared).toBe(
        'The exchange rate must be more than 0 and at most 100 US dollars per EUR, so this band is not compared.',
      );
    }
  });
});
