import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { BUILTIN_RUBRIC_LIBRARY } from '../../src/domain/builtin-rubric-library';
import { RubricSchema, type Rubric } from '../../src/domain/rubric';
import {
  RubricDraftSchema,
  blankDimension,
  checkRubricDraft,
  compareRubrics,
  dimensionKeys,
  draftFromRubric,
  keyFromTitle,
  newItemId,
  nextVersionNumber,
  rubricDraftWarnings,
  rubricFromDraft,
  sameScoredContent,
  type RubricDraft,
} from '../../src/domain/rubric-editing';

const NOW = '2026-11-02T09:00:00.000Z';
const LATER = '2026-11-03T10:00:00.000Z';

const draftOf = (rubric: Rubric = BUILTIN_RUBRIC, mode: 'new-version' | 'duplicate' = 'new-version') => draftFromRubric(rubric, { mode, draftId: 'draft-1', now: NOW });
const save = (draft: RubricDraft, version = 2, id = 'v2') => RubricSchema.parse(rubricFromDraft(draft, { id, version, author: 'Priya Shah', now: LATER }));
const messages = (draft: RubricDraft) => checkRubricDraft(draft).map((p) => p.message);

function withDimension(draft: RubricDraft, title: string): RubricDraft {
  const id = newItemId(draft);
  return {
    ...draft,
    dimensions: [
      ...draft.dimensions,
      { ...blankDimension(id), title, focus: 'Cost per request.', good: 'Knows the bill.', anchors: { 1: 'None.', 2: 'Some.', 3: 'Solid.', 4: 'Deep.' } },
    ],
    agenda: [...draft.agenda, { id: `${id}-box`, key: null, title, minutes: 5, dimension: id }],
  };
}

describe('a draft of a rubric', () => {
  it('holds every field of the version it was made from, and saves back to the same content', () => {
    const draft = draftOf();
    expect(RubricDraftSchema.parse(draft)).toEqual(draft);
    expect(checkRubricDraft(draft)).toEqual([]);
    const saved = save(draft);
    const { id: _a, version: _b, basedOn, author, createdAt: _c, builtIn, lineage, ...content } = saved;
    const { id: _d, version: _e, basedOn: _f, author: _g, createdAt: _h, builtIn: _i, lineage: _j, ...original } = BUILTIN_RUBRIC;
    expect(content).toEqual(original);
    expect({ basedOn, author, builtIn, lineage }).toEqual({ basedOn: { id: BUILTIN_RUBRIC.id, version: 1 }, author: 'Priya Shah', builtIn: false, lineage: BUILTIN_RUBRIC.lineage });
    expect(sameScoredContent(saved, BUILTIN_RUBRIC)).toBe(true);
    expect(compareRubrics(BUILTIN_RUBRIC, saved).identical).toBe(true);
  });

  it('may be incomplete while it is typed: empty anchors and titles are kept', () => {
    const draft = draftOf();
    const dims = draft.dimensions.map((d, i) => (i === 0 ? { ...d, title: '', anchors: { ...d.anchors, 2: '' } } : d));
    expect(RubricDraftSchema.safeParse({ ...draft, title: '', dimensions: dims }).success).toBe(true);
  });

  it('refuses a shape that is not a draft, and an overlong paste beyond what a draft keeps', () => {
    expect(RubricDraftSchema.safeParse({ ...draftOf(), extra: 1 }).success).toBe(false);
    expect(RubricDraftSchema.safeParse({ ...draftOf(), prompt: 'x'.repeat(100_001) }).success).toBe(false);
    const draft = draftOf();
    const twin = draft.dimensions[0];
    expect(twin).toBeDefined();
    expect(RubricDraftSchema.safeParse({ ...draft, dimensions: [...draft.dimensions, twin] }).success).toBe(false);
  });

  it('made with "Duplicate as a new rubric" starts a lineage of its own at version 1', () => {
    const draft = draftOf(BUILTIN_RUBRIC, 'duplicate');
    expect(draft.lineage).toBeNull();
    expect(draft.title).toBe('Production incident review (copy)');
    const saved = save(draft, nextVersionNumber([]), 'fresh-id');
    expect(saved).toMatchObject({ id: 'fresh-id', lineage: 'fresh-id', version: 1, basedOn: { id: BUILTIN_RUBRIC.id, version: 1 } });
  });
});

