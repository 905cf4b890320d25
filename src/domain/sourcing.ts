import type { Lane } from './role';

/**
 * Sourcing from the right pool (the guide's step 3): keyword sets per lane with the team's stack
 * merged in, boolean searches to copy, and a local keyword scan of a pasted résumé. Everything
 * here is pure and deterministic; the scan only finds words, the screener decides.
 */

export const STACK_MAX_ENTRIES = 40;
export const STACK_ENTRY_MAX_LENGTH = 60;
/** A pasted résumé or profile longer than this is refused, not scanned. */
export const RESUME_TEXT_MAX_LENGTH = 200_000;

export type KeywordGroup = { key: string; label: string; keywords: readonly string[] };

/** The guide's tools and practices per lane. The first group of each lane takes the team's stack. */
export const LANE_KEYWORD_GROUPS: Record<Lane, readonly KeywordGroup[]> = {
  'pipeline-owner': [
    { key: 'tools', label: 'Pipeline tools', keywords: ['MLflow', 'Kubeflow', 'Feast', 'Argo', 'model registry'] },
    {
      key: 'practice',
      label: 'Pipeline practice',
      keywords: ['feature pipelines', 'feature store', 'model promotion', 'promotion gates', 'retraining'],
    },
  ],
  'serving-reliability': [
    {
      key: 'tools',
      label: 'Serving tools',
      keywords: ['Triton', 'KServe', 'SageMaker endpoints', 'Vertex AI endpoints', 'model serving'],
    },
    { key: 'practice', label: 'Reliability practice', keywords: ['autoscaling', 'p99', 'on-call', 'latency', 'SLO'] },
  ],
  'platform-builder': [
    { key: 'tools', label: 'Platform tools', keywords: ['Kubernetes', 'Kubeflow', 'Argo', 'MLflow'] },
    { key: 'practice', label: 'Platform practice', keywords: ['paved road', 'multi-team', 'ML platform', 'self-service'] },
  ],
};

/** Production signals the guide says to prioritise, whatever the lane. */
export const PRODUCTION_SIGNAL_KEYWORDS: readonly string[] = [
  'on-call rotation',
  'endpoint reliability',
  'feature pipelines',
  'model promotion',
  'production',
  'Arize',
  'WhyLabs',
];

/** Stats packages: the one wrong-pool family a search can exclude outright. */
export const WRONG_POOL_EXCLUDE: readonly string[] = ['SPSS', 'Stata', 'SAS', 'R Markdown'];

/**
 * Wrong-pool signals to WATCH for, never to exclude by themselves: a notebook, Terraform or an
 * adjacent title is fine beside a production ML stack.
 */
export const WRONG_POOL_WATCH: readonly string[] = [
  'notebooks',
  'Jupyter',
  'Terraform',
  'ML engineer',
  'data engineer',
  'DevOps engineer',
  'data scientist',
];

export type SourcingKeywords = {
  lane: Lane;
  /** The must-have groups, the team's stack merged into the first. */
  groups: KeywordGroup[];
  production: string[];
  wrongPool: { exclude: string[]; watch: string[] };
};

const tidy = (entry: string) => entry.normalize('NFC').trim().replace(/\s+/gu, ' ');
const keyOf = (entry: string) => tidy(entry).toLowerCase();

function dedupe(entries: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of entries) {
    const clean = tidy(entry);
    if (clean === '' || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    out.push(clean);
  }
  return out;
}

export type StackCheck = { ok: true; stack: string[] } | { ok: false; message: string };

/** The team's stack as entered: trimmed, blanks dropped, duplicates (any case) dropped, limits checked. */
export function checkStack(entries: readonly string[]): StackCheck {
  const tooLong = entries.map(tidy).find((e) => e.length > STACK_ENTRY_MAX_LENGTH);
  if (tooLong !== undefined) {
    return {
      ok: false,
      message: `Each stack entry is at most ${STACK_ENTRY_MAX_LENGTH} characters; "${tooLong.slice(0, 20)}…" has ${tooLong.length}.`,
    };
  }
  const stack = dedupe(entries);
  if (stack.length > STACK_MAX_ENTRIES) {
    return { ok: false, message: `A stack has at most ${STACK_MAX_ENTRIES} tools; this one has ${stack.length}.` };
  }
  return { ok: true, stack };
}

