import { LANES, type Lane } from './role';
import { KEY_MAX_LENGTH, type DraftDimension, type RubricDraft } from './rubric-draft';
import {
  AGENDA_ITEM_MAX_MINUTES,
  AGENDA_MAX_ITEMS,
  RECOMMENDATIONS,
  RUBRIC_MAX_DIMENSIONS,
  RUBRIC_MAX_LIST,
  RUBRIC_TEXT_MAX_LENGTH,
  agendaMinutes,
  type AgendaItem,
  type Dimension,
  type Recommendation,
  type Rubric,
} from './rubric';

/*
 * Editing a rubric: a draft holds the fields as the person types them (empty anchors, a title not
 * yet written), is autosaved, and becomes a new version only when it passes `checkRubricDraft`.
 * A saved version is never changed; a change is always a new version.
 */

/** Limits the rubric schema enforces, named here so the editor's messages quote the same figures. */
export const RUBRIC_TITLE_MAX_LENGTH = 120;
export const DIMENSION_TITLE_MAX_LENGTH = 80;
export const PROBE_TOPIC_MAX_LENGTH = 80;
export const RED_FLAG_LABEL_MAX_LENGTH = 120;
export const AGENDA_TITLE_MAX_LENGTH = 80;
export const RECOMMENDATION_LABEL_MAX_LENGTH = 40;
/** An agenda longer than this is allowed, but said: most loops give an interview an hour or so. */
export const AGENDA_WARNING_MINUTES = 90;

// The stored shape, named here too: callers of the editing rules need no second import.
export { RubricDraftSchema, DRAFT_TEXT_MAX_LENGTH, DRAFT_LIST_MAX } from './rubric-draft';
export type { RubricDraft, DraftDimension, DraftAgendaItem, DraftProbeTopic, DraftRedFlag } from './rubric-draft';

export type DraftMode = 'new-version' | 'duplicate';

const lines = (items: readonly string[]) => items.join('\n');

/** A draft of a rubric: every field as saved, ready to change. A duplicate starts a new rubric. */
export function draftFromRubric(rubric: Rubric, { mode, draftId, now }: { mode: DraftMode; draftId: string; now: string }): RubricDraft {
  const dimensionId = (key: string) => `dim-${key}`;
  const laneEmphasis = Object.fromEntries(LANES.map((lane) => [lane, lines(rubric.laneEmphasis[lane] ?? [])])) as Record<Lane, string>;
  const labels = Object.fromEntries(RECOMMENDATIONS.map((value) => [value, rubric.recommendationScale.find((o) => o.value === value)?.label ?? ''])) as Record<Recommendation, string>;
  return {
    id: draftId,
    basedOn: { id: rubric.id, version: rubric.version },
    lineage: mode === 'new-version' ? rubric.lineage : null,
    title: mode === 'duplicate' ? `${rubric.title} (copy)`.slice(0, RUBRIC_TITLE_MAX_LENGTH) : rubric.title,
    prompt: rubric.prompt,
    dimensions: rubric.dimensions.map((d) => ({
      id: dimensionId(d.key),
      key: d.key,
      title: d.title,
      focus: d.focus,
      good: d.good,
      probes: lines(d.probes),
      anchors: { ...d.anchors },
    })),
    probeTopics: rubric.probeTopics.map((t) => ({ id: `topic-${t.key}`, key: t.key, label: t.label })),
    redFlags: rubric.redFlags.map((f) => ({ id: `flag-${f.key}`, key: f.key, label: f.label, description: f.description })),
    recommendationLabels: labels,
    laneEmphasis,
    agenda: rubric.agenda.map((item) => ({
      id: `box-${item.key}`,
      key: item.key,
      title: item.title,
      minutes: item.minutes,
      dimension: item.dimensionKey === null ? null : dimensionId(item.dimensionKey),
    })),
    createdAt: now,
    updatedAt: now,
  };
}

/** An item id not yet used in the draft, for an added dimension, red flag or box: `new-1`, `new-2`… */
export function newItemId(draft: RubricDraft): string {
  const used = new Set([...draft.dimensions, ...draft.probeTopics, ...draft.redFlags, ...draft.agenda].map((item) => item.id));
  let n = 1;
  while (used.has(`new-${n}`)) n += 1;
  return `new-${n}`;
}

