// A year of Loopcard use on one device, for the `year` benchmark (test/bench/year-bench.tsx):
// 300 roles, 3,000 candidates (10 a role), 10,000 submitted scorecards (3 or 4 a candidate), every
// fifth amended and submitted again (so 12,000 submitted revisions), and one planned interview still
// without a scorecard for every tenth candidate (the scorecards due). Deterministic: ids and clock
// come from a seeded generator, so two runs hold the same rows.
//
// Roles, candidates and the first scorecards go through the repositories (src/data), exactly as the
// app writes them. Through the repositories, one scorecard is three transactions (add to the loop,
// open, submit) and a fifth of them three more (amend, open, submit): the first VIA_REPOSITORIES
// scorecards are written that way and timed, and the rest are rows built by the domain's own
// functions (reviseRecord, createDraftScorecard, checkSubmission, hashedContent, sha256OfCanonical),
// each parsed by its schema, written in bulk, 1,000 interviews at a time in one transaction.
import type { LoopcardDb } from '../../src/data/db';
import { createRepositories, type Repositories } from '../../src/data/repositories';
import { InterviewSchema, type Interview } from '../../src/domain/interview';
import { LANES, LEVELS, type RoleInput } from '../../src/domain/role';
import { RubricSchema, RECOMMENDATIONS, type Rubric } from '../../src/domain/rubric';
import { ScorecardSchema, contentOf, type Scorecard, type ScorecardContent } from '../../src/domain/scorecard';
import { checkSubmission, createDraftScorecard, hashedContent } from '../../src/domain/scorecard-rules';
import { reviseRecord } from '../../src/domain/revision';
import { sha256OfCanonical } from '../../src/domain/hash';
import { servingRole } from '../fixtures/roles';
import { evidenceText, levelFor } from './bench-data';

export const YEAR = {
  roles: 300,
  candidatesPerRole: 10,
  scorecards: 10_000,
  /** Every n-th scorecard is amended once and submitted again. */
  amendEvery: 5,
  /** Every n-th candidate has one more planned interview, in the past, with no scorecard. */
  dueEvery: 10,
  evidenceChars: 400,
  viaRepositories: 300,
  bulkBatch: 1_000,
} as const;

