import { COMP_BASIS_LABELS, LEVEL_LABELS, REFERENCE_COMP_2026, formatMoney, type CompBand, type Level, type Warning } from './role';

/**
 * The 2026 reference is base salary in US dollars. A band on another basis (total cash, a full
 * package) or in another currency is compared only through a factor and an exchange rate the
 * person states; without them the check says plainly that no comparison is made. Neither is
 * stored with the role: they are asked for where the check is shown, for that check.
 */
export const COMP_FACTOR_RANGE = { min: 1, max: 3 } as const;
/** US dollars per one unit of the band's currency: wide enough for the yen and the franc alike. */
export const USD_RATE_RANGE = { min: 0.0001, max: 100 } as const;

export type CompAdjustment = {
  /** The band's basis as a multiple of base salary (total cash ≈ base × 1.15), for a band that is not base. */
  factor?: number | undefined;
  /** US dollars per one unit of the band's currency, for a band not in US dollars. */
  usdPerUnit?: number | undefined;
};

export type CompCheck = {
  /** What the band was compared with, in a sentence; null when no comparison is made. */
  comparedWith: string | null;
  /** Why no comparison is made; null when one is. */
  notCompared: string | null;
  /** Advice from the comparison (below, above, partly outside the reference). */
  warnings: Warning[];
  /** Which of the two the band needs before it can be compared. */
  needsFactor: boolean;
  needsRate: boolean;
};

const NOTHING: CompCheck = { comparedWith: null, notCompared: null, warnings: [], needsFactor: false, needsRate: false };

const usable = (value: number | undefined, range: { min: number; max: number }): value is number =>
  value !== undefined && Number.isFinite(value) && value >= range.min && value <= range.max;

const trimNumber = (n: number) => String(Number(n.toPrecision(6)));

export function checkCompBand(band: Partial<CompBand>, level: Level | undefined, adjustment: CompAdjustment = {}): CompCheck {
  if (!level || band.min === undefined || band.max === undefined) return NOTHING;
  if (Number.isNaN(band.min) || Number.isNaN(band.max) || band.min > band.max) return NOTHING;
  const basis = band.basis ?? 'base';
  const currency = band.currency ?? 'USD';
  const needsFactor = basis !== 'base';
  const needsRate = currency !== 'USD';
  const ref = REFERENCE_COMP_2026[level];
  const levelName = LEVEL_LABELS[level].toLowerCase();
  const basisName = COMP_BASIS_LABELS[basis].toLowerCase();

  const reasons: string[] = [];
  if (needsFactor && !usable(adjustment.factor, COMP_FACTOR_RANGE)) {
    const given = adjustment.factor !== undefined && !Number.isNaN(adjustment.factor);
    reasons.push(
      given
        ? `The factor must be from ${COMP_FACTOR_RANGE.min} to ${COMP_FACTOR_RANGE.max}, so this ${basisName} band is not compared with the base-salary reference.`
        : `The 2026 reference is base salary only, and this band covers ${basisName}: no comparison is made. Enter the factor you use from base to ${basisName} to compare it.`,
    );
  }
  if (needsRate && !usable(adjustment.usdPerUnit, USD_RATE_RANGE)) {
    const given = adjustment.usdPerUnit !== undefined && !Number.isNaN(adjustment.usdPerUnit);
    reasons.push(
      given
        ? `The exchange rate must be more than 0 and at most ${USD_RATE_RANGE.max} US dollars per ${currency}, so this band is not compared.`
        : `The 2026 reference is in US dollars, and this band is in ${currency}: no comparison is made. Enter the exchange rate you use to compare it.`,
    );
  }
  if (reasons.length > 0) return { ...NOTHING, notCompared: reasons.join(' '), needsFactor, needsRate };

  const factor = needsFactor ? (adjustment.factor as number) : 1;
  const rate = needsRate ? (adjustment.usdPerUnit as number) : 1;
  const refMin = Math.round(ref.min * factor);
  const refMax = Math.round(ref.max * factor);
  const min = Math.round(band.min * rate);
  const max = Math.round(band.max * rate);
  const range = `${formatMoney(refMin, 'USD')}–${formatMoney(refMax, 'USD')}`;
  const parts: string[] = [];
  if (needsRate) parts.push(`${currency} band converted at 1 ${currency} = ${trimNumber(rate)} USD: ${formatMoney(min, 'USD')}–${formatMoney(max, 'USD')}`);
  if (needsFactor) parts.push(`${COMP_BASIS_LABELS[basis]} compared with base × ${trimNumber(factor)}: ${range}`);
  const comparedWith = parts.length > 0 ? `${parts.join('. ')}.` : `Base salary compared with the 2026 ${levelName} base reference of ${range}.`;
  const reference = needsFactor ? `the 2026 ${levelName} reference as ${basisName} (base × ${trimNumber(factor)}) of ${range}` : `the 2026 ${levelName} reference of ${range}`;

  const warnings: Warning[] = [];
  if (max < refMin) {
    warnings.push({ code: 'below-reference', message: `This band is below ${reference}. Expect strong candidates to decline.` });
  } else if (min > refMax) {
    warnings.push({ code: 'above-reference', message: `This band is above ${reference}. Check the level: this may be a senior or staff role.` });
  } else if (min < refMin || max > refMax) {
    warnings.push({ code: 'partly-outside-reference', message: `Part of this band falls outside ${reference}.` });
  }
  return { comparedWith, notCompared: null, warnings, needsFactor, needsRate };
}

/** The check as advice to show at the band: why nothing is compared, or what the comparison found. */
export function assessCompBand(band: Partial<CompBand>, level: Level | undefined, adjustment: CompAdjustment = {}): Warning[] {
  const check = checkCompBand(band, level, adjustment);
  if (check.notCompared) return [{ code: 'not-compared', message: check.notCompared }];
  return check.warnings;
}