/** A blank dimension, for "Add dimension". */
export function blankDimension(id: string): DraftDimension {
  return { id, key: null, title: '', focus: '', good: '', probes: '', anchors: { 1: '', 2: '', 3: '', 4: '' } };
}

// ---------------------------------------------------------------------------------------------
// Keys

const KEY_PATTERN = /^[a-z][a-z0-9-]*$/;

/** A title as a key: lower-case words joined by hyphens, starting with a letter, at most 40 characters. */
export function keyFromTitle(title: string, fallback = 'item'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, KEY_MAX_LENGTH)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** `base`, or `base-2`, `base-3`… whichever is free, still within 40 characters. */
function uniqueKey(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, KEY_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The key each item will be saved under, by item id. An item saved before keeps its key whatever
 * its title becomes (scores and agenda boxes point at it); a new one takes its title's.
 */
export function itemKeys(items: readonly { id: string; key: string | null }[], titleOf: (index: number) => string, fallback: string): Map<string, string> {
  const taken = new Set(items.flatMap((item) => (item.key === null ? [] : [item.key])));
  const keys = new Map<string, string>();
  items.forEach((item, index) => {
    if (item.key !== null) {
      keys.set(item.id, item.key);
      return;
    }
    const key = uniqueKey(keyFromTitle(titleOf(index), fallback), taken);
    taken.add(key);
    keys.set(item.id, key);
  });
  return keys;
}

/** The keys the draft's dimensions will be saved under, by item id. */
export function dimensionKeys(draft: Pick<RubricDraft, 'dimensions'>): Map<string, string> {
  return itemKeys(draft.dimensions, (i) => draft.dimensions[i]?.title ?? '', 'dimension');
}

// ---------------------------------------------------------------------------------------------
// Checks

/** One thing that stops the draft from being saved, at the field it concerns. */
export type DraftProblem = { field: string; message: string };

/** Field names the editor gives its controls, so a problem can take the person to its field. */
export const draftField = {
  title: 'title',
  prompt: 'prompt',
  dimensions: 'dimensions',
  dimension: (id: string, part: 'title' | 'focus' | 'good' | 'probes' | 'anchor-1' | 'anchor-2' | 'anchor-3' | 'anchor-4') => `dimension-${id}-${part}`,
  probeTopic: (id: string) => `topic-${id}`,
  probeTopics: 'probe-topics',
  redFlag: (id: string, part: 'label' | 'description') => `flag-${id}-${part}`,
  redFlags: 'red-flags',
  recommendation: (value: Recommendation) => `recommendation-${value}`,
  lane: (lane: Lane) => `lane-${lane}`,
  agenda: 'agenda',
  agendaItem: (id: string, part: 'title' | 'minutes' | 'dimension') => `box-${id}-${part}`,
} as const;

const count = (n: number) => n.toLocaleString('en-US');
const sameText = (a: string) => a.trim().toLocaleLowerCase('en-US');
const splitLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

/** A required text with its limit: the message names the field and quotes both lengths. */
function checkText(problems: DraftProblem[], field: string, name: string, value: string, max: number, required = true): void {
  const length = value.trim().length;
  if (required && length === 0) problems.push({ field, message: `${capitalFirst(name)} is required.` });
  else if (length > max) problems.push({ field, message: `${capitalFirst(name)} is ${count(length)} characters; the limit is ${count(max)}.` });
}

function capitalFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a dimension is named in a message: its title, or its place while it has none. */
function dimensionName(d: DraftDimension, index: number): string {
  const title = d.title.trim();
  return title ? `“${title.length > 40 ? `${title.slice(0, 39)}…` : title}”` : `dimension ${index + 1}`;
}

function duplicates<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  const repeated: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (!key) continue;
    if (seen.has(key)) repeated.push(item);
    seen.add(key);
  }
  return repeated;
}

