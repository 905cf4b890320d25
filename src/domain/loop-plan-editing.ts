import { LOOP_PLAN_MAX_SLOTS, loopPlanOf, type LoopSlot, type Role, type RubricRef } from './role';
import { sameRef } from './loop-plan';

/*
 * Editing a role's loop plan, and the plan in words: for the role form and the candidate page,
 * which load on first use. The rules the repositories apply on every write are in loop-plan.ts.
 */

function slotNumber(key: string): number {
  const n = Number(key.slice(1));
  return Number.isInteger(n) ? n : 0;
}

/** A key no slot in `taken` has had: one more than the highest, so a removed slot's key is never handed out again. */
export function newSlotKey(taken: Iterable<string>): string {
  let highest = 0;
  for (const key of taken) highest = Math.max(highest, slotNumber(key));
  return `s${highest + 1}`;
}

/**
 * The plan with one more interview at the end, on `rubric`. `taken` lists keys used before (the
 * saved plan's, removed slots'), so a new slot never gets one of theirs. Unchanged when full.
 */
export function addSlot(plan: readonly LoopSlot[], rubric: RubricRef, taken: Iterable<string> = []): LoopSlot[] {
  if (plan.length >= LOOP_PLAN_MAX_SLOTS) return [...plan];
  return [...plan, { key: newSlotKey([...plan.map((s) => s.key), ...taken]), rubric: { id: rubric.id, version: rubric.version } }];
}

/** The plan without the slot `key`; unchanged when it is the last one left. */
export function removeSlot(plan: readonly LoopSlot[], key: string): LoopSlot[] {
  if (plan.length <= 1) return [...plan];
  return plan.filter((s) => s.key !== key);
}

/** The plan with the slot `key` moved one place earlier (-1) or later (+1); unchanged at either end. */
export function moveSlot(plan: readonly LoopSlot[], key: string, offset: -1 | 1): LoopSlot[] {
  const from = plan.findIndex((s) => s.key === key);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= plan.length) return [...plan];
  const next = [...plan];
  const [slot] = next.splice(from, 1);
  if (slot) next.splice(to, 0, slot);
  return next;
}

/** The plan with the slot `key` run on another rubric version. */
export function setSlotRubric(plan: readonly LoopSlot[], key: string, rubric: RubricRef): LoopSlot[] {
  return plan.map((s) => (s.key === key ? { key: s.key, rubric: { id: rubric.id, version: rubric.version } } : s));
}

type Titled = { id: string; version: number; title: string };

function titleOf(rubrics: readonly Titled[], ref: RubricRef): string {
  return rubrics.find((r) => sameRef(r, ref))?.title ?? 'A rubric not on this device';
}

/** A rubric version as a picker shows it: “ML system design · version 1”. */
export function rubricVersionLabel(rubric: Titled): string {
  return `${rubric.title} · version ${rubric.version}`;
}

/** A rubric version in a list where space is short: “ML system design · v1”. */
export function rubricShortLabel(rubrics: readonly Titled[], ref: RubricRef): string {
  return `${titleOf(rubrics, ref)} · v${ref.version}`;
}

/** A slot for people: “Interview 2 · ML system design, version 1”; undefined for a key the plan has not. */
export function describeSlot(plan: readonly LoopSlot[], key: string, rubrics: readonly Titled[]): string | undefined {
  const index = plan.findIndex((s) => s.key === key);
  const slot = plan[index];
  if (!slot) return undefined;
  return `Interview ${index + 1} · ${titleOf(rubrics, slot.rubric)}, version ${slot.rubric.version}`;
}

/** Whether two plans ask the same interviews in the same order (slot keys aside). */
export function samePlan(a: readonly LoopSlot[], b: readonly LoopSlot[]): boolean {
  return a.length === b.length && a.every((slot, i) => {
    const other = b[i];
    return other !== undefined && sameRef(slot.rubric, other.rubric);
  });
}

/**
 * A change of plan after the role's first scorecard is asked about first: the interviews already
 * planned keep their rubric, so the role's candidates may no longer all get the same interviews.
 */
export function planChangeNeedsConfirmation(
  before: Pick<Role, 'rubric' | 'loopPlan'>,
  after: Pick<Role, 'rubric' | 'loopPlan'>,
  candidatesWithScorecards: number,
): boolean {
  return candidatesWithScorecards > 0 && !samePlan(loopPlanOf(before), loopPlanOf(after));
}

/** What the confirmation says. */
export function planChangeMessage(candidatesWithScorecards: number): string {
  const who = candidatesWithScorecards === 1 ? '1 candidate of this role already has scorecards' : `${candidatesWithScorecards} candidates of this role already have scorecards`;
  return `${who}. Interviews already planned keep their rubric; interviews added from now, for any candidate, follow the new plan.`;
}

/** What a candidate's loop is, in a sentence: the one interview everyone runs, or the plan's interviews. */
export function describePlan(plan: readonly LoopSlot[], rubrics: readonly Titled[]): string {
  const [only] = plan;
  if (plan.length === 1 && only) {
    return `Each interviewer runs the same interview, ${titleOf(rubrics, only.rubric)} (version ${only.rubric.version}), and scores it on their own.`;
  }
  const names = plan.map((s) => titleOf(rubrics, s.rubric));
  const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
  return `Every candidate for this role gets the same ${plan.length} interviews: ${list}. Each interviewer runs one of them and scores it on their own.`;
}
