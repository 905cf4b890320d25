/**
 * How far a panel's levels agree beyond chance: Krippendorff's alpha, computed as in Krippendorff
 * (2011), "Computing Krippendorff's Alpha-Reliability": a coincidence matrix of the values paired
 * within each unit, the observed disagreement over it, and the disagreement expected by chance
 * from the values' overall frequencies. Pure and deterministic.
 */

export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval';

/**
 * Alpha for `ratings[i][u]`: rater i's value for unit u, `null` when i did not rate u. Units with
 * fewer than two values are not pairable and are left out. Returns null when alpha is undefined:
 * fewer than two pairable values, or no variation at all (expected disagreement 0).
 */
export function krippendorffAlpha(ratings: (number | null)[][], level: MeasurementLevel): number | null {
  const unitCount = Math.max(0, ...ratings.map((row) => row.length));
  // Values present in each pairable unit.
  const units: number[][] = [];
  for (let u = 0; u < unitCount; u += 1) {
    const values = ratings.map((row) => row[u]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    if (values.length >= 2) units.push(values);
  }
  const distinct = [...new Set(units.flat())].sort((a, b) => a - b);
  if (distinct.length === 0) return null;
  const index = new Map(distinct.map((v, i) => [v, i]));
  const size = distinct.length;
  // The coincidence matrix: each ordered pair of values within a unit, weighted 1 / (m_u − 1).
  const o: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const values of units) {
    const weight = 1 / (values.length - 1);
    for (let i = 0; i < values.length; i += 1) {
      for (let j = 0; j < values.length; j += 1) {
        if (i === j) continue;
        const row = o[index.get(values[i] as number) as number] as number[];
        const col = index.get(values[j] as number) as number;
        row[col] = (row[col] as number) + weight;
      }
    }
  }
  const nc = o.map((row) => row.reduce((sum, x) => sum + x, 0));
  const n = nc.reduce((sum, x) => sum + x, 0);
  if (n < 2) return null;
  const delta = distanceFunction(level, distinct, nc);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c += 1) {
    for (let k = 0; k < size; k += 1) {
      const d = delta(c, k);
      observed += ((o[c] as number[])[k] as number) * d;
      expected += (nc[c] as number) * (nc[k] as number) * d;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** The squared distance between the c-th and k-th values (indices into the sorted distinct values). */
function distanceFunction(level: MeasurementLevel, values: readonly number[], nc: readonly number[]): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (level === 'interval') return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
  // Ordinal: the number of values between the two ranks, counting each end by half.
  const cumulative = [0];
  for (const count of nc) cumulative.push((cumulative[cumulative.length - 1] as number) + count);
  return (c, k) => {
    if (c === k) return 0;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    const between = (cumulative[hi + 1] as number) - (cumulative[lo] as number);
    return (between - ((nc[lo] as number) + (nc[hi] as number)) / 2) ** 2;
  };
}
