import { useEffect, useRef, type RefObject } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { ValidationError } from '../data/validation';
import { registerPendingWork } from './pending-work';
import { describeError } from './errors';

/**
 * react-hook-form driven by a domain schema: the same schema that guards the repository validates
 * the form, so the two cannot disagree. Errors show after the first submit, then as the user types.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S>>) {
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
  useFocusFirstError(formRef, form.formState.submitCount);
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
 * After a submit that failed validation, moves focus to the first invalid control in the form's
 * reading order; for a group of radios, to its first radio.
 */
function useFocusFirstError(form: RefObject<HTMLFormElement | null>, submitCount: number) {
  useEffect(() => {
    if (submitCount === 0 || !form.current) return;
    const invalid = form.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid instanceof HTMLFieldSetElement ? invalid.querySelector<HTMLElement>('input, select, textarea') : invalid;
    target?.focus();
  }, [form, submitCount]);
}

type Issue = { path: string; message: string };

/**
 * Puts issues that came back from a repository onto their fields and focuses the first. Returns the
 * issues that belong to no field, for a message above the form.
 */
export function applyServerIssues<T extends FieldValues>(setError: UseFormSetError<T>, issues: readonly Issue[], fields: readonly string[]): Issue[] {
  const unplaced: Issue[] = [];
  let first = true;
  for (const issue of issues) {
    if (fields.includes(issue.path)) {
      setError(issue.path as Path<T>, { type: 'server', message: issue.message }, { shouldFocus: first });
      first = false;
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
