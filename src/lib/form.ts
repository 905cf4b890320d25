import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useForm, useWatch, type Control, type DefaultValues, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { ValidationError } from '../data/validation';
import { registerPendingWork } from './pending-work';
import { describeError } from './errors';

/**
 * react-hook-form driven by a domain schema: the same schema that guards the repository validates
 * the form, so the two cannot disagree. Errors show after the first submit, then as the user types.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  options: {
    /**
     * Where to look for the first invalid field after a submit, when it is wider than the form: a
     * screen whose repository reports issues on fields above the form (the debrief's consensus).
     */
    focusWithin?: RefObject<HTMLElement | null>;
  } = {},
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // Focus goes to the first invalid field in reading order (useFocusFirstError), not in the
    // order fields happened to register.
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(options.focusWithin ?? formRef, form.formState.submitCount);
  // An update waiting to reload must not throw away a half-filled form: it asks first.
  const isDirty = form.formState.isDirty;
  const dirtyRef = useRef(isDirty);
  useEffect(() => {
    dirtyRef.current = isDirty;
  }, [isDirty]);
  useEffect(() => registerPendingWork(async () => !dirtyRef.current), []);
  return { ...form, formRef };
}

/**
 * After a submit that failed validation, moves focus to the first invalid control (the first
 * element marked aria-invalid="true") inside `root`, in reading order; for a group of radios, to its
 * checked radio or else its first. The one way a form in this app sends focus to an error: call it
 * with a number that goes up on every attempt (react-hook-form's submitCount, or a counter of your
 * own), so the error messages are rendered before focus lands beside them.
 */
export function useFocusFirstError(root: RefObject<HTMLElement | null>, attempts: number) {
  // A layout effect: focus moves in the same commit that shows the messages, never a frame later.
  useLayoutEffect(() => {
    if (attempts === 0 || !root.current) return;
    const invalid = root.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target =
      invalid instanceof HTMLFieldSetElement ? (invalid.querySelector<HTMLElement>('input:checked') ?? invalid.querySelector<HTMLElement>('input, select, textarea')) : invalid;
    target?.focus();
  }, [root, attempts]);
}

type Issue = { path: string; message: string };

/**
 * Puts issues that came back from a repository onto their fields. Returns the issues that belong to
 * no field, for a message above the form. Called inside a submit handler, so useZodForm's
 * useFocusFirstError focuses the first of them, in reading order, once the submit ends.
 */
export function applyServerIssues<T extends FieldValues>(setError: UseFormSetError<T>, issues: readonly Issue[], fields: readonly string[]): Issue[] {
  const unplaced: Issue[] = [];
  for (const issue of issues) {
    if (fields.includes(issue.path)) {
      setError(issue.path as Path<T>, { type: 'server', message: issue.message });
    } else {
      unplaced.push(issue);
    }
  }
  return unplaced;
}

export type SubmitResult = { ok: true } | { ok: false; issues: Issue[] } | { ok: false; message: string };

/**
 * Runs a repository write and turns its failure into something a form can show: field issues
 * for a refused value, a sentence for anything else (a conflict, a full disk). Never swallows.
 */
export async function runSave(write: () => Promise<unknown>): Promise<SubmitResult> {
  try {
    await write();
    return { ok: true };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, issues: error.issues };
    return { ok: false, message: describeError(error, 'saving') };
  }
}

export type { Control } from 'react-hook-form';

/**
 * The text of one field as it is typed, for a counter beside it: only the component that calls
 * this re-renders on a keystroke, not the whole form.
 */
export function useFieldText<T extends FieldValues>(control: Control<T>, name: Path<T>): string {
  const value: unknown = useWatch({ control, name });
  return typeof value === 'string' ? value : '';
}
