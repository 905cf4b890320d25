import { STACK_ENTRY_MAX_LENGTH, STACK_MAX_ENTRIES, stackKey, tidyTool, type Lane } from './role';

export { STACK_ENTRY_MAX_LENGTH, STACK_MAX_ENTRIES };

/**
 * Sourcing from the right pool (the guide's step 3): keyword sets per lane with the team's stack
 * merged in, boolean searches to copy, and a local keyword scan of a pasted résumé. Everything
 * here is pure and deterministic; the scan only finds words, the screener decides.
 */

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

/** The tools a team picks its stack from, by part of the stack (the guide's tools among them); free entries are allowed too. */
export const STACK_CHOICES: readonly { part: string; tools: readonly string[] }[] = [
  { part: 'Cloud', tools: ['AWS', 'Google Cloud', 'Azure'] },
  { part: 'Orchestration', tools: ['Kubernetes', 'Kubeflow', 'Argo', 'Airflow'] },
  { part: 'Serving', tools: ['Triton', 'KServe', 'SageMaker', 'Vertex AI', 'Seldon', 'BentoML'] },
  { part: 'Feature store and registry', tools: ['Feast', 'Tecton', 'MLflow'] },
  { part: 'Observability', tools: ['Arize', 'WhyLabs', 'Evidently', 'Prometheus', 'Grafana'] },
];

export type Signal<K extends string> = { key: K; label: string; keywords: readonly string[] };

/** What a screener looks for: the guide's production signals, each with the words that suggest it. */
export const PRODUCTION_SIGNALS = [
  { key: 'production-ml', label: 'Shipped or operated production ML', keywords: ['production', 'in production', 'shipped', 'deployed models'] },
  { key: 'on-call', label: 'On-call for ML systems', keywords: ['on-call rotation', 'on-call', 'on call', 'PagerDuty', 'incident response'] },
  { key: 'endpoint-reliability', label: 'Endpoint reliability', keywords: ['endpoint reliability', 'p99', 'SLO', 'autoscaling', 'latency'] },
  { key: 'feature-pipelines', label: 'Feature pipelines', keywords: ['feature pipelines', 'feature pipeline', 'feature store'] },
  { key: 'model-promotion', label: 'Model promotion', keywords: ['model promotion', 'promotion gates', 'model registry', 'canary'] },
] as const satisfies readonly Signal<string>[];
export type ProductionSignal = (typeof PRODUCTION_SIGNALS)[number]['key'];
export const PRODUCTION_SIGNAL_KEYS = PRODUCTION_SIGNALS.map((s) => s.key) as [ProductionSignal, ...ProductionSignal[]];

/** Wrong-pool signals (the guide: notebooks, stats packages, generic Terraform, adjacent roles). */
export const WRONG_POOL_SIGNALS = [
  { key: 'notebooks-only', label: 'Notebooks only', keywords: ['notebooks', 'Jupyter', 'Colab', 'Kaggle'] },
  { key: 'stats-packages', label: 'Stats packages', keywords: ['SPSS', 'Stata', 'SAS', 'R Markdown'] },
  { key: 'generic-terraform', label: 'Generic Terraform, no ML stack', keywords: ['Terraform', 'CloudFormation'] },
  { key: 'adjacent-title', label: 'Adjacent role title', keywords: ['ML engineer', 'data engineer', 'DevOps engineer', 'data scientist'] },
] as const satisfies readonly Signal<string>[];
export type WrongPoolSignal = (typeof WRONG_POOL_SIGNALS)[number]['key'];
export const WRONG_POOL_SIGNAL_KEYS = WRONG_POOL_SIGNALS.map((s) => s.key) as [WrongPoolSignal, ...WrongPoolSignal[]];

/**
 * What the guide says to prioritise on a résumé, whatever the lane: each production signal's main
 * words (its variants are for the scan, not for people to read) and the guide's observability tools.
 */
export const PRODUCTION_SIGNAL_KEYWORDS: readonly string[] = [...PRODUCTION_SIGNALS.map((s) => s.keywords[0]), 'Arize', 'WhyLabs'];