describe('checking a draft before it becomes a version', () => {
  it('asks for a title, a prompt and at least one dimension', () => {
    const draft = { ...draftOf(), title: '  ', prompt: '', dimensions: [], agenda: draftOf().agenda.filter((b) => b.dimension === null) };
    expect(messages(draft)).toEqual(['The rubric title is required.', 'The prompt is required.', 'A rubric needs at least one dimension.']);
  });

  it('asks for the four anchors, the focus and what good looks like of every dimension, at the field', () => {
    const draft = draftOf();
    const diagnosis = draft.dimensions[1];
    if (!diagnosis) throw new Error('fixture');
    draft.dimensions[1] = { ...diagnosis, focus: '', anchors: { ...diagnosis.anchors, 3: ' ' } };
    expect(checkRubricDraft(draft)).toEqual([
      { field: 'dimension-dim-diagnosis-focus', message: 'The focus of “Diagnosis” is required.' },
      { field: 'dimension-dim-diagnosis-anchor-3', message: 'The level 3 anchor of “Diagnosis” is required.' },
    ]);
  });

  it('quotes the length and the limit of a text that is too long', () => {
    const draft = { ...draftOf(), prompt: 'x'.repeat(5_000) };
    expect(messages(draft)).toEqual(['The prompt is 5,000 characters; the limit is 2,000.']);
    // The check itself does not care how the text got there: a 5 MB prompt reads the same way.
    expect(messages({ ...draftOf(), prompt: 'x'.repeat(5_000_000) })).toEqual(['The prompt is 5,000,000 characters; the limit is 2,000.']);
    expect(messages({ ...draftOf(), title: 'T'.repeat(121) })).toEqual(['The rubric title is 121 characters; the limit is 120.']);
  });

  it('refuses two dimensions with the same title whatever the case, and more than 12', () => {
    const draft = withDimension(draftOf(), 'DIAGNOSIS');
    expect(messages(draft)).toEqual(['Two dimensions are called “DIAGNOSIS”; give each its own title.']);
    let many = draftOf();
    for (let i = 0; i < 8; i += 1) many = withDimension(many, `Extra ${i + 1}`);
    expect(many.dimensions).toHaveLength(13);
    expect(messages(many)).toContain('This rubric has 13 dimensions; the limit is 12.');
  });

  it('refuses two dimensions saved under the same key (a damaged draft)', () => {
    const draft = draftOf();
    const second = draft.dimensions[1];
    if (!second) throw new Error('fixture');
    draft.dimensions[1] = { ...second, key: 'trigger' };
    expect(messages(draft)).toEqual(['Two dimensions are saved under the key “trigger”; each needs its own.']);
  });

  it('checks red flags, probe topics and their limits', () => {
    const draft = draftOf();
    const flag = draft.redFlags[0];
    if (!flag) throw new Error('fixture');
    draft.redFlags.push({ ...flag, id: 'new-1', key: null, label: flag.label.toUpperCase() });
    draft.probeTopics.push({ id: 'new-2', key: null, label: '' });
    expect(messages(draft)).toEqual([`Probe topic ${draft.probeTopics.length} is required.`, `The red flag “${flag.label.toUpperCase()}” is listed twice.`]);
    const tooMany = draftOf();
    for (let i = tooMany.redFlags.length; i < 21; i += 1) tooMany.redFlags.push({ id: `new-${i}`, key: null, label: `Flag ${i}`, description: 'Why.' });
    expect(messages(tooMany)).toEqual(['There are 21 red flags; the limit is 20.']);
  });

  it('checks that every agenda box names a dimension of the draft and has its minutes', () => {
    const draft = draftOf();
    draft.dimensions = draft.dimensions.filter((d) => d.key !== 'prevention');
    const box = draft.agenda.find((b) => b.dimension === 'dim-prevention');
    if (!box) throw new Error('fixture');
    box.minutes = null;
    expect(checkRubricDraft(draft)).toEqual([
      { field: `box-${box.id}-minutes`, message: `Time box ${draft.agenda.indexOf(box) + 1} needs its minutes (1 to 60).` },
      { field: `box-${box.id}-dimension`, message: `Time box ${draft.agenda.indexOf(box) + 1} covers a dimension this rubric no longer has; choose one, or none.` },
    ]);
    expect(messages({ ...draftOf(), agenda: [] })).toEqual(['The agenda needs at least one time box.']);
  });

  it('warns, without blocking, when the agenda passes 90 minutes or a dimension has no time box', () => {
    const draft = draftOf();
    expect(rubricDraftWarnings(draft)).toEqual([]);
    draft.agenda = draft.agenda.map((b) => ({ ...b, minutes: 20 }));
    const trimmed = { ...draft, agenda: draft.agenda.filter((b) => b.dimension !== 'dim-rollback') };
    expect(checkRubricDraft(trimmed)).toEqual([]);
    expect(rubricDraftWarnings(trimmed).map((w) => w.message)).toEqual([
      'The agenda adds up to 120 minutes, more than 90. Most loops give one interview an hour or so.',
      '“Rollback” has no time box in the agenda, so the interview clock will not show it.',
    ]);
  });
});

