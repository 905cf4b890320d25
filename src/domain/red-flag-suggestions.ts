import type { Rubric } from './rubric';

/**
 * Red-flag SUGGESTIONS read from the interviewer's own notes. They only suggest: the interviewer
 * decides, and nothing here ever raises a flag. Every rule is a plain word count over the notes so
 * the same notes always give the same suggestions, and the interviewer can see why from the
 * phrases quoted back.
 *
 * Matching, for every list below: whole words, case-insensitive. A word is bounded by anything
 * that is not a letter, digit or underscore, so "pageant" is not "page" and "calloss" is not
 * "loss". In a listed term a space or hyphen matches any run of spaces/hyphens or none
 * ("roll back" matches "rollback", "roll-back", "roll back"), an apostrophe matches ' or ’, a
 * trailing `*` allows any letters after it ("autoscal*" matches "autoscaling", "autoscaler") and a
 * leading `*` stands for a word ("*'d" matches "we'd", "you'd").
 */

/** The built-in rubric's red-flag keys these rules can suggest (`src/domain/builtin-rubric.ts`). */
export const SUGGESTIBLE_RED_FLAG_KEYS = {
  theoretical: 'theoretical',
  accuracyOnly: 'accuracy-only',
  noOwnership: 'no-ownership',
} as const;
export type SuggestibleRedFlagKey = (typeof SUGGESTIBLE_RED_FLAG_KEYS)[keyof typeof SUGGESTIBLE_RED_FLAG_KEYS];

export const SUGGESTION_MAX_PHRASES = 5;
export const SUGGESTION_PHRASE_MAX_LENGTH = 80;

export type RedFlagSuggestion = {
  /** A red-flag key of the rubric passed in, never one it does not have. */
  key: string;
  /** The rubric's own label for that flag. */
  label: string;
  /** Why, in one plain sentence. */
  because: string;
  /** Exact substrings of the notes that triggered it, in note order: at most 5, each at most 80 characters. */
  phrases: string[];
  /** What to put in the red flag's note if the interviewer accepts: the phrases, quoted. */
  note: string;
};

export type SuggestRedFlagsInput = {
  /** Evidence texts and running-note lines, as typed; each may hold several lines. */
  texts: readonly string[];
  rubric: Pick<Rubric, 'redFlags'>;
  /** Keys of the flags already raised on the scorecard: never suggested again. */
  raised: readonly string[];
};

// ---------------------------------------------------------------------------------------------
// Rule 1, "Only model accuracy discussed": over ALL the notes (the interviewer's words too),
// at least one accuracy term and not a single operational term.

export const ACCURACY_TERMS = [
  'accuracy',
  'F1',
  'F1 score',
  'AUC',
  'AUROC',
  'ROC',
  'precision',
  'recall',
  'loss',
  'log loss',
  'cross-entropy',
  'RMSE',
  'MSE',
  'MAE',
  'MAPE',
  'BLEU',
  'ROUGE',
  'perplexity',
  'confusion matrix',
  'holdout',
  'validation set',
  'test set',
  'overfitting',
  'overfit',
] as const;

/**
 * An accuracy term preceded by one of these words is ordinary English, not a model metric:
 * "as I recall", "data loss", "packet loss" (which is an operational signal, not model quality).
 */
export const NOT_ACCURACY_WHEN_PRECEDED_BY: Readonly<Record<string, readonly string[]>> = {
  recall: ['I', 'we', 'you', 'they', 'to', 'as', "don't", "can't", 'cannot'],
  loss: ['data', 'revenue', 'packet', 'traffic', 'money', 'customer', 'customers', 'user', 'users', 'job', 'jobs'],
};

