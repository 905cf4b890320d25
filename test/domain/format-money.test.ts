import { describe, expect, it } from 'vitest';
import { CURRENCIES, formatMoney } from '../../src/domain/role-facts';

/** What the app wrote before: en-US Intl, whole units, compact from 10,000. */
const intl = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0, notation: amount >= 10_000 ? 'compact' : 'standard' }).format(amount);

// Every boundary of rounding and of units, and a spread of ordinary bands.
const EDGES = [0, 0.4, 0.5, 1, 9.5, 999, 999.5, 1000, 1234.5, 9_999, 9_999.4, 9_999.5, 9_999.6, 10_000, 10_499, 10_500, 12_500, 99_499, 99_500, 99_999, 100_000, 240_000, 245_500, 310_000, 999_499, 999_500, 999_999, 1_000_000, 1_250_000, 1_499_999, 1_500_000, 5_000_000, 12_500_000, 999_499_999, 999_500_000, 1e9, 1.5e9, 999_499_999_999, 999_500_000_000];

describe('formatMoney', () => {
  it('writes a band as en-US Intl does, in every currency a role can have', () => {
    for (const currency of CURRENCIES) {
      for (const amount of EDGES) expect(formatMoney(amount, currency), `${amount} ${currency}`).toBe(intl(amount, currency));
    }
  });

  it('agrees with Intl on thousands of whole amounts up to the largest band', () => {
    // A fixed sequence (no randomness): every 7,919th amount, and some small ones.
    for (let amount = 0; amount <= 5_000_000; amount += 7_919) {
      for (const currency of ['USD', 'CHF', 'CAD'] as const) expect(formatMoney(amount, currency)).toBe(intl(amount, currency));
    }
  });

  it('leaves to Intl what it does not write itself: other currencies, negatives, huge and odd numbers', () => {
    for (const [amount, currency] of [
      [240_000, 'NOK'],
      [-240_000, 'USD'],
      [-0, 'USD'],
      [1e12, 'USD'],
      [999_500_000_000_000, 'USD'],
      [Number.NaN, 'EUR'],
      [Number.POSITIVE_INFINITY, 'GBP'],
    ] as const) {
      expect(formatMoney(amount, currency)).toBe(intl(amount, currency));
    }
  });

  it('shows the number and the code for a code Intl does not know', () => {
    expect(formatMoney(240_000, 'US$')).toBe('240,000 US$');
  });
});