/** What stops this draft from becoming a version, each at its field; empty when it can be saved. */
export function checkRubricDraft(draft: RubricDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  checkText(problems, draftField.title, 'the rubric title', draft.title, RUBRIC_TITLE_MAX_LENGTH);
  checkText(problems, draftField.prompt, 'the prompt', draft.prompt, RUBRIC_TEXT_MAX_LENGTH);

  if (draft.dimensions.length === 0) problems.push({ field: draftField.dimensions, message: 'A rubric needs at least one dimension.' });
  if (draft.dimensions.length > RUBRIC_MAX_DIMENSIONS) {
    problems.push({ field: draftField.dimensions, message: `This rubric has ${count(draft.dimensions.length)} dimensions; the limit is ${RUBRIC_MAX_DIMENSIONS}.` });
  }
  draft.dimensions.forEach((d, i) => {
    const name = dimensionName(d, i);
    checkText(problems, draftField.dimension(d.id, 'title'), `the title of dimension ${i + 1}`, d.title, DIMENSION_TITLE_MAX_LENGTH);
    checkText(problems, draftField.dimension(d.id, 'focus'), `the focus of ${name}`, d.focus, RUBRIC_TEXT_MAX_LENGTH);
    checkText(problems, draftField.dimension(d.id, 'good'), `what good looks like for ${name}`, d.good, RUBRIC_TEXT_MAX_LENGTH);
    for (const level of [1, 2, 3, 4] as const) {
      checkText(problems, draftField.dimension(d.id, `anchor-${level}`), `the level ${level} anchor of ${name}`, d.anchors[level], RUBRIC_TEXT_MAX_LENGTH);
    }
    const probes = splitLines(d.probes);
    if (probes.length > RUBRIC_MAX_LIST) {
      problems.push({ field: draftField.dimension(d.id, 'probes'), message: `${capitalFirst(name)} has ${count(probes.length)} probes; the limit is ${RUBRIC_MAX_LIST}.` });
    }
    const long = probes.find((p) => p.length > RUBRIC_TEXT_MAX_LENGTH);
    if (long) {
      problems.push({ field: draftField.dimension(d.id, 'probes'), message: `A probe of ${name} is ${count(long.length)} characters; the limit is ${count(RUBRIC_TEXT_MAX_LENGTH)}.` });
    }
    if (d.key !== null && !(KEY_PATTERN.test(d.key) && d.key.length <= KEY_MAX_LENGTH)) {
      problems.push({ field: draftField.dimension(d.id, 'title'), message: `The key of ${name} is not lower-case words joined by hyphens.` });
    }
  });
  for (const d of duplicates(draft.dimensions, (x) => x.key ?? '')) {
    problems.push({ field: draftField.dimension(d.id, 'title'), message: `Two dimensions are saved under the key “${d.key ?? ''}”; each needs its own.` });
  }
  for (const d of duplicates(draft.dimensions, (x) => sameText(x.title))) {
    problems.push({ field: draftField.dimension(d.id, 'title'), message: `Two dimensions are called “${d.title.trim()}”; give each its own title.` });
  }

  if (draft.probeTopics.length > RUBRIC_MAX_LIST) {
    problems.push({ field: draftField.probeTopics, message: `There are ${count(draft.probeTopics.length)} probe topics; the limit is ${RUBRIC_MAX_LIST}.` });
  }
  draft.probeTopics.forEach((t, i) => checkText(problems, draftField.probeTopic(t.id), `probe topic ${i + 1}`, t.label, PROBE_TOPIC_MAX_LENGTH));
  for (const t of duplicates(draft.probeTopics, (x) => sameText(x.label))) {
    problems.push({ field: draftField.probeTopic(t.id), message: `The probe topic “${t.label.trim()}” is listed twice.` });
  }
  for (const t of duplicates(draft.probeTopics, (x) => x.key ?? '')) {
    problems.push({ field: draftField.probeTopic(t.id), message: `Two probe topics are saved under the key “${t.key ?? ''}”.` });
  }

  if (draft.redFlags.length > RUBRIC_MAX_LIST) {
    problems.push({ field: draftField.redFlags, message: `There are ${count(draft.redFlags.length)} red flags; the limit is ${RUBRIC_MAX_LIST}.` });
  }
  draft.redFlags.forEach((f, i) => {
    checkText(problems, draftField.redFlag(f.id, 'label'), `red flag ${i + 1}`, f.label, RED_FLAG_LABEL_MAX_LENGTH);
    checkText(problems, draftField.redFlag(f.id, 'description'), `the description of red flag ${i + 1}`, f.description, RUBRIC_TEXT_MAX_LENGTH);
  });
  for (const f of duplicates(draft.redFlags, (x) => sameText(x.label))) {
    problems.push({ field: draftField.redFlag(f.id, 'label'), message: `The red flag “${f.label.trim()}” is listed twice.` });
  }
  for (const f of duplicates(draft.redFlags, (x) => x.key ?? '')) {
    problems.push({ field: draftField.redFlag(f.id, 'label'), message: `Two red flags are saved under the key “${f.key ?? ''}”.` });
  }

  for (const value of RECOMMENDATIONS) {
    checkText(problems, draftField.recommendation(value), `the label for “${value.replace('-', ' ')}”`, draft.recommendationLabels[value], RECOMMENDATION_LABEL_MAX_LENGTH);
  }
  for (const lane of LANES) {
    const probes = splitLines(draft.laneEmphasis[lane]);
    if (probes.length > RUBRIC_MAX_LIST) problems.push({ field: draftField.lane(lane), message: `There are ${count(probes.length)} lane probes; the limit is ${RUBRIC_MAX_LIST}.` });
    const long = probes.find((p) => p.length > RUBRIC_TEXT_MAX_LENGTH);
    if (long) problems.push({ field: draftField.lane(lane), message: `A lane probe is ${count(long.length)} characters; the limit is ${count(RUBRIC_TEXT_MAX_LENGTH)}.` });
  }

  if (draft.agenda.length === 0) problems.push({ field: draftField.agenda, message: 'The agenda needs at least one time box.' });
  if (draft.agenda.length > AGENDA_MAX_ITEMS) {
    problems.push({ field: draftField.agenda, message: `The agenda has ${count(draft.agenda.length)} time boxes; the limit is ${AGENDA_MAX_ITEMS}.` });
  }
  const dimensionIds = new Set(draft.dimensions.map((d) => d.id));
  draft.agenda.forEach((item, i) => {
    checkText(problems, draftField.agendaItem(item.id, 'title'), `the title of time box ${i + 1}`, item.title, AGENDA_TITLE_MAX_LENGTH);
    if (item.minutes === null || item.minutes < 1) {
      problems.push({ field: draftField.agendaItem(item.id, 'minutes'), message: `Time box ${i + 1} needs its minutes (1 to ${AGENDA_ITEM_MAX_MINUTES}).` });
    } else if (item.minutes > AGENDA_ITEM_MAX_MINUTES) {
      problems.push({ field: draftField.agendaItem(item.id, 'minutes'), message: `Time box ${i + 1} is ${count(item.minutes)} minutes; the limit is ${AGENDA_ITEM_MAX_MINUTES}.` });
    }
    if (item.dimension !== null && !dimensionIds.has(item.dimension)) {
      problems.push({ field: draftField.agendaItem(item.id, 'dimension'), message: `Time box ${i + 1} covers a dimension this rubric no longer has; choose one, or none.` });
    }
  });
  for (const item of duplicates(draft.agenda, (x) => x.key ?? '')) {
    problems.push({ field: draftField.agendaItem(item.id, 'title'), message: `Two time boxes are saved under the key “${item.key ?? ''}”.` });
  }
  return problems;
}

