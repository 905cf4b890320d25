import { describe, expect, it } from 'vitest';
import { NOT_IN_PLAN_MESSAGE, isPlanned, nextSlotFor, slotFillCounts } from '../../src/domain/loop-plan';
import {
  addSlot,
  describePlan,
  describeSlot,
  moveSlot,
  newSlotKey,
  planChangeMessage,
  planChangeNeedsConfirmation,
  removeSlot,
  rubricShortLabel,
  rubricVersionLabel,
  samePlan,
  setSlotRubric,
} from '../../src/domain/loop-plan-editing';
import { LOOP_PLAN_MAX_SLOTS, RoleInputSchema, loopPlanOf, type LoopSlot } from '../../src/domain/role';
import { servingRole } from '../fixtures/roles';
import { messagesAt } from '../helpers/issues';

const incident = { id: 'production-incident-review', version: 1 };
const design = { id: 'ml-system-design', version: 1 };
const rollback = { id: 'rollback-scenario', version: 1 };
const rubrics = [
  { ...incident, title: 'Production incident review' },
  { ...design, title: 'ML system design' },
  { ...rollback, title: 'Rollback scenario' },
];
const threeInterviews: LoopSlot[] = [
  { key: 's1', rubric: incident },
  { key: 's2', rubric: design },
  { key: 's3', rubric: rollback },
];
const on = (...refs: { id: string; version: number }[]) => refs.map((rubric) => ({ rubric }));

describe('a loop plan', () => {
  it('is the role’s own, or one interview on the role’s rubric', () => {
    expect(loopPlanOf(servingRole)).toEqual([{ key: 's1', rubric: servingRole.rubric }]);
    expect(loopPlanOf({ ...servingRole, loopPlan: threeInterviews })).toBe(threeInterviews);
  });

  it('has 1 to 12 interviews, each with its own key', () => {
    expect(RoleInputSchema.safeParse({ ...servingRole, loopPlan: threeInterviews }).success).toBe(true);
    expect(messagesAt(RoleInputSchema, { ...servingRole, loopPlan: [] }, 'loopPlan')).toEqual(['A loop plan has at least one interview.']);
    const thirteen = Array.from({ length: LOOP_PLAN_MAX_SLOTS + 1 }, (_, i) => ({ key: `s${i + 1}`, rubric: incident }));
    expect(messagesAt(RoleInputSchema, { ...servingRole, loopPlan: thirteen }, 'loopPlan')).toEqual(['A loop plan has at most 12 interviews.']);
    const twice = [{ key: 's1', rubric: incident }, { key: 's1', rubric: design }];
    expect(messagesAt(RoleInputSchema, { ...servingRole, loopPlan: twice }, 'loopPlan')).toEqual(['Each interview of the loop plan has its own key.']);
    expect(RoleInputSchema.safeParse({ ...servingRole, loopPlan: [{ key: '__proto__', rubric: incident }] }).success).toBe(false);
    expect(RoleInputSchema.safeParse({ ...servingRole, loopPlan: [{ key: 's1', rubric: { id: 'x', version: 0 } }] }).success).toBe(false);
  });
});

describe('slot keys', () => {
  it('are one more than the highest ever taken, so a removed slot’s key is never handed out again', () => {
    expect(newSlotKey([])).toBe('s1');
    expect(newSlotKey(['s1', 's3'])).toBe('s4');
    const withoutLast = removeSlot(threeInterviews, 's3');
    expect(addSlot(withoutLast, rollback).map((s) => s.key)).toEqual(['s1', 's2', 's3']);
    expect(addSlot(withoutLast, rollback, ['s3']).map((s) => s.key)).toEqual(['s1', 's2', 's4']);
  });
});

describe('editing a plan', () => {
  it('adds at the end, up to 12 interviews', () => {
    let plan: LoopSlot[] = [{ key: 's1', rubric: incident }];
    for (let i = 0; i < 20; i += 1) plan = addSlot(plan, design);
    expect(plan).toHaveLength(LOOP_PLAN_MAX_SLOTS);
    expect(plan[11]).toEqual({ key: 's12', rubric: design });
  });

  it('removes any interview but the last one left', () => {
    expect(removeSlot(threeInterviews, 's2').map((s) => s.key)).toEqual(['s1', 's3']);
    expect(removeSlot([{ key: 's1', rubric: incident }], 's1')).toEqual([{ key: 's1', rubric: incident }]);
    expect(removeSlot(threeInterviews, 's9')).toEqual(threeInterviews);
  });

  it('moves an interview up or down, and not past either end', () => {
    expect(moveSlot(threeInterviews, 's2', -1).map((s) => s.key)).toEqual(['s2', 's1', 's3']);
    expect(moveSlot(threeInterviews, 's2', 1).map((s) => s.key)).toEqual(['s1', 's3', 's2']);
    expect(moveSlot(threeInterviews, 's1', -1)).toEqual(threeInterviews);
    expect(moveSlot(threeInterviews, 's3', 1)).toEqual(threeInterviews);
    expect(moveSlot(threeInterviews, 's9', 1)).toEqual(threeInterviews);
  });

  it('changes one interview’s rubric and leaves the others', () => {
    const plan = setSlotRubric(threeInterviews, 's2', { id: 'ml-system-design', version: 2 });
    expect(plan.map((s) => s.rubric.version)).toEqual([1, 2, 1]);
    expect(plan[1]?.key).toBe('s2');
  });
});