const INTERVIEWERS = [
  'Ana Lopez', 'Łukasz Dvořák', 'Nguyễn Thị Zhōu', 'Ødegaard', 'Priya Raman', 'Siobhán O’Connor', 'Jean-Luc Müller', 'Kwame Mensah',
  'Mei Chen', 'Tomás Ibáñez', 'Aisha Bello', 'Jonas Berg', 'Sofia Rossi', 'Hiro Tanaka', 'Leila Haddad', 'Marta Nowak',
];
/** Never on a panel above, so a due interview never repeats an interviewer of its loop. */
const LATE_INTERVIEWERS = ['Rafael Costa', 'Grace Okafor', 'Yusuf Demir'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ids shaped like crypto.randomUUID()'s, and a clock that walks through the year, both from the seed. */
export function yearContext(seed: number, start: Date, end: Date, steps: number) {
  const random = seededRandom(seed);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  let t = start.getTime();
  const step = Math.max(1, Math.floor((end.getTime() - start.getTime()) / steps));
  return {
    newId: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`,
    now: () => new Date(Math.min((t += step), end.getTime())),
  };
}

/** `YYYY-MM-DDTHH:mm`, local wall-clock time, as the loop planner stores it. */
function wallClock(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function roleTitle(i: number): string {
  return `MLOps Engineer ${String(i + 1).padStart(3, '0')}`;
}
export function candidateName(i: number): string {
  return `Candidate ${String(i + 1).padStart(4, '0')}`;
}

/** The content an interviewer submits: every dimension rated with evidence, and a recommendation. */
function filledContent(base: ScorecardContent, seed: number, tag: string): ScorecardContent {
  return {
    ...base,
    ratings: base.ratings.map((rating, dimension) => ({
      ...rating,
      level: levelFor(seed, dimension),
      evidence: evidenceText(`${tag} · ${rating.dimensionKey}`, YEAR.evidenceChars),
    })),
    recommendation: RECOMMENDATIONS[seed % RECOMMENDATIONS.length] ?? 'yes',
    takeaways: `Takeaways (${tag}): clear incident narrative, good instincts on rollback.`,
  };
}

export type YearFigures = {
  roleIds: string[];
  candidateIds: string[];
  /** Candidate index → role index. */
  roleOf: number[];
  timings: Record<string, number>;
};

type Plan = { candidate: number; interviewer: string; seed: number; amend: boolean; plannedAt: string };

/** Fills an empty database with the year. Returns what the benchmarks need to find their way. */
export async function fillYearOfData(db: LoopcardDb, onProgress: (text: string) => void = () => {}): Promise<YearFigures> {
  const end = new Date();
  const start = new Date(end.getTime() - 365 * DAY_MS);
  const ctx = yearContext(20261130, start, end, 60_000);
  const repos: Repositories = createRepositories(db, ctx);
  const random = seededRandom(14);
  const timings: Record<string, number> = {};

  // Roles and candidates: through the repositories.
  let started = performance.now();
  const roleIds: string[] = [];
  for (let r = 0; r < YEAR.roles; r++) {
    const input: RoleInput = {
      ...servingRole,
      title: roleTitle(r),
      lane: LANES[r % LANES.length] ?? servingRole.lane,
      level: LEVELS[r % LEVELS.length] ?? servingRole.level,
      openedOn: new Date(start.getTime() + Math.floor((r / YEAR.roles) * 330) * DAY_MS).toISOString().slice(0, 10),
    };
    roleIds.push((await repos.roles.create(input)).id);
  }
  timings.roles = performance.now() - started;
  onProgress(`${YEAR.roles} roles`);

  started = performance.now();
  const candidateIds: string[] = [];
  const roleOf: number[] = [];
  for (let r = 0; r < YEAR.roles; r++) {
    for (let k = 0; k < YEAR.candidatesPerRole; k++) {
      const index = candidateIds.length;
      const roleId = roleIds[r] ?? '';
      candidateIds.push((await repos.candidates.create({ name: candidateName(index), roleId, notes: index % 3 === 0 ? 'Referred by the platform team.' : '' })).id);
      roleOf.push(r);
    }
    if (r % 50 === 49) onProgress(`${candidateIds.length} candidates`);
  }
  timings.candidates = performance.now() - started;

  // Who interviews whom: 3 or 4 interviewers a candidate, 10,000 in all, each planned in the past.
  const plans: Plan[] = [];
  const candidates = candidateIds.length;
  const extra = YEAR.scorecards - 3 * candidates; // candidates with a fourth interviewer
  for (let c = 0; c < candidates; c++) {
    const panel = 3 + (c < extra ? 1 : 0);
    const first = Math.floor(random() * INTERVIEWERS.length);
    const day = start.getTime() + Math.floor((c / candidates) * 350 * DAY_MS);
    for (let i = 0; i < panel; i++) {
      const seed = plans.length;
      plans.push({ candidate: c, interviewer: INTERVIEWERS[(first + i * 5) % INTERVIEWERS.length] ?? 'Ana Lopez', seed, amend: seed % YEAR.amendEvery === YEAR.amendEvery - 1, plannedAt: wallClock(day + (9 + i) * 3_600_000) });
    }
  }
  if (plans.length !== YEAR.scorecards) throw new Error(`Planned ${plans.length} scorecards, expected ${YEAR.scorecards}.`);

  // The first scorecards: through the repositories, timed.
  started = performance.now();
  const viaRepositories = plans.slice(0, YEAR.viaRepositories);
  for (const plan of viaRepositories) {
    const interview = await repos.interviews.addToLoop(candidateIds[plan.candidate] ?? '', { interviewerName: plan.interviewer, plannedAt: plan.plannedAt });
    const draft = await repos.scorecards.openForInterview(interview.id);
    let card = await repos.scorecards.submit(draft.id, filledContent(contentOf(draft), plan.seed, plan.interviewer), draft.editVersion);
    if (plan.amend) {
      const amended = await repos.scorecards.amend(card.id, 'Corrected the rollback rating after re-reading the notes.');
      card = await repos.scorecards.submit(amended.id, filledContent(contentOf(amended), plan.seed + 1, plan.interviewer), amended.editVersion);
    }
    if (card.status !== 'submitted') throw new Error('A scorecard did not submit.');
  }
  timings.viaRepositories = performance.now() - started;
  onProgress(`${viaRepositories.length} scorecards through the repositories`);

  // The rest: rows built by the domain's functions, each parsed by its schema, written in bulk.
  const rubrics = new Map<string, Rubric>();
  for (const row of await db.rubrics.toArray()) {
    const rubric = RubricSchema.parse(row);
    rubrics.set(`${rubric.id}@${rubric.version}`, rubric);
  }
  const roles = new Map((await db.roles.toArray()).map((role) => [role.id, role]));
  const submit = (draft: Scorecard, content: ScorecardContent, rubric: Rubric): Scorecard => {
    const issues = checkSubmission(content, rubric);
    if (issues.length > 0) throw new Error(`A generated scorecard breaks a submission rule: ${issues[0]?.message}`);
    const stamp = ctx.now().toISOString();
    const submitted: Scorecard = { ...draft, ...content, status: 'submitted', submittedAt: stamp, updatedAt: stamp, editVersion: draft.editVersion + 1, contentHash: null };
    return ScorecardSchema.parse({ ...submitted, contentHash: sha256OfCanonical(hashedContent(submitted)) });
  };
  const interviewRow = (plan: { candidate: number; interviewer: string; plannedAt: string }): { interview: Interview; rubric: Rubric } => {
    const candidateId = candidateIds[plan.candidate] ?? '';
    const role = roles.get(roleIds[roleOf[plan.candidate] ?? 0] ?? '');
    if (!role) throw new Error('A generated interview has no role.');
    const rubric = rubrics.get(`${role.rubric.id}@${role.rubric.version}`);
    if (!rubric) throw new Error(`The role's rubric ${role.rubric.id} is not in the database.`);
    const interview = InterviewSchema.parse(
      reviseRecord({ interviewerName: plan.interviewer, plannedAt: plan.plannedAt, id: ctx.newId(), candidateId, roleId: role.id, rubric: { id: rubric.id, version: rubric.version }, createdAt: ctx.now().toISOString() }),
    );
    return { interview, rubric };
  };

  started = performance.now();
  const bulk = plans.slice(YEAR.viaRepositories);
  let revisionsWritten = 0;
  for (let from = 0; from < bulk.length; from += YEAR.bulkBatch) {
    const interviews: Interview[] = [];
    const current: Scorecard[] = [];
    const revisions: Scorecard[] = [];
    for (const plan of bulk.slice(from, from + YEAR.bulkBatch)) {
      const { interview, rubric } = interviewRow(plan);
      interviews.push(interview);
      const draft = createDraftScorecard(interview, rubric, ctx.newId(), ctx.now().toISOString());
      let card = submit(draft, filledContent(contentOf(draft), plan.seed, plan.interviewer), rubric);
      revisions.push(card);
      if (plan.amend) {
        const amended = ScorecardSchema.parse({ ...card, status: 'draft', revision: card.revision + 1, amendReason: 'Corrected the rollback rating after re-reading the notes.', submittedAt: null, contentHash: null, editVersion: card.editVersion + 1, updatedAt: ctx.now().toISOString() });
        card = submit(amended, filledContent(contentOf(amended), plan.seed + 1, plan.interviewer), rubric);
        revisions.push(card);
      }
      current.push(card);
    }
    await db.transaction('rw', [db.interviews, db.scorecards, db.scorecardRevisions], async () => {
      await db.interviews.bulkAdd(interviews);
      await db.scorecards.bulkAdd(current);
      await db.scorecardRevisions.bulkAdd(revisions);
    });
    revisionsWritten += revisions.length;
    onProgress(`${YEAR.viaRepositories + Math.min(from + YEAR.bulkBatch, bulk.length)} scorecards`);
  }
  // Planned interviews still owed a scorecard, a week or more ago.
  const due: Interview[] = [];
  for (let c = 0; c < candidates; c += YEAR.dueEvery) {
    const day = Math.min(start.getTime() + Math.floor((c / candidates) * 350 * DAY_MS), end.getTime() - 7 * DAY_MS);
    due.push(interviewRow({ candidate: c, interviewer: LATE_INTERVIEWERS[(c / YEAR.dueEvery) % LATE_INTERVIEWERS.length] ?? 'Rafael Costa', plannedAt: wallClock(day + 15 * 3_600_000) }).interview);
  }
  await db.interviews.bulkAdd(due);
  timings.bulk = performance.now() - started;
  timings.bulkScorecards = bulk.length;
  timings.bulkRevisions = revisionsWritten;
  return { roleIds, candidateIds, roleOf, timings };
}
