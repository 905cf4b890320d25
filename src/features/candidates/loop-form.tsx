import { useEffect, useState } from 'react';
import { InterviewInputSchema, checkLoopAddition, type Interview, type InterviewInput } from '../../domain/interview';
import { nextSlotFor, slotFillCounts } from '../../domain/loop-plan';
import { describeSlot } from '../../domain/loop-plan-editing';
import type { LoopSlot } from '../../domain/role';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { applyServerIssues, useZodForm, type SubmitResult } from '../../lib/form';

type LoopFormProps = {
  loop: readonly Interview[];
  /** The role's loop plan; with more than one interview, the planner chooses which one each interviewer runs. */
  plan: readonly LoopSlot[];
  rubrics: readonly { id: string; version: number; title: string }[];
  onAdd: (values: InterviewInput) => Promise<SubmitResult>;
};

/**
 * Adds one interviewer to the loop, running one interview of the role's plan (by default the next
 * one nobody runs yet); the form clears and keeps focus for the next name.
 */
export function LoopForm({ loop, plan, rubrics, onAdd }: LoopFormProps) {
  const { formRef, register, handleSubmit, setError, reset, formState } = useZodForm(InterviewInputSchema, { interviewerName: '', plannedAt: '' });
  const { errors, isSubmitting } = formState;
  const [formError, setFormError] = useState<string | null>(null);
  const [added, setAdded] = useState(0);
  // The interview chosen for the next interviewer; null follows the plan (the next unfilled one).
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const next = nextSlotFor(plan, loop);
  const slot = plan.find((s) => s.key === chosenKey) ?? next;
  const everyInterviewRun = slotFillCounts(plan, loop).every((count) => count > 0);

  // After an interviewer is added the form is cleared and ready for the next name. This runs after
  // the render that re-enabled the form, so focus lands on the field and not on the button.
  useEffect(() => {
    if (added === 0) return;
    reset({ interviewerName: '', plannedAt: '' });
    formRef.current?.querySelector<HTMLInputElement>('#loop-interviewer')?.focus();
  }, [added, reset, formRef]);

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const problem = checkLoopAddition(loop, values.interviewerName);
    if (problem) {
      setError('interviewerName', { type: 'loop', message: problem }, { shouldFocus: true });
      return;
    }
    const result = await onAdd(plan.length > 1 && slot ? { ...values, rubric: slot.rubric } : values);
    if (result.ok) {
      setChosenKey(null);
      setAdded((n) => n + 1);
      return;
    }
    if ('message' in result) return setFormError(result.message);
    const rest = applyServerIssues(setError, result.issues, ['interviewerName', 'plannedAt']);
    if (rest.length) setFormError(rest.map((i) => i.message).join(' '));
  });

  return (
    <form ref={formRef} className="form form-inline" onSubmit={(e) => void submit(e)} noValidate aria-label="Add an interviewer to the loop">
      {formError && <Notice tone="error" title="The interviewer was not added">{formError}</Notice>}
      <div className="form-row">
        <Field id="loop-interviewer" label="Interviewer name" error={errors.interviewerName?.message}>
          {(a11y) => <input type="text" autoComplete="off" {...a11y} {...register('interviewerName')} />}
        </Field>
        <Field id="loop-planned" label="Planned time (optional)" error={errors.plannedAt?.message}>
          {(a11y) => <input type="datetime-local" {...a11y} {...register('plannedAt')} />}
        </Field>
      </div>
      {plan.length > 1 && slot && (
        <Field id="loop-slot" label="Interview they run" hint={
            everyInterviewRun
              ? 'Every interview of the plan has an interviewer; preselected is the first of those with the fewest.'
              : 'Preselected: the first interview of the plan that nobody runs yet.'
          }>
          {(a11y) => (
            <select {...a11y} value={slot.key} onChange={(e) => setChosenKey(e.target.value)}>
              {plan.map((s) => (
                <option key={s.key} value={s.key}>
                  {describeSlot(plan, s.key, rubrics)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          Add to loop
        </button>
      </div>
    </form>
  );
}
