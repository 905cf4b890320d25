import { describe, expect, it } from 'vitest';
import { ConflictError, StaleWriteError, ValidationError } from '../../src/data/validation';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { BUILTIN_RUBRIC_LIBRARY } from '../../src/domain/builtin-rubric-library';
import { compareRubrics, newItemId, blankDimension, type RubricDraft } from '../../src/domain/rubric-editing';
import { createRepositories } from '../../src/data/repositories';
import { freshDb } from '../helpers/db';
import { cardFor, interviewOf, role } from '../helpers/panel';

const INCIDENT = { id: BUILTIN_RUBRIC.id, version: 1 };

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

function withRollbackAnchor(draft: RubricDraft, text: string): RubricDraft {
  return { ...draft, dimensions: draft.dimensions.map((d) => (d.key === 'rollback' ? { ...d, anchors: { ...d.anchors, 2: text } } : d)) };
}

describe('rubric drafts', () => {
  it('are made from a version, listed, saved and discarded', async () => {
    const { repos } = freshDb();
    const draft = await repos.rubricLibrary.createDraft(INCIDENT, 'new-version');
    expect(draft).toMatchObject({ id: 'id-1', basedOn: INCIDENT, lineage: BUILTIN_RUBRIC.lineage, title: 'Production incident review' });
    expect(await repos.rubricLibrary.listDrafts()).toEqual([draft]);

    const saved = await repos.rubricLibrary.saveDraft({ ...draft, prompt: 'Walk us through a broken retrain pipeline you owned.' }, draft.updatedAt);
    expect(saved.prompt).toBe('Walk us through a broken retrain pipeline you owned.');
    expect(saved.updatedAt > draft.updatedAt).toBe(true);
    expect(await repos.rubricLibrary.getDraft(draft.id)).toEqual(saved);

    await repos.rubricLibrary.discardDraft(draft.id);
    expect(await repos.rubricLibrary.listDrafts()).toEqual([]);
  });

  it('keep what they were based on, whatever a save claims', async () => {
    const { repos } = freshDb();
    const draft = await repos.rubricLibrary.createDraft(INCIDENT, 'new-version');
    const saved = await repos.rubricLibrary.saveDraft({ ...draft, lineage: 'someone-else', basedOn: { id: 'ml-system-design', version: 1 } }, draft.updatedAt);
    expect(saved).toMatchObject({ lineage: BUILTIN_RUBRIC.lineage, basedOn: INCIDENT });
  });

  it('refuse a save made from an older copy (another tab saved since), and write nothing', async () => {
    const { repos } = freshDb();
    const draft = await repos.rubricLibrary.createDraft(INCIDENT, 'new-version');
    const otherTab = await repos.rubricLibrary.saveDraft({ ...draft, title: 'Incident review, other tab' }, draft.updatedAt);
    const error = await rejectionOf(repos.rubricLibrary.saveDraft({ ...draft, title: 'Incident review, this tab' }, draft.updatedAt));
    expect(error).toBeInstanceOf(StaleWriteError);
    expect((error as StaleWriteError<RubricDraft>).current).toEqual(otherTab);
    expect(await repos.rubricLibrary.getDraft(draft.id)).toEqual(otherTab);
    // Keeping this screen's version: saved against what the other tab stored.
    const mine = await repos.rubricLibrary.saveDraft({ ...draft, title: 'Incident review, this tab' }, otherTab.updatedAt);
    expect(mine.title).toBe('Incident review, this tab');
  });

  it('refuse a draft that is not a draft, and a draft that is gone', async () => {
    const { repos } = freshDb();
    const draft = await repos.rubricLibrary.createDraft(INCIDENT, 'new-version');
    expect(await rejectionOf(repos.rubricLibrary.saveDraft({ ...draft, prompt: 'x'.repeat(200_000) }, draft.updatedAt))).toBeInstanceOf(ValidationError);
    await repos.rubricLibrary.discardDraft(draft.id);
    expect(await rejectionOf(repos.rubricLibrary.saveDraft(draft, draft.updatedAt))).toBeInstanceOf(ConflictError);
    expect(await rejectionOf(repos.rubricLibrary.createDraft({ id: 'no-such-rubric', version: 1 }, 'new-version'))).toBeInstanceOf(ConflictError);
  });
});

