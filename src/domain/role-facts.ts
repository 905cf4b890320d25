/**
 * What the roles list (the first screen) needs to show a role: lanes, levels, bands and the search
 * clock's rules. No schemas here, so the first screen does not load the validation library.
 */
export const LANES = ['pipeline-owner', 'serving-reliability', 'platform-builder'] as const;
export type Lane = (typeof LANES)[number];

export const LANE_INFO: Record<Lane, { label: string; owns: string; example: string }> = {
  'pipeline-owner': {
    label: 'Pipeline owner',
    owns: 'Model promotion pipelines, retraining, and feature reuse across models.',
    example: 'Own model promotion pipelines and feature reuse.',
  },
  'serving-reliability': {
    label: 'Serving & reliability',
    owns: 'Endpoint latency, autoscaling, on-call and paging for models in production.',
    example: 'Migrate model serving off Flask, improve autoscaling, and cut p99 latency.',
  },
  'platform-builder': {
    label: 'Full-stack platform builder',
    owns: 'Standing up the ML platform a growing team builds on: paved roads, shared tooling.',
    example: 'Stand up the ML platform for a growing team.',
  },
};

export const LEVELS = ['mid', 'senior'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { mid: 'Mid-level', senior: 'Senior' };

export const COMP_BASES = ['base', 'total-cash', 'package'] as const;
export type CompBasis = (typeof COMP_BASES)[number];
export const COMP_BASIS_LABELS: Record<CompBasis, string> = {
  base: 'Base salary',
  'total-cash': 'Total cash',
  package: 'Full package (equity and bonus)',
};

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'SEK', 'PLN', 'INR', 'SGD', 'JPY'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** 2026 market reference for MLOps engineers, in US dollars. */
export const REFERENCE_COMP_2026: Record<Level, { min: number; max: number; currency: 'USD' }> = {
  mid: { min: 170_000, max: 230_000, currency: 'USD' },
  senior: { min: 235_000, max: 325_000, currency: 'USD' },
};

/** How en-US writes an amount in each currency: its symbol, or its code and a no-break space. */
const CURRENCY_PREFIX: Record<Currency, string> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  CAD: 'CA$',
  AUD: 'A$',
  CHF: 'CHF\u00a0',
  SEK: 'SEK\u00a0',
  PLN: 'PLN\u00a0',
  INR: '₹',
  SGD: 'SGD\u00a0',
  JPY: '¥',
};
const KILO = { size: 1e3, suffix: 'K' };
const COMPACT_UNITS = [{ size: 1e12, suffix: 'T' }, { size: 1e9, suffix: 'B' }, { size: 1e6, suffix: 'M' }, KILO];

/**
 * "$240K", "CHF 1M", "€9,500": what en-US `Intl.NumberFormat` writes (whole units; compact from
 * 10,000). The compact amounts of a band's own currencies are written here, digit for digit the
 * same (the tests compare them), because a page's first `Intl.NumberFormat` loads the locale data,
 * 30–45 ms of the main thread in Chromium, and every role card on the first screen shows its band.
 * Any other amount or currency goes to `Intl`.
 */
export function formatMoney(amount: number, currency: string): string {
  const prefix = (CURRENCY_PREFIX as Partial<Record<string, string>>)[currency];
  if (prefix === undefined || !(amount >= 10_000 && amount < 1e12)) return intlMoney(amount, currency);
  // The largest unit the amount reaches; one that rounds up to 1,000 gives way to the next.
  let unit = COMPACT_UNITS.find((u) => amount >= u.size) ?? KILO;
  const larger = COMPACT_UNITS[COMPACT_UNITS.indexOf(unit) - 1];
  if (larger && Math.round(amount / unit.size) >= 1000) unit = larger;
  // Rounded half away from zero, as Intl does.
  return `${prefix}${Math.round(amount / unit.size)}${unit.suffix}`;
}

function intlMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0, notation: amount >= 10_000 ? 'compact' : 'standard' }).format(amount);
  } catch {
    // An unknown currency code would throw; show the number with the code instead.
    return `${amount.toLocaleString('en-US')} ${currency}`;
  }
}

/** The clean-search window from the 2026 guide, and the point where a search has gone wrong. */
export const CLEAN_SEARCH_WEEKS = { min: 4, max: 7 } as const;
export const STALLED_SEARCH_DAYS = 90;

export type SearchHealth = 'on-track' | 'overdue' | 'stalled';

const DAY_MS = 86_400_000;

/** Whole calendar days since the role opened, by the device's local date; never negative. */
export function daysOpen(openedOn: string, today: Date): number {
  const opened = Date.parse(`${openedOn}T00:00:00Z`);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (Number.isNaN(opened)) return 0;
  return Math.max(0, Math.floor((now - opened) / DAY_MS));
}

export function searchHealth(days: number): SearchHealth {
  if (days > STALLED_SEARCH_DAYS) return 'stalled';
  if (days > CLEAN_SEARCH_WEEKS.max * 7) return 'overdue';
  return 'on-track';
}

export const SEARCH_HEALTH_LABELS: Record<SearchHealth, string> = {
  'on-track': 'On track',
  overdue: 'Past 7 weeks',
  stalled: 'Past 90 days',
};