export const OPERATIONAL_TERMS = [
  'p50',
  'p90',
  'p95',
  'p99',
  'p999',
  'latency',
  'alert',
  'alerts',
  'alerted',
  'alerting',
  'page',
  'pages',
  'paged',
  'paging',
  'pager',
  'pagers',
  'on-call',
  'rollback',
  'rollbacks',
  'rolled back',
  'roll back',
  'rolling back',
  'revert',
  'reverts',
  'reverted',
  'reverting',
  'canary',
  'canaries',
  'canaried',
  'SLO',
  'SLOs',
  'SLA',
  'SLAs',
  'SLI',
  'SLIs',
  'error budget',
  'error budgets',
  'post-mortem',
  'post-mortems',
  'incident',
  'incidents',
  'outage',
  'outages',
  'dashboard',
  'dashboards',
  'runbook',
  'runbooks',
  'deploy',
  'deploys',
  'deployed',
  'deploying',
  'deployment',
  'deployments',
  'throughput',
  // The one open-ended stem: autoscaling, autoscaler, autoscaled. Elsewhere the forms are
  // spelt out, because a stem also matches longer words ("incidentally", "alertness").
  'autoscal*',
  'timeout',
  'timeouts',
  'uptime',
  'feature flag',
  'feature flags',
  'traffic',
  'Grafana',
  'Prometheus',
  'Datadog',
  'PagerDuty',
  'Opsgenie',
  'Sentry',
  'Splunk',
  'New Relic',
  'Honeycomb',
  'OpenTelemetry',
] as const;

// ---------------------------------------------------------------------------------------------
// The candidate's own words, for rules 2 and 3. Notes are read line by line:
// - a running-note stamp at the start of a line ("12:03 — ") is the app's, not the candidate's;
// - a speaker marker (`C:` or `Candidate:` for the candidate; `Q:`, `I:`, `Interviewer:` for the
//   interviewer) at the start of a line or after a space starts a segment that runs to the next
//   marker or the end of the LINE (a marker never carries over to the next line);
// - outside candidate segments, text inside quotes is the candidate's: "…", “…”, ‘…’, and '…'
//   only when clearly quoting — it opens after a space, a bracket, a colon or a dash, holds at
//   least two words, and closes before something that is not a letter or digit (so the
//   apostrophes of "don't" or "team's", and a name like 'rollback', are not quotes).
// Quotes are never read across a line break: one stray mark cannot swallow the rest of the notes.

export const CANDIDATE_MARKERS = ['C', 'Candidate', 'candidate', 'CANDIDATE'] as const;
export const INTERVIEWER_MARKERS = ['Q', 'I', 'Interviewer', 'interviewer', 'INTERVIEWER'] as const;

// ---------------------------------------------------------------------------------------------
// Rule 2, "No personal ownership": at least one candidate segment, at least one team-voice term
// in the candidate's words, and not one personal-voice term.

/**
 * First person singular as the one who acts. "me" and "my" are deliberately left out: "they paged
 * me" says what happened to the candidate, "let me think" is filler, and "my team did it" is the
 * very team voice this flag is about.
 */
export const PERSONAL_VOICE_TERMS = ['I', "I'm", "I've", "I'd", "I'll", 'myself'] as const;

/** "we", its forms, and the team named as the one who acted. */
export const TEAM_VOICE_TERMS = ['we', "we're", "we've", "we'd", "we'll", 'our', 'ours', 'ourselves', 'the team', 'our team', 'my team'] as const;

// ---------------------------------------------------------------------------------------------
// Rule 3, "Answers stay theoretical": in the candidate's words, modal verbs number at least
// THEORETICAL_MIN_MODALS and more than the past-tense action verbs, and there is no concrete
// anchor: no digit at all (numbers, 02:10, p99, 40%), no "%", no "ms", no number word, no time
// word, no tool name. Negative modals (wouldn't, couldn't, shouldn't) are not counted: "we
// couldn't roll back" reports what happened.

export const THEORETICAL_MIN_MODALS = 3;

