import { RUBRIC_AUTHOR_MAX_LENGTH, RubricSchema, sameRubricVersion, type Rubric, type RubricVersionRef } from '../domain/rubric';
import { RubricDraftSchema, type RubricDraft } from '../domain/rubric-draft';
import type { DraftMode } from '../domain/rubric-editing';
import { loopPlanOf } from '../domain/role';
import type { RepositoryContext } from './repository-context';
import { ConflictError, StaleWriteError, ValidationError, validate } from './validation';

/**
 * The editing rules (checks, keys, the draft of a version) load with the first draft made or saved,
 * not with the first screen. Always awaited before a transaction opens, never inside one.
 */
const loadEditing = () => import('../domain/rubric-editing');

/** Where a rubric version is used on this device. */
export type RubricUsage = { roles: number; interviews: number; submittedScorecards: number };

const usageKey = (ref: RubricVersionRef) => `${ref.id}@${ref.version}`;

/**
 * Saved rubric versions never change: there is no update path. A change is a draft, autosaved
 * like a scorecard, that becomes a new version (a new record) when it is saved. Loaded on first
 * use (the Rubrics screens); its methods run in live queries only after `preload()`.
 */
export function createRubricLibraryRepository({ db, now, newId }: RepositoryContext) {
  /** A time after `previous`: two saves in the same millisecond (or a clock set back) still differ. */
  function stampAfter(previous: string): string {
    const at = now();
    const floor = Date.parse(previous) + 1;
    return (at.getTime() >= floor ? at : new Date(floor)).toISOString();
  }

  /** Counts every use of every version in one pass: the library shows them all. */
  async function countUsage(): Promise<Map<string, RubricUsage>> {
    const counts = new Map<string, RubricUsage>();
    const entry = (ref: RubricVersionRef) => {
      const key = usageKey(ref);
      let found = counts.get(key);
      if (!found) {
        found = { roles: 0, interviews: 0, submittedScorecards: 0 };
        counts.set(key, found);
      }
      return found;
    };
    await db.transaction('r', [db.roles, db.interviews, db.scorecards, db.scorecardRevisions], async () => {
      for (const role of await db.roles.toArray()) {
        // A role counts once per version, whether as its default or in its loop plan.
        const refs = [role.rubric, ...loopPlanOf(role).map((slot) => slot.rubric)];
        const distinct = refs.filter((ref, i) => refs.findIndex((other) => sameRubricVersion(other, ref)) === i);
        for (const ref of distinct) entry(ref).roles += 1;
      }
      for (const interview of await db.interviews.toArray()) entry(interview.rubric).interviews += 1;
      // A scorecard counts once, though it may have several submitted revisions.
      const submitted = new Map<string, RubricVersionRef>();
      for (const card of await db.scorecardRevisions.toArray()) submitted.set(card.id, card.rubric);
      for (const card of await db.scorecards.toArray()) if (card.status === 'submitted') submitted.set(card.id, card.rubric);
      for (const ref of submitted.values()) entry(ref).submittedScorecards += 1;
    });
    return counts;
  }

  async function mustGetDraft(id: string): Promise<RubricDraft> {
    const row = await db.rubricDrafts.get(id);
    if (!row) throw new ConflictError('This draft is no longer on this device: it was saved as a version or discarded, perhaps in another tab.');
    return RubricDraftSchema.parse(row);
  }

  return {
    /** How many roles (default or loop plan), interviews and submitted scorecards use this version. */
    async usage(ref: RubricVersionRef): Promise<RubricUsage> {
      return (await countUsage()).get(usageKey(ref)) ?? { roles: 0, interviews: 0, submittedScorecards: 0 };
    },

    /** The same counts for every version in use, by `id@version`. */
    async usageByVersion(): Promise<Map<string, RubricUsage>> {
      return countUsage();
    },

    /** Starts editing: a new version of this one, or a new rubric made from it. */
    async createDraft(from: RubricVersionRef, mode: DraftMode): Promise<RubricDraft> {
      const { draftFromRubric } = await loadEditing();
      return db.transaction('rw', db.rubrics, db.rubricDrafts, async () => {
        const row = await db.rubrics.get([from.id, from.version]);
        if (!row) throw new ConflictError(`The rubric ${from.id} version ${from.version} is not on this device.`);
        const draft = validate('Rubric draft', RubricDraftSchema, draftFromRubric(RubricSchema.parse(row), { mode, draftId: newId(), now: now().toISOString() }));
        await db.rubricDrafts.add(draft);
        return draft;
      });
    },

    async getDraft(id: string): Promise<RubricDraft | undefined> {
      const row = await db.rubricDrafts.get(id);
      return row && RubricDraftSchema.parse(row);
    },

    /** Drafts in progress, the most recently edited first. */
    async listDrafts(): Promise<RubricDraft[]> {
      const rows = await db.rubricDrafts.toArray();
      return rows.map((r) => RubricDraftSchema.parse(r)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },

    /**
     * One autosave of a draft, edited from the copy stamped `expectedUpdatedAt`. If another tab saved
     * the draft since, nothing is written and StaleWriteError carries what is stored now.
     */
    async saveDraft(draft: RubricDraft, expectedUpdatedAt: string): Promise<RubricDraft> {
      const fields = validate('Rubric draft', RubricDraftSchema, draft);
      return db.transaction('rw', db.rubricDrafts, async () => {
        const stored = await mustGetDraft(fields.id);
        if (stored.updatedAt !== expectedUpdatedAt) throw new StaleWriteError<RubricDraft>('This draft was changed in another tab since this copy was loaded.', stored);
        // What it is based on and which rubric it joins were fixed when the draft was made.
        const next = validate('Rubric draft', RubricDraftSchema, {
          ...fields,
          basedOn: stored.basedOn,
          lineage: stored.lineage,
          createdAt: stored.createdAt,
          updatedAt: stampAfter(stored.updatedAt),
        });
        await db.rubricDrafts.put(next);
        return next;
      });
    },

    async discardDraft(id: string): Promise<void> {
      await db.rubricDrafts.delete(id);
    },

    /**
     * Saves the draft as a new version and removes the draft, in one transaction. The version gets
     * a new id (so two devices' edits never collide) and the next number of its rubric here.
     * Nothing already saved is touched: the write is an add, which fails rather than overwrite.
     */
    async saveVersion(draftId: string, author: string): Promise<Rubric> {
      const name = author.trim();
      if (name.length > RUBRIC_AUTHOR_MAX_LENGTH) throw new ValidationError('Rubric', [{ path: 'author', message: `Your name must be at most ${RUBRIC_AUTHOR_MAX_LENGTH} characters.` }]);
      const { checkRubricDraft, nextVersionNumber, rubricFromDraft } = await loadEditing();
      return db.transaction('rw', db.rubrics, db.rubricDrafts, async () => {
        const draft = await mustGetDraft(draftId);
        const problems = checkRubricDraft(draft);
        if (problems.length > 0) throw new ValidationError('Rubric', problems.map((p) => ({ path: p.field, message: p.message })));
        const id = newId();
        const siblings = draft.lineage === null ? [] : await db.rubrics.where('lineage').equals(draft.lineage).toArray();
        const rubric = validate('Rubric', RubricSchema, rubricFromDraft(draft, { id, version: nextVersionNumber(siblings), author: name, now: now().toISOString() }));
        await db.rubrics.add(rubric);
        await db.rubricDrafts.delete(draftId);
        return rubric;
      });
    },
  };
}

export type RubricLibraryRepository = ReturnType<typeof createRubricLibraryRepository>;
