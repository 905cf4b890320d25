import { useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ChoiceGroup, Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { applyServerIssues, useFieldText, useZodForm, type SubmitResult } from '../../lib/form';
import { SCREEN_REASON_MAX_LENGTH, SCREEN_KEYWORDS_MAX, SCREEN_OUTCOME_LABELS, ScreenInputSchema, type ScreenFormValues, type ScreenInput } from '../../domain/screen';
import { SCREEN_OUTCOMES } from '../../domain/slate';
import { PRODUCTION_SIGNALS, WRONG_POOL_SIGNALS, type ScreenSuggestions } from '../../domain/sourcing';
import { screenSummary, unconfirmedSuggestionsMessage } from '../../domain/screening';
import type { Lane } from '../../domain/role';
import { ScreenPaste } from './screen-paste';

const FIELD_PATHS = ['source', 'productionSignals', 'stackTools', 'wrongPoolSignals', 'outcome', 'reason', 'screenedBy'];

type ListField = 'productionSignals' | 'stackTools' | 'wrongPoolSignals';
/** A tickable signal: which list it belongs to, its value there, and what the screener reads. */
type Item = { field: ListField; value: string; label: string };
const itemKey = (item: Pick<Item, 'field' | 'value'>) => `${item.field}:${item.value}`;

type ScreenFormProps = {
  candidateId: string;
  candidateName: string;
  roleId: string;
  lane: Lane;
  /** The role's stack, plus any tool an earlier screen confirmed that the stack no longer lists. */
  stackTools: readonly string[];
  sources: readonly string[];
  initial: ScreenFormValues;
  onSave: (values: ScreenInput) => Promise<SubmitResult>;
};

export function ScreenForm({ candidateId, candidateName, roleId, lane, stackTools, sources, initial, onSave }: ScreenFormProps) {
  const { formRef, register, handleSubmit, setError, setValue, getValues, reset, watch, control, formState } = useZodForm(ScreenInputSchema, initial);
  const { errors, isSubmitting } = formState;
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** Signals the scan ticked that the screener has neither confirmed nor unticked. */
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [pendingError, setPendingError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Each refused save sends focus to the confirm button, in the commit that shows why.
  const [pendingAttempts, setPendingAttempts] = useState(0);
  useLayoutEffect(() => {
    if (pendingAttempts > 0) confirmButton.current?.focus();
  }, [pendingAttempts]);
  const reason = useFieldText(control, 'reason');
  const matchedKeywords = watch('matchedKeywords') ?? [];

  const items: Item[] = [
    ...PRODUCTION_SIGNALS.map((s) => ({ field: 'productionSignals' as const, value: s.key, label: s.label })),
    ...stackTools.map((t) => ({ field: 'stackTools' as const, value: t, label: t })),
    ...WRONG_POOL_SIGNALS.map((s) => ({ field: 'wrongPoolSignals' as const, value: s.key, label: s.label })),
  ];

  const settle = (key: string) => {
    if (!pending.has(key)) return;
    const next = new Set(pending);
    next.delete(key);
    setPending(next);
    if (next.size === 0) setPendingError(null);
  };

  const applySuggestions = (s: ScreenSuggestions) => {
    setSaved(null);
    const suggested: Record<ListField, readonly string[]> = { productionSignals: s.production, stackTools: s.stackTools, wrongPoolSignals: s.wrongPool };
    const nextPending = new Set<string>();
    for (const field of ['productionSignals', 'stackTools', 'wrongPoolSignals'] as const) {
      const current = getValues(field) ?? [];
      // What an earlier scan ticked and nobody confirmed goes; what the screener chose stays.
      const kept = current.filter((v) => !pending.has(itemKey({ field, value: v })));
      const added = suggested[field].filter((v) => !kept.includes(v) && (field !== 'stackTools' || stackTools.includes(v)));
      for (const value of added) nextPending.add(itemKey({ field, value }));
      setValue(field, [...kept, ...added] as never, { shouldDirty: true });
    }
    setValue('matchedKeywords', s.found.slice(0, SCREEN_KEYWORDS_MAX), { shouldDirty: true });
    setPending(nextPending);
    setPendingError(null);
  };

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(null);
    const message = unconfirmedSuggestionsMessage(items.filter((i) => pending.has(itemKey(i))).map((i) => i.label));
    if (message) {
      setPendingError(message);
      setPendingAttempts((n) => n + 1);
      return;
    }
    const result = await onSave(values);
    if (result.ok) {
      reset(values);
      setSaved(`Screen saved. ${screenSummary(values)}`);
      return;
    }
    if ('message' in result) return setFormError(result.message);
    const rest = applyServerIssues(setError, result.issues, FIELD_PATHS);
    if (rest.length) setFormError(rest.map((i) => i.message).join(' '));
  });

  const checkbox = (item: Item) => {
    const key = itemKey(item);
    const domId = `screen-${item.field}-${item.value}`.replace(/[^\p{L}\p{N}-]+/gu, '-');
    const isPending = pending.has(key);
    // The boxes of one list share a name, so react-hook-form keeps one set of options for them all:
    // each box settles its own suggestion in its own handler.
    const registered = register(item.field);
    return (
      <label key={key} className="choice">
        <input
          type="checkbox"
          value={item.value}
          {...(isPending ? { 'aria-describedby': `${domId}-suggested` } : {})}
          {...registered}
          onChange={(event) => {
            settle(key);
            return registered.onChange(event);
          }}
        />
        <span className="choice-title">{item.label}</span>
        {isPending && (
          // Out of the name, read as the description: the signal keeps its name whoever ticked it.
          <span id={`${domId}-suggested`} className="screen-suggested" aria-hidden="true">
            suggested from the text
          </span>
        )}
      </label>
    );
  };
  const group = (field: ListField) => items.filter((i) => i.field === field).map(checkbox);

  return (
    <>
      <ScreenPaste lane={lane} stack={stackTools} onSuggestions={applySuggestions} />
      <form ref={formRef} className="form section" onSubmit={(e) => void submit(e)} noValidate aria-label="Screen">
        {formError && <Notice tone="error" title="The screen was not saved">{formError}</Notice>}

        <Field id="screen-source" label="Source" hint="Where the candidate came from." error={errors.source?.message}>
          {(a11y) => <input type="text" autoComplete="off" list="screen-sources" {...a11y} {...register('source')} />}
        </Field>
        <datalist id="screen-sources">
          {sources.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>

        {matchedKeywords.length > 0 && <p className="field-hint">Keywords kept with the screen (the text itself is not): {matchedKeywords.join(', ')}.</p>}
        {pending.size > 0 && (
          <div className="notice notice-info screen-pending">
            <p>
              {pending.size} signal{pending.size === 1 ? ' was' : 's were'} ticked because the text suggests {pending.size === 1 ? 'it' : 'them'}. Untick any that the résumé or the call does not bear out, then confirm.
            </p>
            <button
              ref={confirmButton}
              type="button"
              className="button button-secondary"
              aria-describedby={pendingError ? 'screen-pending-error' : undefined}
              onClick={() => {
                setPending(new Set());
                setPendingError(null);
              }}
            >
              Confirm the suggested signals
            </button>
          </div>
        )}
        {pendingError && (
          <p id="screen-pending-error" className="field-error" role="alert">
            <span aria-hidden="true">✖ </span>
            {pendingError}
          </p>
        )}

        <ChoiceGroup id="screen-production" legend="Production signals" hint="What the résumé or the screen call showed, including the role’s stack tools." error={errors.productionSignals?.message ?? errors.stackTools?.message}>
          {group('productionSignals')}
          {group('stackTools')}
        </ChoiceGroup>

        <ChoiceGroup id="screen-wrong-pool" legend="Wrong-pool signals" hint="Signs of an adjacent pool: fine beside a production ML stack, a warning without one." error={errors.wrongPoolSignals?.message}>
          {group('wrongPoolSignals')}
        </ChoiceGroup>

        <ChoiceGroup id="screen-outcome" legend="Outcome" error={errors.outcome?.message}>
          {SCREEN_OUTCOMES.map((o) => (
            <label key={o} className="choice">
              <input type="radio" value={o} {...register('outcome')} />
              <span className="choice-title">{SCREEN_OUTCOME_LABELS[o]}</span>
            </label>
          ))}
        </ChoiceGroup>

        <Field
          id="screen-reason"
          label="Reason"
          hint={
            <>
              A short reason; needed to hold or decline.{' '}
              <span className="counter">
                {reason.length} / {SCREEN_REASON_MAX_LENGTH}
              </span>
            </>
          }
          error={errors.reason?.message}
        >
          {(a11y) => <textarea rows={2} dir="auto" {...a11y} {...register('reason')} />}
        </Field>

        <Field id="screen-by" label="Screened by" error={errors.screenedBy?.message}>
          {(a11y) => <input type="text" autoComplete="name" {...a11y} {...register('screenedBy')} />}
        </Field>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Save the screen'}
          </button>
        </div>
        {saved && (
          <div className="notice notice-success" role="status">
            <p>{saved}</p>
            <div className="action-row">
              <Link className="button button-secondary" href={`/candidates/${candidateId}`}>
                Back to {candidateName}
              </Link>
              <Link className="button button-secondary" href={`/roles/${roleId}/sourcing`}>
                The role’s sourcing
              </Link>
            </div>
          </div>
        )}
      </form>
    </>
  );
}