/** `*'d` is any contraction of would/had: "we'd", "I'd", "you'd", "they'd". */
export const MODAL_TERMS = ['would', 'should', 'could', "would've", "should've", "could've", "*'d"] as const;

export const PAST_ACTION_VERBS = [
  'did',
  'rolled',
  'paged',
  'deployed',
  'shipped',
  'fixed',
  'found',
  'noticed',
  'saw',
  'checked',
  'looked',
  'ran',
  'wrote',
  'added',
  'changed',
  'built',
  'moved',
  'pinned',
  'restarted',
  'reverted',
  'retrained',
  'promoted',
  'disabled',
  'enabled',
  'killed',
  'drained',
  'scaled',
  'migrated',
  'patched',
  'traced',
  'debugged',
  'diagnosed',
  'confirmed',
  'ruled',
  'opened',
  'filed',
  'led',
  'owned',
  'called',
  'decided',
  'escalated',
  'mitigated',
  'switched',
  'flipped',
  'turned',
  'replaced',
  'removed',
  'tested',
  'measured',
  'compared',
  'bisected',
  'investigated',
  'caught',
  'detected',
  'fired',
  'woke',
  'got',
  'took',
  'made',
  'stopped',
  'started',
  'paused',
  'froze',
  'blocked',
  'throttled',
  'failed over',
] as const;

export const NUMBER_WORDS = [
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'fifteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'ninety',
  'hundred*',
  'thousand*',
  'million*',
  'dozen*',
  'half',
  'ms',
] as const;

export const TIME_WORDS = [
  'midnight',
  'noon',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'weekend',
  'overnight',
  'yesterday',
] as const;

export const TOOL_NAMES = [
  'Kubernetes',
  'k8s',
  'MLflow',
  'Kubeflow',
  'Feast',
  'SageMaker',
  'Vertex AI',
  'Triton',
  'KServe',
  'Seldon',
  'BentoML',
  'Ray Serve',
  'TorchServe',
  'TensorFlow Serving',
  'TF Serving',
  'ONNX',
  'Argo',
  'Argo CD',
  'Arize',
  'WhyLabs',
  'Evidently',
  'Prometheus',
  'Grafana',
  'Datadog',
  'PagerDuty',
  'Opsgenie',
  'Sentry',
  'Splunk',
  'Jaeger',
  'OpenTelemetry',
  'Airflow',
  'Dagster',
  'Spark',
  'Kafka',
  'Flink',
  'Redis',
  'Terraform',
  'Helm',
  'Istio',
  'Envoy',
  'Docker',
  'Flask',
  'FastAPI',
  'BigQuery',
  'Snowflake',
  'Databricks',
  'S3',
  'Postgres',
  'PostgreSQL',
  'DynamoDB',
  'Cassandra',
  'Elasticsearch',
  'Kibana',
  'Jenkins',
  'GitHub Actions',
] as const;

// ---------------------------------------------------------------------------------------------
// Matching

const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}_])';