/** Notes that do not stop a save: said calmly, next to what they concern. */
export function rubricDraftWarnings(draft: RubricDraft): DraftProblem[] {
  const warnings: DraftProblem[] = [];
  const total = draftAgendaMinutes(draft);
  if (total > AGENDA_WARNING_MINUTES) {
    warnings.push({ field: draftField.agenda, message: `The agenda adds up to ${total} minutes, more than ${AGENDA_WARNING_MINUTES}. Most loops give one interview an hour or so.` });
  }
  const boxed = new Set(draft.agenda.flatMap((item) => (item.dimension === null ? [] : [item.dimension])));
  draft.dimensions.forEach((d, i) => {
    if (!boxed.has(d.id)) {
      warnings.push({ field: draftField.dimension(d.id, 'title'), message: `${capitalFirst(dimensionName(d, i))} has no time box in the agenda, so the interview clock will not show it.` });
    }
  });
  return warnings;
}

/** Planned minutes of the draft's agenda, counting only boxes with minutes. */
export function draftAgendaMinutes(draft: Pick<RubricDraft, 'agenda'>): number {
  return draft.agenda.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
}

// ---------------------------------------------------------------------------------------------
// Saving

/**
 * The version a draft becomes. Call it on a draft `checkRubricDraft` passes; the repository still
 * validates the result with RubricSchema before writing.
 */
