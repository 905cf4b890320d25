import { z } from 'zod';
import { CandidateSchema } from '../domain/candidate';
import { DebriefSchema } from '../domain/debrief';
import { DEFAULT_RETENTION, RetentionSettingSchema, candidatesPastRetention, decisionAgeDays, type RetentionCandidate, type RetentionSetting } from '../domain/retention';
import type { RepositoryContext } from './repository-context';
import { ConflictError, validate } from './validation';
import { EXAMPLE_KEY as EXAMPLE_DATA_KEY } from './example-data-key';
import { erasedCandidateSetting } from '../domain/erased-candidates';

const RETENTION_KEY = 'retention';
/** The key example-data.ts keeps the example role and candidate under (not exported there). */

export type ErasureCounts = { interviews: number; scorecards: number; revisions: number; debriefs: number };

/** What erasing one candidate removes (or would remove): for the confirmation dialog and the report after. */
export type ErasureSummary = { candidateId: string; name: string; roleId: string; counts: ErasureCounts };

export type ErasureResult = ErasureSummary & {
  /** Ids of the removed scorecards, so the UI can drop any unsaved-text journal kept for them in sessionStorage. */
  scorecardIds: string[];
  /** True when this candidate was the example data, whose setting is cleared with them. */
  exampleDataCleared: boolean;
};

export type RetentionPreview = {
  /** The stored setting (the default, switched off, when none is stored). */
  setting: RetentionSetting;
  /** The period this preview used: the one given, or the stored one. */
  days: number;
  /** The moment ages were measured from, as an ISO timestamp. */
  today: string;
  /** Oldest decision first. */
  candidates: RetentionCandidate[];
};

export type RetentionSkip = { candidateId: string; name: string | null; reason: string };

export type RetentionResult = { days: number; today: string; removed: ErasureResult[]; skipped: RetentionSkip[] };

type Plan = {
  summary: ErasureSummary;
  interviewIds: string[];
  scorecardIds: string[];
  revisionKeys: [string, number][];
  debriefIds: string[];
};

const DaysSchema = z.object({ days: RetentionSettingSchema.shape.days });

/**
 * Erasure and retention: removing a candidate and everything recorded about them on this device.
 * Roles and rubrics stay: a role may have other candidates, and rubrics hold no one's data.
 */
