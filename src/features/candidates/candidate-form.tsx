import { useState } from 'react';
import { CANDIDATE_NOTES_MAX_LENGTH, CandidateInputSchema, type CandidateFormValues, type CandidateInput } from '../../domain/candidate';
import type { Role } from '../../domain/role';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { applyServerIssues, useZodForm, type SubmitResult } from '../../lib/form';

type CandidateFormProps = {
  initial: CandidateFormValues;
  roles: readonly Role[];
  roleLocked: boolean;
  submitLabel: string;
  onSubmit: (values: CandidateInput) => Promise<SubmitResult>;
  onCancel: () => void;
};

export function CandidateForm({ initial, roles, roleLocked, submitLabel, onSubmit, onCancel }: CandidateFormProps) {
  const { formRef, register, handleSubmit, setError, watch, formState } = useZodForm(CandidateInputSchema, initial);
  const { errors, isSubmitting } = formState;
  const [formError, setFormError] = useState<string | null>(null);
  const notes = watch('notes') ?? '';

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await onSubmit(values);
    if (result.ok) return;
    if ('message' in result) return setFormError(result.message);
    const rest = applyServerIssues(setError, result.issues, ['name', 'roleId', 'notes']);
    if (rest.length) setFormError(rest.map((i) => i.message).join(' '));
  });

  return (
    <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Candidate">
      {formError && <Notice tone="error" title="The candidate was not saved">{formError}</Notice>}
      <Field id="candidate-name" label="Candidate name" error={errors.name?.message}>
        {(a11y) => <input type="text" autoComplete="off" {...a11y} {...register('name')} />}
      </Field>
      {roleLocked ? (
        <div className="field">
          <p className="field-label" id="candidate-role">Role</p>
          <p>{roles.find((r) => r.id === initial.roleId)?.title ?? 'Unknown role'}</p>
          <p className="field-hint">The loop is planned for this role, so the role cannot change.</p>
        </div>
      ) : (
        <Field id="candidate-role" label="Role" error={errors.roleId ? 'Choose the role this candidate is interviewing for.' : undefined}>
          {(a11y) => (
            <select {...a11y} {...register('roleId')}>
              <option value="">Choose a role…</option>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        id="candidate-notes"
        label="Screening notes (optional)"
        hint={`Where they came from, the stack they have run, anything the panel should know. ${notes.length} / ${CANDIDATE_NOTES_MAX_LENGTH}`}
        error={errors.notes?.message}
      >
        {(a11y) => <textarea rows={4} {...a11y} {...register('notes')} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