export function rubricFromDraft(draft: RubricDraft, { id, version, author, now }: { id: string; version: number; author: string; now: string }): Rubric {
  const dims = dimensionKeys(draft);
  const topicKeys = itemKeys(draft.probeTopics, (i) => draft.probeTopics[i]?.label ?? '', 'topic');
  const flagKeys = itemKeys(draft.redFlags, (i) => draft.redFlags[i]?.label ?? '', 'red-flag');
  const boxKeys = itemKeys(
    draft.agenda,
    (i) => {
      const item = draft.agenda[i];
      const key = item?.dimension ? dims.get(item.dimension) : undefined;
      return key ? `dimension-${key}` : (item?.title ?? '');
    },
    'time-box',
  );
  const laneEmphasis: Rubric['laneEmphasis'] = {};
  for (const lane of LANES) {
    const probes = splitLines(draft.laneEmphasis[lane]);
    if (probes.length > 0) laneEmphasis[lane] = probes;
  }
  return {
    id,
    version,
    lineage: draft.lineage ?? id,
    basedOn: draft.basedOn,
    author: author.trim(),
    title: draft.title.trim(),
    prompt: draft.prompt.trim(),
    dimensions: draft.dimensions.map(
      (d): Dimension => ({
        key: dims.get(d.id) ?? '',
        title: d.title.trim(),
        focus: d.focus.trim(),
        good: d.good.trim(),
        probes: splitLines(d.probes),
        anchors: { 1: d.anchors[1].trim(), 2: d.anchors[2].trim(), 3: d.anchors[3].trim(), 4: d.anchors[4].trim() },
      }),
    ),
    probeTopics: draft.probeTopics.map((t) => ({ key: topicKeys.get(t.id) ?? '', label: t.label.trim() })),
    redFlags: draft.redFlags.map((f) => ({ key: flagKeys.get(f.id) ?? '', label: f.label.trim(), description: f.description.trim() })),
    recommendationScale: RECOMMENDATIONS.map((value) => ({ value, label: draft.recommendationLabels[value].trim() })),
    laneEmphasis,
    agenda: draft.agenda.map(
      (item): AgendaItem => ({
        key: boxKeys.get(item.id) ?? '',
        title: item.title.trim(),
        minutes: item.minutes ?? 0,
        dimensionKey: item.dimension === null ? null : (dims.get(item.dimension) ?? null),
      }),
    ),
    builtIn: false,
    createdAt: now,
  };
}

/** The number a new version of a rubric shows: one more than the highest of its versions here. */
export function nextVersionNumber(versionsOfLineage: readonly Pick<Rubric, 'version'>[]): number {
  return versionsOfLineage.reduce((highest, r) => Math.max(highest, r.version), 0) + 1;
}

// ---------------------------------------------------------------------------------------------
// Comparing two versions

export type DimensionPart = 'title' | 'focus' | 'good' | 'anchor-1' | 'anchor-2' | 'anchor-3' | 'anchor-4' | 'probes';
export const DIMENSION_PART_LABELS: Record<DimensionPart, string> = {
  title: 'Title',
  focus: 'Focus',
  good: 'What good looks like',
  'anchor-1': 'Level 1 anchor',
  'anchor-2': 'Level 2 anchor',
  'anchor-3': 'Level 3 anchor',
  'anchor-4': 'Level 4 anchor',
  probes: 'Probes',
};

export type DimensionComparison = {
  key: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Places (1-based) in each version; null where it is absent. */
  position: { a: number | null; b: number | null };
  /** True when it is in both but at another place relative to the dimensions both share. */
  moved: boolean;
  changed: DimensionPart[];
  a: Dimension | null;
  b: Dimension | null;
};

export type ListComparison<T> = { added: T[]; removed: T[]; changed: { a: T; b: T }[] };

export type RubricComparison = {
  title: boolean;
  prompt: boolean;
  dimensions: DimensionComparison[];
  redFlags: ListComparison<Rubric['redFlags'][number]>;
  probeTopics: ListComparison<Rubric['probeTopics'][number]>;
  recommendationLabels: { value: Recommendation; a: string; b: string }[];
  laneEmphasis: Lane[];
  agenda: { changed: boolean; minutes: { a: number; b: number }; added: AgendaItem[]; removed: AgendaItem[]; changedItems: { a: AgendaItem; b: AgendaItem }[] };
  /** True when nothing at all differs apart from who saved it, when and its number. */
  identical: boolean;
};

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function compareLists<T extends { key: string }>(a: readonly T[], b: readonly T[]): ListComparison<T> {
  const inA = new Map(a.map((item) => [item.key, item]));
  const inB = new Map(b.map((item) => [item.key, item]));
  return {
    added: b.filter((item) => !inA.has(item.key)),
    removed: a.filter((item) => !inB.has(item.key)),
    changed: b.flatMap((item) => {
      const before = inA.get(item.key);
      return before && !sameJson(before, item) ? [{ a: before, b: item }] : [];
    }),
  };
}