function termSource(term: string): string {
  const prefix = term.endsWith('*');
  const body = prefix ? term.slice(0, -1) : term;
  const parts = [...body].map((ch) => {
    if (ch === ' ' || ch === '-') return '[\\s-]*';
    if (ch === "'") return "['’]";
    if (ch === '*') return '\\p{L}+';
    return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  // `[\s-]*` runs from a doubled separator collapse into one.
  const source = parts.join('').replace(/(\[\\s-\]\*)+/g, '[\\s-]*');
  return prefix ? `${source}\\p{L}*` : source;
}

/**
 * One regex for a whole list, longest terms first so "log loss" wins over "log". The word
 * boundaries wrap the whole alternation, not each term: V8 compiles a case-insensitive Unicode
 * lookbehind per alternative slowly (about 100 ms for a list of 60 on first use), once is cheap.
 */
function listPattern(terms: readonly string[]): RegExp {
  const sources = [...terms].sort((a, b) => b.length - a.length).map(termSource);
  return new RegExp(`${BEFORE}(?:${sources.join('|')})${AFTER}`, 'giu');
}

const ACCURACY = listPattern(ACCURACY_TERMS);
const OPERATIONAL = listPattern(OPERATIONAL_TERMS);
const PERSONAL_VOICE = listPattern(PERSONAL_VOICE_TERMS);
const TEAM_VOICE = listPattern(TEAM_VOICE_TERMS);
const MODALS = listPattern(MODAL_TERMS);
const PAST_ACTIONS = listPattern(PAST_ACTION_VERBS);
const CONCRETE_WORDS = listPattern([...NUMBER_WORDS, ...TIME_WORDS, ...TOOL_NAMES]);
const DIGIT_OR_PERCENT = /[\p{N}%]/u;

const STAMP = /^[ \t]*\d{1,2}(?::\d{2}){1,2}[ \t]+[—–-][ \t]*/;
const markerSource = (markers: readonly string[]) => markers.join('|');
const MARKER = new RegExp(
  `(?<=^|[\\s(\\[])(?:(?<candidate>${markerSource(CANDIDATE_MARKERS)})|(?:${markerSource(INTERVIEWER_MARKERS)})):`,
  'g',
);
const QUOTES = [
  /"([^"\n]+)"/g,
  /“([^”\n]+)”/g,
  /‘((?:[^’\n]|’(?=[\p{L}\p{N}]))+)’(?![\p{L}\p{N}])/gu,
  /(?<=^|[\s([:—–-])'([\p{L}\p{N}](?:[^'\n]|'(?=\p{L}))*?\s(?:[^'\n]|'(?=\p{L}))*?)'(?![\p{L}\p{N}])/gu,
];
const CLAUSE_END = /[.!?;]+(?=\s|$)/g;
const EDGE_JUNK = /[\s,;:—–\-"“”‘’']/u;

/**
 * Every match of a global pattern, in order. Not `String.prototype.matchAll`: it clones the regex
 * on each call, and a clone starts cold in V8's regex interpreter — about 50 times slower over a
 * long evidence text. The shared pattern's `lastIndex` is reset before and after, so no state
 * leaks between calls.
 */
function matchesOf(pattern: RegExp, value: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(value); m !== null; m = pattern.exec(value)) {
    found.push(m);
    if (m[0] === '') pattern.lastIndex += 1;
  }
  pattern.lastIndex = 0;
  return found;
}

/** A stretch of one text: `texts[text]`, characters `start` to `end` (exclusive). */
type Span = { text: number; start: number; end: number };
type Hit = { clause: Span; start: number; end: number; matched: string };

/** What one pass over the notes gives the rules: clauses of all the notes, and of the candidate's words. */
type Reading = { all: Span[]; candidate: Span[] };

function readNotes(texts: readonly string[]): Reading {
  const all: Span[] = [];
  const candidate: Span[] = [];
  texts.forEach((value, text) => {
    let lineStart = 0;
    for (const line of value.split('\n')) {
      const stamp = STAMP.exec(line);
      const from = stamp ? stamp[0].length : 0;
      let segmentStart = from;
      let segmentIsCandidate = false;
      const close = (end: number) => {
        const span = { text, start: lineStart + segmentStart, end: lineStart + end };
        all.push(...clausesOf(value, span));
        const spoken = segmentIsCandidate ? [span] : quotesIn(value, span);
        for (const words of spoken) candidate.push(...clausesOf(value, words));
      };
      for (const marker of matchesOf(MARKER, line.slice(from))) {
        const at = from + marker.index;
        close(at);
        segmentStart = at + marker[0].length;
        segmentIsCandidate = marker.groups?.['candidate'] !== undefined;
      }
      close(line.length);
      lineStart += line.length + 1;
    }
  });
  return { all, candidate };
}

