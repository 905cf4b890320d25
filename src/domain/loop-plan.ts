import type { LoopSlot, RubricRef } from './role';

/*
 * The loop plan: the interviews every candidate of a role gets, each on its own rubric version.
 *
 * An interview records the rubric version it is run on (`interview.rubric`), not the slot it fills:
 * the interview record is embedded in files other devices read, and a slot key would be one more
 * field for them to refuse. So an interview fills a slot by its rubric: the interviews on a rubric
 * fill that rubric's slots in plan order, one each, round after round.
 */

export const NOT_IN_PLAN_MESSAGE = 'This rubric is not one of the interviews planned for this role. Choose one of the role’s planned interviews, or change the role’s loop plan first.';

export function sameRef(a: RubricRef, b: RubricRef): boolean {
  return a.id === b.id && a.version === b.version;
}

/**
 * How many interviews of the loop fill each slot, in plan order. Interviews on a rubric fill that
 * rubric's slots in turn (two incident-review slots and three incident-review interviews: 2 and 1);
 * an interview on a rubric the plan no longer has fills none.
 */
export function slotFillCounts(plan: readonly LoopSlot[], loop: readonly { rubric: RubricRef }[]): number[] {
  return plan.map((slot, index) => {
    const sameRubric = plan.filter((s) => sameRef(s.rubric, slot.rubric));
    const turn = plan.slice(0, index).filter((s) => sameRef(s.rubric, slot.rubric)).length;
    const interviews = loop.filter((i) => sameRef(i.rubric, slot.rubric)).length;
    return Math.max(0, Math.ceil((interviews - turn) / sameRubric.length));
  });
}

/**
 * The slot the next interviewer of this loop runs: the first that no interview fills yet; once
 * every slot is filled, the first of those with the fewest interviews (a second round).
 */
export function nextSlotFor(plan: readonly LoopSlot[], loop: readonly { rubric: RubricRef }[]): LoopSlot | undefined {
  const counts = slotFillCounts(plan, loop);
  const fewest = Math.min(...counts);
  return plan[counts.indexOf(fewest)];
}

/** Whether an interview on `rubric` is one of the plan's interviews. */
export function isPlanned(plan: readonly LoopSlot[], rubric: RubricRef): boolean {
  return plan.some((s) => sameRef(s.rubric, rubric));
}