describe('the next interview of a candidate’s loop', () => {
  it('is the first no interviewer runs yet', () => {
    expect(nextSlotFor(threeInterviews, [])?.key).toBe('s1');
    expect(nextSlotFor(threeInterviews, on(incident))?.key).toBe('s2');
    expect(nextSlotFor(threeInterviews, on(incident, design))?.key).toBe('s3');
    expect(nextSlotFor(threeInterviews, on(design))?.key).toBe('s1');
    expect(nextSlotFor(threeInterviews, on(incident, rollback))?.key).toBe('s2');
  });

  it('starts a second round once every interview has an interviewer', () => {
    expect(nextSlotFor(threeInterviews, on(incident, design, rollback))?.key).toBe('s1');
    expect(nextSlotFor(threeInterviews, on(incident, design, rollback, incident))?.key).toBe('s2');
    const one = [{ key: 's1', rubric: incident }];
    expect(nextSlotFor(one, on(incident, incident, incident))?.key).toBe('s1');
  });

  it('tells two interviews on the same rubric apart by how many interviewers run that rubric', () => {
    const twoIncidents: LoopSlot[] = [{ key: 's1', rubric: incident }, { key: 's2', rubric: design }, { key: 's3', rubric: incident }];
    expect(slotFillCounts(twoIncidents, on(incident))).toEqual([1, 0, 0]);
    expect(nextSlotFor(twoIncidents, on(incident, design))?.key).toBe('s3');
    expect(slotFillCounts(twoIncidents, on(incident, incident, incident))).toEqual([2, 0, 1]);
  });

  it('does not count an interview on a rubric the plan no longer has', () => {
    const older = incident;
    const moved: LoopSlot[] = [{ key: 's1', rubric: { id: 'production-incident-review', version: 2 } }, { key: 's2', rubric: design }];
    expect(slotFillCounts(moved, on(older))).toEqual([0, 0]);
    expect(nextSlotFor(moved, on(older))?.key).toBe('s1');
    expect(isPlanned(moved, older)).toBe(false);
    expect(isPlanned(moved, design)).toBe(true);
    expect(NOT_IN_PLAN_MESSAGE).toMatch(/not one of the interviews planned/);
  });
});

describe('a plan in words', () => {
  it('names a slot by its place and rubric version', () => {
    expect(describeSlot(threeInterviews, 's2', rubrics)).toBe('Interview 2 · ML system design, version 1');
    expect(describeSlot(threeInterviews, 's9', rubrics)).toBeUndefined();
    expect(describeSlot([{ key: 's1', rubric: { id: 'gone', version: 3 } }], 's1', rubrics)).toBe('Interview 1 · A rubric not on this device, version 3');
  });

  it('labels rubric versions for pickers and lists', () => {
    expect(rubricVersionLabel({ ...design, title: 'ML system design' })).toBe('ML system design · version 1');
    expect(rubricShortLabel(rubrics, design)).toBe('ML system design · v1');
  });

  it('says what every candidate gets', () => {
    expect(describePlan([{ key: 's1', rubric: incident }], rubrics)).toBe(
      'Each interviewer runs the same interview, Production incident review (version 1), and scores it on their own.',
    );
    expect(describePlan(threeInterviews, rubrics)).toBe(
      'Every candidate for this role gets the same 3 interviews: Production incident review, ML system design and Rollback scenario. Each interviewer runs one of them and scores it on their own.',
    );
  });
});

describe('changing a plan once the role has scorecards', () => {
  const before = { rubric: incident, loopPlan: threeInterviews };

  it('asks first when the interviews or their order change', () => {
    expect(planChangeNeedsConfirmation(before, { rubric: incident, loopPlan: moveSlot(threeInterviews, 's2', 1) }, 3)).toBe(true);
    expect(planChangeNeedsConfirmation(before, { rubric: incident, loopPlan: removeSlot(threeInterviews, 's3') }, 1)).toBe(true);
    expect(planChangeNeedsConfirmation(before, { rubric: incident, loopPlan: setSlotRubric(threeInterviews, 's1', { id: incident.id, version: 2 }) }, 1)).toBe(true);
  });

  it('does not ask before the first scorecard, nor when the plan is the same', () => {
    expect(planChangeNeedsConfirmation(before, { rubric: incident, loopPlan: removeSlot(threeInterviews, 's3') }, 0)).toBe(false);
    expect(planChangeNeedsConfirmation(before, { rubric: design, loopPlan: threeInterviews.map((s) => ({ ...s })) }, 5)).toBe(false);
    // A role saved before plans existed, saved again with its one interview written out.
    expect(planChangeNeedsConfirmation({ rubric: incident }, { rubric: incident, loopPlan: [{ key: 's1', rubric: incident }] }, 2)).toBe(false);
    expect(samePlan(threeInterviews, threeInterviews.slice(0, 2))).toBe(false);
  });

  it('says how many candidates have scorecards and what happens to them', () => {
    expect(planChangeMessage(3)).toBe(
      '3 candidates of this role already have scorecards. Interviews already planned keep their rubric; interviews added from now, for any candidate, follow the new plan.',
    );
    expect(planChangeMessage(1)).toMatch(/^1 candidate of this role already has scorecards\./);
  });
});