describe('keys', () => {
  it('come from the title for a new dimension: lower-case, hyphenated, unique, at most 40 characters', () => {
    expect(keyFromTitle('Capacity & Cost')).toBe('capacity-cost');
    expect(keyFromTitle('Éviter les régressions')).toBe('eviter-les-regressions');
    expect(keyFromTitle('42 things')).toBe('things');
    expect(keyFromTitle('!!!', 'dimension')).toBe('dimension');
    expect(keyFromTitle('A very long dimension title that goes on and on and on')).toHaveLength(40);
    let draft = withDimension(draftOf(), 'Rollback');
    // “Rollback” is already a title (and a key); the check refuses the title, the key would not clash.
    expect(messages(draft)).toEqual(['Two dimensions are called “Rollback”; give each its own title.']);
    draft = withDimension(draftOf(), 'Rollback plan');
    const last = draft.dimensions.at(-1);
    if (!last) throw new Error('fixture');
    last.title = 'Roll-back!';
    expect(dimensionKeys(draft).get(last.id)).toBe('roll-back');
  });

  it('stay as saved when a title changes afterwards', () => {
    const v2 = save(withDimension(draftOf(), 'Cost awareness'));
    expect(v2.dimensions.at(-1)?.key).toBe('cost-awareness');
    expect(v2.agenda.find((b) => b.dimensionKey === 'cost-awareness')?.key).toBe('dimension-cost-awareness');
    const draft = draftFromRubric(v2, { mode: 'new-version', draftId: 'draft-2', now: LATER });
    draft.dimensions = draft.dimensions.map((d) => (d.key === 'cost-awareness' ? { ...d, title: 'Cost and capacity' } : d.key === 'trigger' ? { ...d, title: 'Detection' } : d));
    const v3 = save(draft, 3, 'v3');
    expect(v3.dimensions.map((d) => [d.key, d.title])).toEqual([
      ['trigger', 'Detection'],
      ['diagnosis', 'Diagnosis'],
      ['mitigation', 'Mitigation'],
      ['rollback', 'Rollback'],
      ['prevention', 'Prevention'],
      ['cost-awareness', 'Cost and capacity'],
    ]);
  });

  it('of a new dimension never take a key a removed-then-kept dimension holds', () => {
    const draft = withDimension(draftOf(), 'Trigger!');
    // Titles differ (“Trigger!” vs “Trigger”) only by punctuation: both are allowed, the keys stay apart.
    expect(checkRubricDraft(draft)).toEqual([]);
    expect([...dimensionKeys(draft).values()]).toEqual(['trigger', 'diagnosis', 'mitigation', 'rollback', 'prevention', 'trigger-2']);
  });
});

describe('version numbers', () => {
  it('are one more than the highest of the lineage on this device', () => {
    expect(nextVersionNumber([])).toBe(1);
    expect(nextVersionNumber([{ version: 1 }])).toBe(2);
    expect(nextVersionNumber([{ version: 1 }, { version: 3 }, { version: 2 }, { version: 3 }])).toBe(4);
  });
});