describe('saving a version', () => {
  it('adds a new record with a new id and the next number, removes the draft, and leaves version 1 byte for byte', async () => {
    const { db, repos } = freshDb();
    const before = JSON.stringify(await db.rubrics.get([BUILTIN_RUBRIC.id, 1]));
    const draft = await repos.rubricLibrary.createDraft(INCIDENT, 'new-version');
    const edited = await repos.rubricLibrary.saveDraft(withRollbackAnchor(draft, 'Mentions a rollback but never used it.'), draft.updatedAt);

    const v2 = await repos.rubricLibrary.saveVersion(edited.id, '  Priya Shah ');
    expect(v2).toMatchObject({ id: 'id-2', version: 2, lineage: BUILTIN_RUBRIC.id, basedOn: INCIDENT, author: 'Priya Shah', builtIn: false });
    expect(await repos.rubrics.get('id-2', 2)).toEqual(v2);
    expect(await repos.rubricLibrary.listDrafts()).toEqual([]);
    expect(JSON.stringify(await db.rubrics.get([BUILTIN_RUBRIC.id, 1]))).toBe(before);
    expect(compareRubrics(BUILTIN_RUBRIC, v2).dimensions.filter((d) => d.status === 'changed').map((d) => [d.key, d.changed])).toEqual([['rollback', ['anchor-2']]]);

    // A second draft of version 1 on this device becomes version 3, not a second "version 2".
    const again = await repos.rubricLibrary.createDraft(INCIDENT, 'new-version');
    const v3 = await repos.rubricLibrary.saveVersion(again.id, 'Sam Lee');
    expect(v3).toMatchObject({ version: 3, basedOn: INCIDENT, lineage: BUILTIN_RUBRIC.id });
    expect((await repos.rubrics.listVersions(BUILTIN_RUBRIC.id)).map((r) => [r.id, r.version])).toEqual([
      [BUILTIN_RUBRIC.id, 1],
      ['id-2', 2],
      [v3.id, 3],
    ]);
    expect((await repos.rubrics.listLatest()).find((r) => r.lineage === BUILTIN_RUBRIC.id)?.id).toBe(v3.id);
  });

  it('as a new rubric starts its own lineage at version 1', async () => {
    const { repos } = freshDb();
    const draft = await repos.rubricLibrary.createDraft(INCIDENT, 'duplicate');
    const copy = await repos.rubricLibrary.saveVersion(draft.id, 'Priya Shah');
    expect(copy).toMatchObject({ version: 1, lineage: copy.id, basedOn: INCIDENT, title: 'Production incident review (copy)' });
    expect(await repos.rubrics.listVersions(copy.id)).toEqual([copy]);
  });

  it('refuses a draft with problems, with the messages, and writes nothing', async () => {
    const { db, repos } = freshDb();
    const draft = await repos.rubricLibrary.createDraft(INCIDENT, 'new-version');
    const id = newItemId(draft);
    const broken: RubricDraft = { ...withRollbackAnchor(draft, ''), prompt: 'p'.repeat(2_001), dimensions: [...withRollbackAnchor(draft, '').dimensions, blankDimension(id)] };
    const saved = await repos.rubricLibrary.saveDraft(broken, draft.updatedAt);
    const count = await db.rubrics.count();
    const error = await rejectionOf(repos.rubricLibrary.saveVersion(saved.id, 'Priya Shah'));
    expect(error).toBeInstanceOf(ValidationError);
    const messages = (error as ValidationError).issues.map((i) => i.message);
    expect(messages).toContain('The prompt is 2,001 characters; the limit is 2,000.');
    expect(messages).toContain('The level 2 anchor of “Rollback” is required.');
    expect(messages).toContain('The title of dimension 6 is required.');
    expect(await db.rubrics.count()).toBe(count);
    expect(await repos.rubricLibrary.getDraft(saved.id)).toEqual(saved);
  });

  it('never overwrites a stored version, even when the new id is already taken', async () => {
    const { db, repos } = freshDb();
    const draft = await repos.rubricLibrary.createDraft(INCIDENT, 'duplicate');
    const before = JSON.stringify(await db.rubrics.get([BUILTIN_RUBRIC.id, 1]));
    // An id source that repeats the built-in's id: a new rubric's version 1 would land on it.
    const repeating = createRepositories(db, { newId: () => BUILTIN_RUBRIC.id });
    expect(await rejectionOf(repeating.rubricLibrary.saveVersion(draft.id, 'Sam Lee'))).toBeDefined();
    expect(JSON.stringify(await db.rubrics.get([BUILTIN_RUBRIC.id, 1]))).toBe(before);
    expect(await repos.rubricLibrary.getDraft(draft.id)).toEqual(draft);
  });

  it('leaves every built-in as shipped', async () => {
    const { db, repos } = freshDb();
    for (const rubric of [BUILTIN_RUBRIC, ...BUILTIN_RUBRIC_LIBRARY]) {
      const draft = await repos.rubricLibrary.createDraft({ id: rubric.id, version: rubric.version }, 'new-version');
      await repos.rubricLibrary.saveVersion(draft.id, 'Priya Shah');
      expect(JSON.stringify(await db.rubrics.get([rubric.id, rubric.version]))).toBe(JSON.stringify(rubric));
    }
  });

  it('has no way to change a saved version', async () => {
    const { repos } = freshDb();
    const names = Object.keys(repos.rubrics).filter((name) => /update|put|modify|edit|replace|delete(?!Draft)/i.test(name));
    expect(names).toEqual([]);
  });
});