/**
 * The lane's keyword sets with the stack merged into its tools group. A stack that fails
 * `checkStack` is used as far as it is valid (long entries dropped, the first 40 kept), so a
 * search is always available; the form shows `checkStack`'s message. A stack tool is never
 * excluded: "SAS" in the team's stack leaves the exclusion list.
 */
export function sourcingKeywords(lane: Lane, stack: readonly string[] = []): SourcingKeywords {
  const usable = dedupe(stack.filter((e) => tidy(e).length <= STACK_ENTRY_MAX_LENGTH)).slice(0, STACK_MAX_ENTRIES);
  const stackKeys = new Set(usable.map(keyOf));
  const groups = LANE_KEYWORD_GROUPS[lane].map((group, index) => ({
    ...group,
    keywords: index === 0 ? dedupe([...group.keywords, ...usable]) : [...group.keywords],
  }));
  return {
    lane,
    groups,
    production: [...PRODUCTION_SIGNAL_KEYWORDS],
    wrongPool: {
      exclude: WRONG_POOL_EXCLUDE.filter((t) => !stackKeys.has(keyOf(t))),
      watch: WRONG_POOL_WATCH.filter((t) => !stackKeys.has(keyOf(t))),
    },
  };
}

/** A term as a search engine reads it: quoted unless it is one plain word; inner quotes dropped. */
export function quoteTerm(term: string): string {
  const clean = tidy(term.replace(/"/gu, ''));
  return /^[\p{L}\p{N}]+$/u.test(clean) ? clean : `"${clean}"`;
}

/** One OR clause: parenthesised when it has more than one term. */
export function orClause(terms: readonly string[]): string {
  const quoted = dedupe(terms).map(quoteTerm);
  return quoted.length === 1 ? (quoted[0] ?? '') : `(${quoted.join(' OR ')})`;
}

export type BooleanSearches = {
  /** Every must-have group, AND between them. */
  general: string;
  /** One search per must-have group. */
  perGroup: { key: string; label: string; search: string }[];
  /** Append to a search to leave out the stats-package pool. */
  exclude: string;
  /** Terms to watch for on a résumé, not to exclude. */
  watch: string[];
};

export function booleanSearches(lane: Lane, stack: readonly string[] = []): BooleanSearches {
  const { groups, wrongPool } = sourcingKeywords(lane, stack);
  const perGroup = groups.map((g) => ({ key: g.key, label: g.label, search: orClause(g.keywords) }));
  return {
    general: perGroup.map((g) => g.search).join(' AND '),
    perGroup,
    exclude: wrongPool.exclude.length === 0 ? '' : `NOT ${orClause(wrongPool.exclude)}`,
    watch: wrongPool.watch,
  };
}

export type KeywordMatch = { keyword: string; start: number; end: number; text: string };
export type KeywordScan =
  | { ok: true; matches: KeywordMatch[]; found: string[] }
  | { ok: false; message: string };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** A keyword as a pattern: metacharacters escaped, any run of whitespace between its words. */
function keywordPattern(keyword: string): string {
  return tidy(keyword).split(' ').map(escapeRegExp).join('\\s+');
}

/**
 * Finds the keywords in pasted text: case-insensitive, whole words on Unicode letter/number
 * boundaries ("Argo" is not in "Argonaut", "p99" is in "(p99)"), the longest keyword first where
 * two start at the same place. Matches carry their offsets for highlighting; `found` lists the
 * distinct keywords found, in the order given. Text over RESUME_TEXT_MAX_LENGTH is refused.
 */
export function findKeywords(text: string, keywords: readonly string[]): KeywordScan {
  if (text.length > RESUME_TEXT_MAX_LENGTH) {
    return {
      ok: false,
      message: `This text is ${text.length.toLocaleString('en')} characters; paste at most ${RESUME_TEXT_MAX_LENGTH.toLocaleString('en')} (the résumé itself, not the whole page).`,
    };
  }
  const list = dedupe(keywords);
  if (list.length === 0 || text === '') return { ok: true, matches: [], found: [] };
  const byLength = [...list].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${byLength.map((k) => `(${keywordPattern(k)})`).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const matches: KeywordMatch[] = [];
  const foundKeys = new Set<string>();
  for (const m of text.matchAll(pattern)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const keyword = byLength[group - 1];
    if (keyword === undefined) continue;
    matches.push({ keyword, start: m.index, end: m.index + m[0].length, text: m[0] });
    foundKeys.add(keyword);
  }
  return { ok: true, matches, found: list.filter((k) => foundKeys.has(k)) };
}