function changedParts(a: Dimension, b: Dimension): DimensionPart[] {
  const parts: DimensionPart[] = [];
  if (a.title !== b.title) parts.push('title');
  if (a.focus !== b.focus) parts.push('focus');
  if (a.good !== b.good) parts.push('good');
  for (const level of [1, 2, 3, 4] as const) if (a.anchors[level] !== b.anchors[level]) parts.push(`anchor-${level}`);
  if (!sameJson(a.probes, b.probes)) parts.push('probes');
  return parts;
}

/**
 * What changed from version a to version b, dimension by dimension (in b's order, then what b
 * removed), and in every other part a version has.
 */
export function compareRubrics(a: Rubric, b: Rubric): RubricComparison {
  const aKeys = a.dimensions.map((d) => d.key);
  const bKeys = b.dimensions.map((d) => d.key);
  const shared = new Set(aKeys.filter((k) => bKeys.includes(k)));
  const aOrder = aKeys.filter((k) => shared.has(k));
  const bOrder = bKeys.filter((k) => shared.has(k));

  const dimensions: DimensionComparison[] = b.dimensions.map((after, index) => {
    const aIndex = aKeys.indexOf(after.key);
    const before = aIndex === -1 ? null : (a.dimensions[aIndex] ?? null);
    const changed = before ? changedParts(before, after) : [];
    const moved = before !== null && aOrder.indexOf(after.key) !== bOrder.indexOf(after.key);
    return {
      key: after.key,
      status: before === null ? 'added' : changed.length > 0 ? 'changed' : 'unchanged',
      position: { a: aIndex === -1 ? null : aIndex + 1, b: index + 1 },
      moved,
      changed,
      a: before,
      b: after,
    };
  });
  a.dimensions.forEach((before, index) => {
    if (!bKeys.includes(before.key)) dimensions.push({ key: before.key, status: 'removed', position: { a: index + 1, b: null }, moved: false, changed: [], a: before, b: null });
  });

  const agendaList = compareLists(a.agenda, b.agenda);
  const comparison: Omit<RubricComparison, 'identical'> = {
    title: a.title !== b.title,
    prompt: a.prompt !== b.prompt,
    dimensions,
    redFlags: compareLists(a.redFlags, b.redFlags),
    probeTopics: compareLists(a.probeTopics, b.probeTopics),
    recommendationLabels: RECOMMENDATIONS.flatMap((value) => {
      const before = a.recommendationScale.find((o) => o.value === value)?.label ?? '';
      const after = b.recommendationScale.find((o) => o.value === value)?.label ?? '';
      return before === after ? [] : [{ value, a: before, b: after }];
    }),
    laneEmphasis: LANES.filter((lane) => !sameJson(a.laneEmphasis[lane] ?? [], b.laneEmphasis[lane] ?? [])),
    agenda: {
      changed: !sameJson(a.agenda, b.agenda),
      minutes: { a: agendaMinutes(a.agenda), b: agendaMinutes(b.agenda) },
      added: agendaList.added,
      removed: agendaList.removed,
      changedItems: agendaList.changed,
    },
  };
  const identical =
    !comparison.title &&
    !comparison.prompt &&
    dimensions.every((d) => d.status === 'unchanged' && !d.moved) &&
    sameJson(a.redFlags, b.redFlags) &&
    sameJson(a.probeTopics, b.probeTopics) &&
    comparison.recommendationLabels.length === 0 &&
    comparison.laneEmphasis.length === 0 &&
    !comparison.agenda.changed;
  return { ...comparison, identical };
}

/**
 * True when a score means the same on both versions: the same dimensions (keys, in order) with the
 * same titles and anchors, the same red flags and the same recommendation scale. Then only the
 * agenda, the prompt's wording, the probes or the guidance (focus, what good looks like) differ, and
 * scores on the two can be read side by side.
 */
export function sameScoredContent(a: Rubric, b: Rubric): boolean {
  const scored = (r: Rubric) => ({
    dimensions: r.dimensions.map((d) => ({ key: d.key, title: d.title, anchors: d.anchors })),
    redFlags: r.redFlags,
    scale: r.recommendationScale,
  });
  return sameJson(scored(a), scored(b));
}
