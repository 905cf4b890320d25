import { useLayoutEffect, useRef } from 'react';
import { LOOP_PLAN_MAX_SLOTS, type LoopSlot } from '../../domain/role';
import { addSlot, moveSlot, removeSlot, rubricVersionLabel, setSlotRubric } from '../../domain/loop-plan-editing';
import type { Rubric } from '../../domain/rubric';

type LoopPlanFieldProps = {
  plan: readonly LoopSlot[];
  /** Keys the plan has had before (the saved plan's), so a new interview never takes one of them. */
  savedKeys: readonly string[];
  rubrics: readonly Rubric[];
  error?: string | undefined;
  onChange: (plan: LoopSlot[]) => void;
};

const refValue = (ref: { id: string; version: number }) => `${ref.id}@${ref.version}`;

/**
 * The interviews every candidate of the role gets, in order, each on a rubric version. Every
 * control is a native select or button; after a move, a removal or an addition focus follows the
 * interview it acted on, so a keyboard user never lands on <body>.
 */
export function LoopPlanField({ plan, savedKeys, rubrics, error, onChange }: LoopPlanFieldProps) {
  const rootRef = useRef<HTMLFieldSetElement>(null);
  // Where focus goes once the plan it changed is on screen; read after every render.
  const focusNext = useRef<string | null>(null);
  // Keys removed while editing are never handed out again either.
  const usedKeys = useRef(new Set(savedKeys));

  useLayoutEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    focusNext.current = null;
    rootRef.current?.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  });

  const change = (next: LoopSlot[], focus: string) => {
    for (const slot of next) usedKeys.current.add(slot.key);
    focusNext.current = focus;
    onChange(next);
  };

  const move = (slot: LoopSlot, offset: -1 | 1) => {
    const next = moveSlot(plan, slot.key, offset);
    const at = next.findIndex((s) => s.key === slot.key);
    // The same button again, unless the interview reached the end that disables it: then the other one.
    const atTop = at === 0;
    const atBottom = at === next.length - 1;
    const button = offset === -1 ? (atTop ? 'down' : 'up') : atBottom ? 'up' : 'down';
    change(next, `plan-${slot.key}-${button}`);
  };

  const remove = (slot: LoopSlot) => {
    const at = plan.findIndex((s) => s.key === slot.key);
    const next = removeSlot(plan, slot.key);
    const neighbour = next[Math.min(at, next.length - 1)];
    change(next, neighbour ? `plan-${neighbour.key}` : 'plan-add');
  };

  const add = () => {
    // A rubric the plan does not have yet, so adding builds a varied loop; else the last one again.
    const planned = new Set(plan.map((s) => rubrics.find((r) => r.id === s.rubric.id && r.version === s.rubric.version)?.lineage ?? s.rubric.id));
    const unused = rubrics.find((r) => !planned.has(r.lineage));
    const rubric = unused ?? plan[plan.length - 1]?.rubric;
    if (!rubric) return;
    const next = addSlot(plan, rubric, usedKeys.current);
    const added = next[next.length - 1];
    if (added) change(next, `plan-${added.key}`);
  };

  return (
    <fieldset ref={rootRef} className="field loop-plan" aria-describedby={error ? 'plan-hint plan-error' : 'plan-hint'} aria-invalid={error ? true : undefined}>
      <legend className="field-label">Loop plan</legend>
      <p id="plan-hint" className="field-hint">
        The interviews every candidate for this role gets, in this order, each scored on its own rubric version. The first is the role’s default rubric.
      </p>
      <ol className="plan-list">
        {plan.map((slot, index) => {
          const n = index + 1;
          return (
            <li key={slot.key} className="plan-slot">
              <div className="field plan-choice">
                <label className="field-label" htmlFor={`plan-${slot.key}`}>
                  Interview {n}
                </label>
                <select
                  id={`plan-${slot.key}`}
                  value={refValue(slot.rubric)}
                  onChange={(e) => {
                    const rubric = rubrics.find((r) => refValue(r) === e.target.value);
                    if (rubric) onChange(setSlotRubric(plan, slot.key, rubric));
                  }}
                >
                  {rubrics.map((r) => (
                    <option key={refValue(r)} value={refValue(r)}>
                      {rubricVersionLabel(r)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="plan-actions">
                <button type="button" id={`plan-${slot.key}-up`} className="button button-secondary" disabled={index === 0} aria-label={`Move up interview ${n}`} onClick={() => move(slot, -1)}>
                  Move up
                </button>
                <button
                  type="button"
                  id={`plan-${slot.key}-down`}
                  className="button button-secondary"
                  disabled={index === plan.length - 1}
                  aria-label={`Move down interview ${n}`}
                  onClick={() => move(slot, 1)}
                >
                  Move down
                </button>
                <button type="button" className="button button-secondary" disabled={plan.length <= 1} aria-label={`Remove interview ${n}`} onClick={() => remove(slot)}>
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {error && (
        <p id="plan-error" className="field-error">
          {error}
        </p>
      )}
      <div>
        <button type="button" id="plan-add" className="button button-secondary" disabled={plan.length >= LOOP_PLAN_MAX_SLOTS} onClick={add}>
          Add interview
        </button>
        {plan.length >= LOOP_PLAN_MAX_SLOTS && <p className="field-hint">A loop has at most {LOOP_PLAN_MAX_SLOTS} interviews.</p>}
      </div>
    </fieldset>
  );
}