/** Stats packages: the one wrong-pool family a search can exclude outright. */
export const WRONG_POOL_EXCLUDE: readonly string[] = WRONG_POOL_SIGNALS.filter((s) => s.key === 'stats-packages').flatMap((s) => s.keywords);

/**
 * Wrong-pool signals to WATCH for, never to exclude by themselves: a notebook, Terraform or an
 * adjacent title is fine beside a production ML stack.
 */
export const WRONG_POOL_WATCH: readonly string[] = WRONG_POOL_SIGNALS.filter((s) => s.key !== 'stats-packages').flatMap((s) => s.keywords);

export type SourcingKeywords = {
  lane: Lane;
  /** The must-have groups, the team's stack merged into the first. */
  groups: KeywordGroup[];
  production: string[];
  wrongPool: { exclude: string[]; watch: string[] };
};

const tidy = tidyTool;
const keyOf = stackKey;

function dedupe(entries: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of entries) {
    const clean = tidy(entry);
    if (clean === '' || seen.has(keyOf(clean))) continue;
    seen.add(keyOf(clean));
    out.push(clean);
  }
  return out;
}

/**
 * The stack as far as it is valid (a role's stack always is, by its schema; this keeps a search
 * available for any list): names tidied, blanks and repeats dropped, names over the limit left
 * out, the first 40 kept.
 */
function usableStack(stack: readonly string[]): string[] {
  return dedupe(stack.filter((e) => tidy(e).length <= STACK_ENTRY_MAX_LENGTH)).slice(0, STACK_MAX_ENTRIES);
}

/**
 * The lane's keyword sets with the usable stack merged into its tools group. A stack tool is never
 * excluded: "SAS" in the team's stack leaves the exclusion list.
 */
export function sourcingKeywords(lane: Lane, stack: readonly string[] = []): SourcingKeywords {
  const usable = usableStack(stack);
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

export type ScreenSuggestions = {
  matches: KeywordMatch[];
  /** Distinct keywords found, in the order searched. */
  found: string[];
  production: ProductionSignal[];
  wrongPool: WrongPoolSignal[];
  /** The role's stack tools the text names. */
  stackTools: string[];
};

/**
 * What a pasted résumé or profile suggests to the screener, who confirms each: a signal is suggested
 * when one of its words is found, the role's stack tools when named. Two wrong-pool signals need
 * the absence of the other side: "notebooks only" when no production signal or stack tool shows, and
 * "generic Terraform" when no ML tool of the lane or the stack does.
 */
export function suggestScreen(text: string, lane: Lane, stack: readonly string[] = []): { ok: true; suggestions: ScreenSuggestions } | { ok: false; message: string } {
  const lanes = sourcingKeywords(lane, stack);
  const stackTools = usableStack(stack);
  const laneTools = lanes.groups[0]?.keywords ?? [];
  const all = [...PRODUCTION_SIGNALS.flatMap((s) => s.keywords), ...WRONG_POOL_SIGNALS.flatMap((s) => s.keywords), ...laneTools, ...stackTools];
  const scan = findKeywords(text, all);
  if (!scan.ok) return scan;
  const found = new Set(scan.found.map(keyOf));
  const has = (keywords: readonly string[]) => keywords.some((k) => found.has(keyOf(k)));
  const production = PRODUCTION_SIGNALS.filter((s) => has(s.keywords)).map((s) => s.key);
  const toolsNamed = stackTools.filter((t) => found.has(keyOf(t)));
  const mlTools = has(laneTools) || toolsNamed.length > 0;
  const wrongPool = WRONG_POOL_SIGNALS.filter((s) => {
    if (!has(s.keywords)) return false;
    if (s.key === 'notebooks-only') return production.length === 0 && toolsNamed.length === 0;
    if (s.key === 'generic-terraform') return !mlTools;
    return true;
  }).map((s) => s.key);
  return { ok: true, suggestions: { matches: scan.matches, found: scan.found, production, wrongPool, stackTools: toolsNamed } };
}