describe('comparing two versions', () => {
  it('names the anchor that changed, and says the scored content is no longer the same', () => {
    const draft = draftOf();
    const rollback = draft.dimensions.find((d) => d.key === 'rollback');
    if (!rollback) throw new Error('fixture');
    rollback.anchors[2] = 'Mentions a rollback, but never used it or cannot say what it cost.';
    const v2 = save(draft);
    const comparison = compareRubrics(BUILTIN_RUBRIC, v2);
    expect(comparison.identical).toBe(false);
    expect(comparison.dimensions.filter((d) => d.status !== 'unchanged').map((d) => [d.key, d.changed])).toEqual([['rollback', ['anchor-2']]]);
    expect(sameScoredContent(BUILTIN_RUBRIC, v2)).toBe(false);
  });

  it('says the scored content is the same when only the prompt, probes, guidance or agenda changed', () => {
    const draft = draftOf();
    draft.prompt = 'Walk us through a broken retrain pipeline you personally owned, from the first signal to what changed.';
    const trigger = draft.dimensions[0];
    if (!trigger) throw new Error('fixture');
    trigger.probes += '\nWhat did the retrain schedule look like?';
    trigger.good = 'Names the alert and the gap.';
    draft.agenda = draft.agenda.map((b) => (b.key === 'opening' ? { ...b, minutes: 10 } : b));
    const v2 = save(draft);
    const comparison = compareRubrics(BUILTIN_RUBRIC, v2);
    expect(comparison.prompt).toBe(true);
    expect(comparison.dimensions.find((d) => d.key === 'trigger')?.changed).toEqual(['good', 'probes']);
    expect(comparison.agenda).toMatchObject({ changed: true, minutes: { a: 50, b: 55 } });
    expect(sameScoredContent(BUILTIN_RUBRIC, v2)).toBe(true);
  });

  it('reports added, removed and moved dimensions, and red flags and labels', () => {
    let draft = withDimension(draftOf(), 'Cost awareness');
    draft.dimensions = draft.dimensions.filter((d) => d.key !== 'mitigation');
    draft.agenda = draft.agenda.filter((b) => b.dimension !== 'dim-mitigation');
    // Move prevention up above rollback.
    const order = draft.dimensions.map((d) => d.key);
    const prevention = draft.dimensions.splice(order.indexOf('prevention'), 1)[0];
    if (!prevention) throw new Error('fixture');
    draft.dimensions.splice(order.indexOf('rollback'), 0, prevention);
    draft.redFlags = draft.redFlags.slice(1);
    draft.recommendationLabels = { ...draft.recommendationLabels, yes: 'Hire' };
    draft = { ...draft };
    const v2 = save(draft);
    const comparison = compareRubrics(BUILTIN_RUBRIC, v2);
    expect(comparison.dimensions.map((d) => [d.key, d.status, d.moved])).toEqual([
      ['trigger', 'unchanged', false],
      ['diagnosis', 'unchanged', false],
      ['prevention', 'unchanged', true],
      ['rollback', 'unchanged', true],
      ['cost-awareness', 'added', false],
      ['mitigation', 'removed', false],
    ]);
    expect(comparison.redFlags.removed.map((f) => f.key)).toEqual([BUILTIN_RUBRIC.redFlags[0]?.key]);
    expect(comparison.recommendationLabels).toEqual([{ value: 'yes', a: 'Yes', b: 'Hire' }]);
    expect(sameScoredContent(BUILTIN_RUBRIC, v2)).toBe(false);
  });

  it('tells two different rubrics apart', () => {
    const design = BUILTIN_RUBRIC_LIBRARY[0];
    if (!design) throw new Error('fixture');
    const comparison = compareRubrics(BUILTIN_RUBRIC, design);
    expect(comparison.title).toBe(true);
    expect(comparison.dimensions.filter((d) => d.status === 'added')).toHaveLength(design.dimensions.length);
    expect(sameScoredContent(BUILTIN_RUBRIC, design)).toBe(false);
  });
});