describe('where a version is used', () => {
  it('counts roles (default or loop plan), interviews and submitted scorecards', async () => {
    const { db, repos } = freshDb();
    const draft = await repos.rubricLibrary.createDraft(INCIDENT, 'new-version');
    const v2 = await repos.rubricLibrary.saveVersion(draft.id, 'Priya Shah');
    const v2Ref = { id: v2.id, version: 2 };
    await db.roles.add(role);
    await db.roles.add({ ...role, id: 'role-2', rubric: v2Ref, loopPlan: [{ key: 's1', rubric: v2Ref }, { key: 's2', rubric: { id: 'ml-system-design', version: 1 } }] });
    await db.roles.add({ ...role, id: 'role-3', loopPlan: [{ key: 's1', rubric: INCIDENT }, { key: 's2', rubric: v2Ref }] });
    const interviews = [interviewOf('i1', 'Ana'), interviewOf('i2', 'Ben'), { ...interviewOf('i3', 'Cy'), rubric: v2Ref }];
    await db.interviews.bulkAdd(interviews);
    const [first, second] = interviews;
    if (!first || !second) throw new Error('fixture');
    await db.scorecards.add(cardFor(first, []));
    await db.scorecardRevisions.add(cardFor(first, []));
    await db.scorecards.add({ ...cardFor(second, []), status: 'draft', submittedAt: null, contentHash: null });

    expect(await repos.rubricLibrary.usage(INCIDENT)).toEqual({ roles: 2, interviews: 2, submittedScorecards: 1 });
    expect(await repos.rubricLibrary.usage(v2Ref)).toEqual({ roles: 2, interviews: 1, submittedScorecards: 0 });
    expect(await repos.rubricLibrary.usage({ id: 'ml-system-design', version: 1 })).toEqual({ roles: 1, interviews: 0, submittedScorecards: 0 });
    expect(await repos.rubricLibrary.usage({ id: 'rollback-scenario', version: 1 })).toEqual({ roles: 0, interviews: 0, submittedScorecards: 0 });
  });
});
