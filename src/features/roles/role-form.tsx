import { useLayoutEffect, useRef, useState } from 'react';
import {
  COMP_BASES,
  COMP_BASIS_LABELS,
  CURRENCIES,
  LANES,
  LANE_INFO,
  LEVELS,
  LEVEL_LABELS,
  MANDATE_MAX_LENGTH,
  MISSION_MAX_LENGTH,
  REFERENCE_COMP_2026,
  RoleInputSchema,
  assessMandate,
  formatMoney,
  loopPlanOf,
  type Lane,
  type LoopSlot,
  type RoleFormValues,
  type RoleInput,
} from '../../domain/role';
import type { Rubric } from '../../domain/rubric';
import { BUILTIN_RUBRIC_ID } from '../../domain/builtin-rubric';
import { planChangeMessage, planChangeNeedsConfirmation } from '../../domain/loop-plan-editing';
import { LoopPlanField } from './loop-plan-field';
import { StackField } from './stack-field';
import { missionForLane } from '../../domain/role-stack';
import { STACK_CHOICES } from '../../domain/sourcing';
import { COMP_FACTOR_RANGE, checkCompBand } from '../../domain/comp-check';
import { ChoiceGroup, Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { applyServerIssues, useZodForm, type SubmitResult } from '../../lib/form';
import { todayIso } from '../../lib/dates';

type RoleFormProps = {
  initial?: RoleInput;
  rubrics: readonly Rubric[];
  /** Candidates of the role with a scorecard: once there is one, a change of plan is confirmed first. */
  candidatesWithScorecards?: number;
  submitLabel: string;
  onSubmit: (values: RoleInput) => Promise<SubmitResult>;
  onCancel: () => void;
};

const FIELD_PATHS = ['title', 'lane', 'mandate', 'level', 'compBand.min', 'compBand.max', 'compBand.currency', 'compBand.basis', 'openedOn', 'targetCloseWeeks', 'stack', 'mission'];

export function RoleForm({ initial, rubrics, candidatesWithScorecards = 0, submitLabel, onSubmit, onCancel }: RoleFormProps) {
  // A new role starts with one interview: the incident review, Loopcard's own, when it is here.
  const firstRubric = rubrics.find((r) => r.lineage === BUILTIN_RUBRIC_ID) ?? rubrics[0];
  const firstRef = firstRubric ? { id: firstRubric.id, version: firstRubric.version } : { id: '', version: 1 };
  const defaults: RoleFormValues = initial ? { ...initial, loopPlan: loopPlanOf(initial), stack: initial.stack ?? [], mission: initial.mission ?? '' } : {
    title: '',
    lane: undefined as unknown as RoleFormValues['lane'], // no lane until the manager picks one on purpose
    mandate: '',
    level: undefined as unknown as RoleFormValues['level'],
    compBand: { min: Number.NaN, max: Number.NaN, currency: 'USD', basis: 'base' },
    openedOn: todayIso(),
    targetCloseWeeks: 6,
    rubric: firstRef,
    loopPlan: [{ key: 's1', rubric: firstRef }],
    stack: [],
    mission: '',
  };
  const { formRef, register, handleSubmit, watch, getValues, setValue, setError, formState } = useZodForm(RoleInputSchema, defaults);
  const { errors, isSubmitting } = formState;
  const [formError, setFormError] = useState<string | null>(null);

  const [mandate, lane, level, compBand, loopPlan, stack, mission] = watch(['mandate', 'lane', 'level', 'compBand', 'loopPlan', 'stack', 'mission']);
  const mandateWarnings = assessMandate(mandate ?? '', lane).map((w) => w.message);
  // The factor and the rate are asked for here, for this check only: they are not part of the role.
  const [factorText, setFactorText] = useState('');
  const [rateText, setRateText] = useState('');
  const numberOrNothing = (text: string) => (text.trim() === '' ? undefined : Number(text));
  const bandCheck = checkCompBand(compBand ?? {}, level, { factor: numberOrNothing(factorText), usdPerUnit: numberOrNothing(rateText) });
  const bandWarnings = bandCheck.notCompared ? [bandCheck.notCompared] : bandCheck.warnings.map((w) => w.message);
  const reference = level ? REFERENCE_COMP_2026[level] : undefined;
  const basis = compBand?.basis ?? 'base';
  const currency = compBand?.currency ?? 'USD';

  // A change of plan once the role has scorecards waits for a yes, asked in place of the buttons.
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(0);
  useLayoutEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useLayoutEffect(() => {
    if (returnFocus > 0) submitRef.current?.focus();
  }, [returnFocus]);

  const setPlan = (plan: LoopSlot[]) => {
    setValue('loopPlan', plan, { shouldDirty: true, shouldValidate: formState.submitCount > 0 });
    // The role's default rubric is the first interview's.
    const [first] = plan;
    if (first) setValue('rubric', first.rubric, { shouldDirty: true });
  };

  const save = async (input: RoleInput, confirmed: boolean) => {
    setFormError(null);
    // No stack and no mission are saved as absent, so a role without them keeps the shape it had.
    const { stack: tools, mission: brief, ...fields } = input;
    const values: RoleInput = { ...fields, ...(tools?.length ? { stack: tools } : {}), ...(brief ? { mission: brief } : {}) };
    if (initial && !confirmed && planChangeNeedsConfirmation(initial, values, candidatesWithScorecards)) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    const result = await onSubmit(values);
    if (result.ok) return;
    if ('message' in result) {
      setFormError(result.message);
      return;
    }
    const rest = applyServerIssues(setError, result.issues, FIELD_PATHS);
    if (rest.length) setFormError(rest.map((i) => i.message).join(' '));
  };
  const submit = handleSubmit((values) => save(values, false));
  const submitConfirmed = handleSubmit((values) => save(values, true));

  return (
    <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Role">
      {formError && <Notice tone="error" title="The role was not saved">{formError}</Notice>}

      <Field id="role-title" label="Job title" error={errors.title?.message} hint="As candidates will see it, e.g. “Senior MLOps Engineer, Serving”.">
        {(a11y) => <input type="text" autoComplete="off" {...a11y} {...register('title')} />}
      </Field>

      <ChoiceGroup id="role-lane" legend="Lane" hint="Pick the one lane this hire owns. Each lane is a different first 90 days." error={errors.lane?.message}>
        {LANES.map((value) => (
          <label key={value} className="choice choice-card">
            <input
              type="radio"
              value={value}
              {...register('lane', {
                // The lane's starting text fills a mission the manager has not written yet.
                // (One register call's options serve all three radios: the lane is read from the event.)
                onChange: (e: { target: { value: Lane } }) => {
                  const next = missionForLane(getValues('mission') ?? '', e.target.value);
                  if (next !== null) setValue('mission', next, { shouldDirty: true, shouldValidate: formState.submitCount > 0 });
                },
              })}
            />
            <span>
              <span className="choice-title">{LANE_INFO[value].label}</span>
              <span className="choice-detail">{LANE_INFO[value].owns}</span>
            </span>
          </label>
        ))}
      </ChoiceGroup>

      <Field
        id="role-mandate"
        label="Mandate"
        hint={
          <>
            One sentence: the outcome this hire owns. {lane ? <>For example: “{LANE_INFO[lane].example}”</> : null}{' '}
            <span className="counter">
              {(mandate ?? '').length} / {MANDATE_MAX_LENGTH}
            </span>
          </>
        }
        error={errors.mandate?.message}
        warnings={mandateWarnings}
      >
        {(a11y) => <textarea rows={3} {...a11y} {...register('mandate')} />}
      </Field>

      <Field
        id="role-mission"
        label="First-90-day mission"
        hint={
          <>
            A few sentences: what this hire will have done after 90 days. Choosing a lane gives a starting text to edit.{' '}
            <span className="counter">
              {(mission ?? '').length} / {MISSION_MAX_LENGTH}
            </span>
          </>
        }
        error={errors.mission?.message}
      >
        {(a11y) => <textarea rows={4} {...a11y} {...register('mission')} />}
      </Field>

      <ChoiceGroup id="role-level" legend="Level" error={errors.level?.message}>
        {LEVELS.map((value) => (
          <label key={value} className="choice">
            <input type="radio" value={value} {...register('level')} />
            <span className="choice-title">{LEVEL_LABELS[value]}</span>
          </label>
        ))}
      </ChoiceGroup>

      <fieldset className="field band" aria-describedby="role-band-reference">
        <legend className="field-label">Compensation band</legend>
        <p id="role-band-reference" className="field-hint">
          {reference && level
            ? `2026 reference for ${LEVEL_LABELS[level].toLowerCase()} MLOps engineers: ${formatMoney(reference.min, 'USD')}–${formatMoney(reference.max, 'USD')} (base salary, US dollars).`
            : 'Choose a level to see the 2026 reference range.'}
          {bandCheck.comparedWith && ` ${bandCheck.comparedWith}`}
        </p>
        <div className="form-row">
          <Field id="role-band-min" label="Minimum" error={errors.compBand?.min?.message}>
            {(a11y) => <input type="number" inputMode="numeric" min={0} step={1000} {...a11y} {...register('compBand.min', { valueAsNumber: true })} />}
          </Field>
          <Field id="role-band-max" label="Maximum" error={errors.compBand?.max?.message} warnings={bandWarnings}>
            {(a11y) => <input type="number" inputMode="numeric" min={0} step={1000} {...a11y} {...register('compBand.max', { valueAsNumber: true })} />}
          </Field>
        </div>
        <div className="form-row">
          <Field id="role-band-currency" label="Currency" error={errors.compBand?.currency?.message}>
            {(a11y) => (
              <select {...a11y} {...register('compBand.currency')}>
                {CURRENCIES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="role-band-basis" label="The band covers" error={errors.compBand?.basis?.message}>
            {(a11y) => (
              <select {...a11y} {...register('compBand.basis')}>
                {COMP_BASES.map((b) => (
                  <option key={b} value={b}>
                    {COMP_BASIS_LABELS[b]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {(basis !== 'base' || currency !== 'USD') && (
          <div className="form-row">
            {basis !== 'base' && (
              <Field
                id="role-band-factor"
                label="Compare with base salary ×"
                hint={`The 2026 reference is base salary only: the factor you use from base to ${COMP_BASIS_LABELS[basis].toLowerCase()}, from ${COMP_FACTOR_RANGE.min} to ${COMP_FACTOR_RANGE.max} (e.g. 1.15). Empty: no comparison. Used for this check only, not saved.`}
              >
                {(a11y) => <input type="number" inputMode="decimal" min={COMP_FACTOR_RANGE.min} max={COMP_FACTOR_RANGE.max} step={0.01} value={factorText} onChange={(e) => setFactorText(e.target.value)} {...a11y} />}
              </Field>
            )}
            {currency !== 'USD' && (
              <Field
                id="role-band-rate"
                label={`US dollars per 1 ${currency}`}
                hint="The exchange rate you use. Empty: no comparison. Used for this check only, not saved."
              >
                {(a11y) => <input type="number" inputMode="decimal" min={0} step="any" value={rateText} onChange={(e) => setRateText(e.target.value)} {...a11y} />}
              </Field>
            )}
          </div>
        )}
      </fieldset>

      <StackField
        stack={stack ?? []}
        choices={STACK_CHOICES}
        error={errors.stack?.message ?? errors.stack?.root?.message}
        onChange={(next) => setValue('stack', next, { shouldDirty: true, shouldValidate: formState.submitCount > 0 })}
      />

      <div className="form-row">
        <Field id="role-opened" label="Opened on" error={errors.openedOn?.message}>
          {(a11y) => <input type="date" {...a11y} {...register('openedOn')} />}
        </Field>
        <Field id="role-target" label="Target to close (weeks)" hint="Clean searches close in 4–7 weeks." error={errors.targetCloseWeeks?.message}>
          {(a11y) => <input type="number" inputMode="numeric" min={1} max={52} {...a11y} {...register('targetCloseWeeks', { valueAsNumber: true })} />}
        </Field>
      </div>

      <LoopPlanField
        plan={loopPlan ?? []}
        savedKeys={initial ? loopPlanOf(initial).map((slot) => slot.key) : []}
        rubrics={rubrics}
        error={errors.loopPlan?.message ?? errors.loopPlan?.root?.message ?? errors.rubric?.message}
        onChange={setPlan}
      />

      {confirming ? (
        <div ref={confirmRef} className="confirm plan-confirm" role="group" aria-labelledby="plan-confirm-text" tabIndex={-1}>
          <p id="plan-confirm-text">{planChangeMessage(candidatesWithScorecards)}</p>
          <div className="action-row">
            <button
              type="button"
              className="button button-primary"
              disabled={isSubmitting}
              onClick={() => void submitConfirmed()}
            >
              Save the new plan
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setConfirming(false);
                setReturnFocus((n) => n + 1);
              }}
            >
              Keep editing
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button ref={submitRef} type="submit" className="button button-primary" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : submitLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}