export function createErasureRepository({ db, now }: RepositoryContext) {
  const erasureTables = [db.roles, db.candidates, db.interviews, db.scorecards, db.scorecardRevisions, db.debriefs, db.screens, db.settings, db.conflicts];

  /** Everything stored about a candidate; null when the candidate is not on this device. Runs inside the caller's transaction. */
  async function planErasure(candidateId: string): Promise<Plan | null> {
    const candidate = await db.candidates.get(candidateId);
    if (!candidate) return null;
    const interviewIds = (await db.interviews.where('candidateId').equals(candidateId).primaryKeys()) as string[];
    // By candidate and by interview: a scorecard about one of their interviews goes even if its own candidateId were wrong.
    const [cardsByCandidate, cardsByInterview, revisionsByCandidate, revisionsByInterview, debriefIds] = await Promise.all([
      db.scorecards.where('candidateId').equals(candidateId).primaryKeys(),
      db.scorecards.where('interviewId').anyOf(interviewIds).primaryKeys(),
      db.scorecardRevisions.where('candidateId').equals(candidateId).primaryKeys(),
      db.scorecardRevisions.where('interviewId').anyOf(interviewIds).primaryKeys(),
      db.debriefs.where('candidateId').equals(candidateId).primaryKeys(),
    ]);
    const scorecardIds = [...new Set([...cardsByCandidate, ...cardsByInterview] as string[])];
    const revisionKeys = new Map<string, [string, number]>();
    for (const key of [...revisionsByCandidate, ...revisionsByInterview] as [string, number][]) revisionKeys.set(`${key[0]}\u0000${key[1]}`, key);
    return {
      summary: {
        candidateId,
        name: candidate.name,
        roleId: candidate.roleId,
        counts: { interviews: interviewIds.length, scorecards: scorecardIds.length, revisions: revisionKeys.size, debriefs: debriefIds.length },
      },
      interviewIds,
      scorecardIds,
      revisionKeys: [...revisionKeys.values()],
      debriefIds: debriefIds as string[],
    };
  }

  /** Deletes what the plan found. Runs inside the caller's read-write transaction over `erasureTables`. */
  async function carryOut(plan: Plan): Promise<ErasureResult> {
    await db.interviews.bulkDelete(plan.interviewIds);
    await db.scorecards.bulkDelete(plan.scorecardIds);
    await db.scorecardRevisions.bulkDelete(plan.revisionKeys);
    await db.debriefs.bulkDelete(plan.debriefIds);
    await db.screens.delete(plan.summary.candidateId);
    await db.candidates.delete(plan.summary.candidateId);
    // Remembered by id alone, so no file, backup or team server brings them back.
    await db.settings.put(erasedCandidateSetting(plan.summary.candidateId, now()));
    // Another device's copies of their records, waiting for a choice, go too.
    const about = new Set([plan.summary.candidateId, ...plan.interviewIds, ...plan.debriefIds]);
    await db.conflicts.filter((c) => about.has(c.recordId) && c.table !== 'roles').delete();
    const example = (await db.settings.get(EXAMPLE_DATA_KEY))?.value as { candidateId?: unknown; roleId?: unknown } | undefined;
    const exampleDataCleared = example?.candidateId === plan.summary.candidateId;
    if (exampleDataCleared) {
      await db.settings.delete(EXAMPLE_DATA_KEY);
      // The example role goes with its example candidate, unless someone added a real candidate to it.
      if (typeof example?.roleId === 'string' && (await db.candidates.where('roleId').equals(example.roleId).count()) === 0) await db.roles.delete(example.roleId);
    }
    const revisionIds = plan.revisionKeys.map(([id]) => id);
    return { ...plan.summary, scorecardIds: [...new Set([...plan.scorecardIds, ...revisionIds])], exampleDataCleared };
  }

  async function storedRetention(): Promise<RetentionSetting> {
    const row = await db.settings.get(RETENTION_KEY);
    // Missing or unreadable: the default, which is off, so nothing is removed on a bad setting.
    const parsed = RetentionSettingSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : DEFAULT_RETENTION;
  }

  function periodOf(days: number | undefined, setting: RetentionSetting): number {
    return days === undefined ? setting.days : validate('Retention period', DaysSchema, { days }).days;
  }

  return {
    /** What erasing this candidate would remove, for the confirmation dialog. Nothing is changed. */
    async describeErasure(candidateId: string): Promise<ErasureSummary> {
      return db.transaction('r', erasureTables, async () => {
        const plan = await planErasure(candidateId);
        if (!plan) throw new ConflictError('This candidate is no longer on this device.');
        return plan.summary;
      });
    },

    /**
     * Removes the candidate and every interview, scorecard, scorecard revision and debrief about them,
     * in one transaction: all of it goes, or (on any error) none of it.
     */
    async eraseCandidate(candidateId: string): Promise<ErasureResult> {
      return db.transaction('rw', erasureTables, async () => {
        const plan = await planErasure(candidateId);
        if (!plan) throw new ConflictError('This candidate is no longer on this device, so there is nothing to erase.');
        return carryOut(plan);
      });
    },

    async getRetention(): Promise<RetentionSetting> {
      return storedRetention();
    },

    async setRetention(setting: RetentionSetting): Promise<RetentionSetting> {
      const value = validate('Retention setting', RetentionSettingSchema, setting);
      await db.settings.put({ key: RETENTION_KEY, value });
      return value;
    },

    /**
     * The candidates whose decision is older than the period (`days`, or the stored one), measured
     * from `today` (default: now). Works whether retention is on or off; nothing is removed.
     */
    async previewRetention(today?: Date, days?: number): Promise<RetentionPreview> {
      const at = today ?? now();
      return db.transaction('r', [db.candidates, db.debriefs, db.settings], async () => {
        const setting = await storedRetention();
        const period = periodOf(days, setting);
        const [candidates, debriefs] = await Promise.all([db.candidates.toArray(), db.debriefs.toArray()]);
        return {
          setting,
          days: period,
          today: at.toISOString(),
          candidates: candidatesPastRetention(
            candidates.map((c) => CandidateSchema.parse(c)),
            debriefs.map((d) => DebriefSchema.parse(d)),
            period,
            at,
          ),
        };
      });
    },

    /**
     * Erases exactly these candidates (normally the ones a preview listed), in one transaction. Each
     * is checked again inside it against the period (`days`, or the stored one) and `today`: one
     * whose decision was cleared or re-recorded since the preview is kept and reported as skipped.
     */
    async applyRetention(candidateIds: readonly string[], today?: Date, days?: number): Promise<RetentionResult> {
      const at = today ?? now();
      return db.transaction('rw', erasureTables, async () => {
        const period = periodOf(days, await storedRetention());
        const removed: ErasureResult[] = [];
        const skipped: RetentionSkip[] = [];
        for (const candidateId of new Set(candidateIds)) {
          const plan = await planErasure(candidateId);
          if (!plan) {
            skipped.push({ candidateId, name: null, reason: 'This candidate is no longer on this device.' });
            continue;
          }
          const row = await db.debriefs.where('candidateId').equals(candidateId).first();
          const debrief = row && DebriefSchema.parse(row);
          const candidate = { id: candidateId, name: plan.summary.name, roleId: plan.summary.roleId };
          if (candidatesPastRetention([candidate], debrief ? [debrief] : [], period, at).length === 0) {
            skipped.push({ candidateId, name: plan.summary.name, reason: whyKept(debrief?.decidedAt ?? null, debrief?.decision ?? null, period, at) });
            continue;
          }
          removed.push(await carryOut(plan));
        }
        return { days: period, today: at.toISOString(), removed, skipped };
      });
    },
  };
}

function whyKept(decidedAt: string | null, decision: string | null, days: number, today: Date): string {
  if (decision === null || decidedAt === null) return 'No decision is recorded for this candidate now, so they were kept.';
  const age = decisionAgeDays(decidedAt, today);
  const when = age < 0 ? 'after the date being checked' : age === 0 ? 'today' : age === 1 ? '1 day ago' : `${age} days ago`;
  return `The decision was recorded ${when}, within the ${days}-day period, so they were kept.`;
}

export type ErasureRepository = ReturnType<typeof createErasureRepository>;