function quotesIn(value: string, span: Span): Span[] {
  const slice = value.slice(span.start, span.end);
  const found: Span[] = [];
  for (const quote of QUOTES) {
    for (const m of matchesOf(quote, slice)) {
      const inner = m[1] ?? '';
      const start = span.start + m.index + m[0].indexOf(inner);
      found.push({ text: span.text, start, end: start + inner.length });
    }
  }
  // Note order, and a quote inside another quote is read once, as part of the outer one.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((q, i) => !found.slice(0, i).some((o) => o.start <= q.start && q.end <= o.end));
}

function clausesOf(value: string, span: Span): Span[] {
  const slice = value.slice(span.start, span.end);
  const clauses: Span[] = [];
  let start = 0;
  for (const end of matchesOf(CLAUSE_END, slice)) {
    clauses.push({ text: span.text, start: span.start + start, end: span.start + end.index });
    start = end.index + end[0].length;
  }
  clauses.push({ text: span.text, start: span.start + start, end: span.end });
  return clauses;
}

function hitsIn(texts: readonly string[], clauses: readonly Span[], pattern: RegExp): Hit[] {
  const hits: Hit[] = [];
  for (const clause of clauses) {
    const slice = (texts[clause.text] ?? '').slice(clause.start, clause.end);
    for (const m of matchesOf(pattern, slice)) {
      const start = clause.start + m.index;
      hits.push({ clause, start, end: start + m[0].length, matched: m[0] });
    }
  }
  return hits;
}

function wordBefore(value: string, index: number): string {
  const m = /([\p{L}'’]+)[\s-]+$/u.exec(value.slice(Math.max(0, index - 40), index));
  return (m?.[1] ?? '').replace(/’/g, "'").toLowerCase();
}

function isAccuracyHit(texts: readonly string[], hit: Hit): boolean {
  const exceptions = NOT_ACCURACY_WHEN_PRECEDED_BY[hit.matched.toLowerCase()];
  if (!exceptions) return true;
  const before = wordBefore(texts[hit.clause.text] ?? '', hit.start);
  return !exceptions.some((word) => word.toLowerCase() === before);
}

// ---------------------------------------------------------------------------------------------
// Phrases

/**
 * The clause around a hit, cut to whole words within the length limit and trimmed of spaces,
 * dashes and stray quote marks: always an exact substring of the notes.
 */
function phraseOf(texts: readonly string[], hit: Hit): string {
  const value = texts[hit.clause.text] ?? '';
  let { start, end } = hit.clause;
  const trim = () => {
    while (start < hit.start && EDGE_JUNK.test(value.charAt(start))) start += 1;
    while (end > hit.end && EDGE_JUNK.test(value.charAt(end - 1))) end -= 1;
  };
  trim();
  const [clauseStart, clauseEnd] = [start, end];
  if (end - start > SUGGESTION_PHRASE_MAX_LENGTH) {
    // Keep some words before the hit for context, the rest after it.
    const windowStart = Math.max(start, Math.min(hit.start - 24, end - SUGGESTION_PHRASE_MAX_LENGTH));
    const windowEnd = Math.min(end, windowStart + SUGGESTION_PHRASE_MAX_LENGTH);
    start = windowStart;
    end = windowEnd;
    // Never a cut word at either edge.
    if (start > clauseStart && /\S/.test(value.charAt(start - 1))) {
      while (start < hit.start && /\S/.test(value.charAt(start))) start += 1;
    }
    if (end < clauseEnd && /\S/.test(value.charAt(end))) {
      while (end > hit.end && /\S/.test(value.charAt(end - 1))) end -= 1;
    }
    trim();
  }
  return value.slice(start, end);
}

/** One phrase per clause (its first hit), distinct, in note order, at most five. */
function phrasesOf(texts: readonly string[], hits: readonly Hit[]): string[] {
  const phrases: string[] = [];
  const seen = new Set<Span>();
  for (const hit of hits) {
    if (seen.has(hit.clause)) continue;
    seen.add(hit.clause);
    const phrase = phraseOf(texts, hit);
    if (!phrases.includes(phrase)) phrases.push(phrase);
    if (phrases.length === SUGGESTION_MAX_PHRASES) break;
  }
  return phrases;
}

const quoted = (phrases: readonly string[]) => phrases.map((p) => `“${p}”`).join('; ');

// ---------------------------------------------------------------------------------------------
// The rules

type Finding = { because: string; hits: Hit[] };

function accuracyOnly(texts: readonly string[], reading: Reading): Finding | null {
  const accuracy = hitsIn(texts, reading.all, ACCURACY).filter((hit) => isAccuracyHit(texts, hit));
  if (accuracy.length === 0) return null;
  if (hitsIn(texts, reading.all, OPERATIONAL).length > 0) return null;
  const terms = [...new Set(accuracy.map((h) => h.matched))].slice(0, 3).join(', ');
  return {
    because: `The notes discuss model quality (${terms}) but nothing operational: no alert, latency, rollback, deploy or postmortem.`,
    hits: accuracy,
  };
}

function noOwnership(texts: readonly string[], reading: Reading): Finding | null {
  if (reading.candidate.length === 0) return null;
  if (hitsIn(texts, reading.candidate, PERSONAL_VOICE).length > 0) return null;
  const team = hitsIn(texts, reading.candidate, TEAM_VOICE);
  if (team.length === 0) return null;
  return {
    because: 'In the candidate’s own words it is always “we” or “the team” who acted, never “I”.',
    hits: team,
  };
}

function theoretical(texts: readonly string[], reading: Reading): Finding | null {
  if (reading.candidate.length === 0) return null;
  const modals = hitsIn(texts, reading.candidate, MODALS);
  const past = hitsIn(texts, reading.candidate, PAST_ACTIONS).length;
  if (modals.length < THEORETICAL_MIN_MODALS || modals.length <= past) return null;
  const words = reading.candidate.map((s) => (texts[s.text] ?? '').slice(s.start, s.end));
  if (words.some((w) => DIGIT_OR_PERCENT.test(w))) return null;
  if (hitsIn(texts, reading.candidate, CONCRETE_WORDS).length > 0) return null;
  return {
    because: `The candidate’s own words say what would or should be done (${modals.length} times) more than what was done (${past}), with no number, tool or time.`,
    hits: modals,
  };
}

const RULES: Record<SuggestibleRedFlagKey, (texts: readonly string[], reading: Reading) => Finding | null> = {
  [SUGGESTIBLE_RED_FLAG_KEYS.theoretical]: theoretical,
  [SUGGESTIBLE_RED_FLAG_KEYS.accuracyOnly]: accuracyOnly,
  [SUGGESTIBLE_RED_FLAG_KEYS.noOwnership]: noOwnership,
};

const isSuggestible = (key: string): key is SuggestibleRedFlagKey => Object.hasOwn(RULES, key);

/**
 * The red flags the notes suggest, in the rubric's order: only flags the rubric has, that a rule
 * covers, and that are not raised yet. Pure: reads its input, returns new objects.
 */
export function suggestRedFlags(input: SuggestRedFlagsInput): RedFlagSuggestion[] {
  const open = input.rubric.redFlags.filter((flag) => isSuggestible(flag.key) && !input.raised.includes(flag.key));
  if (open.length === 0) return [];
  const reading = readNotes(input.texts);
  const suggestions: RedFlagSuggestion[] = [];
  for (const flag of open) {
    if (!isSuggestible(flag.key)) continue;
    const finding = RULES[flag.key](input.texts, reading);
    if (!finding) continue;
    const phrases = phrasesOf(input.texts, finding.hits);
    suggestions.push({ key: flag.key, label: flag.label, because: finding.because, phrases, note: quoted(phrases) });
  }
  return suggestions;
}
